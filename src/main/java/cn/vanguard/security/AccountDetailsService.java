package cn.vanguard.security;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for sign-in; an account is locked while {@code locked_until} lies ahead (login throttling). */
@Service
class AccountDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountDetailsService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select id, username, password_hash, enabled, locked_until from account where username = :u")
                .param("u", username == null ? "" : username.trim())
                .query((rs, n) -> {
                    OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
                    boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
                    return (UserDetails) new AccountPrincipal(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                            rs.getBoolean("enabled"), locked);
                })
                .optional().orElseThrow(() -> new UsernameNotFoundException("no account"));
    }
}
