package cn.vanguard.security.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import cn.vanguard.security.Guard;

/**
 * The authenticated account. Roles and scope are looked up per request by {@link Guard}, so changes apply at once; the
 * session epoch is the account's at sign-in, and {@link SessionCheck} ends the session once the account's moves on.
 * No password hash is kept: the principal lives in the session table.
 */
public final class AccountPrincipal implements UserDetails {

    private static final long serialVersionUID = 2L;

    private final long accountId;
    private final String username;
    private final int sessionEpoch;
    /** The name of the API token a request came with; never in a session (a token's principal is not kept there). */
    private final transient String tokenName;

    public AccountPrincipal(long accountId, String username, int sessionEpoch) {
        this(accountId, username, sessionEpoch, null);
    }

    public AccountPrincipal(long accountId, String username, int sessionEpoch, String tokenName) {
        this.accountId = accountId;
        this.username = username;
        this.sessionEpoch = sessionEpoch;
        this.tokenName = tokenName;
    }

    /** The API token's name, for the audit log; null when signed in on a page. */
    public String tokenName() {
        return tokenName;
    }

    public long accountId() {
        return accountId;
    }

    int sessionEpoch() {
        return sessionEpoch;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return username;
    }
}
