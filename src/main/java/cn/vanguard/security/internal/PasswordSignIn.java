package cn.vanguard.security.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import cn.vanguard.security.Accounts;

/**
 * Signs in with a username and a password. The order is the point: the client address and then the account must be
 * admitted by {@link LoginThrottle} before the password is checked at all, and whether the account is enabled is told
 * only to someone who gave its right password.
 */
@Component
public class PasswordSignIn implements AuthenticationProvider {

    private final JdbcClient jdbc;
    private final LoginThrottle throttle;
    private final PasswordEncoder passwords;
    private volatile String decoy;

    PasswordSignIn(JdbcClient jdbc, LoginThrottle throttle, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.passwords = passwords;
    }

    /** Refused because the client address failed too often; says nothing about the account. */
    static final class TooManyAttempts extends AuthenticationException {
        TooManyAttempts() {
            super("too many failed sign-ins from this address");
        }
    }

    private record Row(long id, String username, String hash, boolean enabled, int epoch) {
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        if (!throttle.admitAddress(address)) {
            throw new TooManyAttempts();
        }
        Row row = jdbc.sql("select id, username, password_hash, enabled, session_epoch from account where username = :u")
                .param("u", username)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5)))
                .optional().orElse(null);
        if (row == null) {
            // as slow as a wrong password, so that the time taken does not tell which names exist
            passwords.matches(password, decoy());
            throttle.unknownAccount(username);
            throw new BadCredentialsException("bad credentials");
        }
        if (!throttle.admitAccount(row.id())) {
            throw new LockedException("locked");
        }
        if (!passwords.matches(password, row.hash())) {
            throttle.failed(row.id(), row.username());
            throw new BadCredentialsException("bad credentials");
        }
        throttle.succeeded(row.id(), row.username(), address, row.enabled());
        if (!row.enabled()) {
            throw new DisabledException("disabled");
        }
        AccountPrincipal principal = new AccountPrincipal(row.id(), row.username(), row.epoch());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private String decoy() {
        if (decoy == null) {
            decoy = passwords.encode(Accounts.generatePassword());
        }
        return decoy;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
