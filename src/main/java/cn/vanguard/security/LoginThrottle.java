package cn.vanguard.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import cn.vanguard.audit.AuditLog;

/**
 * Counts wrong passwords per account: after {@code vanguard.login.max-failures} in a row the account is locked for
 * {@code vanguard.login.lock-minutes}. A successful sign-in resets the count. Both are audited.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final int lockMinutes;

    LoginThrottle(JdbcClient jdbc, AuditLog audit, Clock clock, @Value("${vanguard.login.max-failures:5}") int maxFailures,
                  @Value("${vanguard.login.lock-minutes:15}") int lockMinutes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockMinutes = lockMinutes;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        Long id = jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).optional().orElse(null);
        if (id == null) {
            audit.record(new AuditLog.Actor(null, truncate(username)), "LOGIN_FAILED", "account", null, null, "登录失败：用户名不存在", null, null);
            return;
        }
        int failures = jdbc.sql("select failed_logins from account where id = :id").param("id", id).query(Integer.class).single() + 1;
        OffsetDateTime lockedUntil = failures >= maxFailures ? OffsetDateTime.now(clock).plusMinutes(lockMinutes) : null;
        jdbc.sql("update account set failed_logins = :f, locked_until = coalesce(:until, locked_until) where id = :id")
                .param("f", failures >= maxFailures ? 0 : failures).param("until", lockedUntil).param("id", id).update();
        audit.record(new AuditLog.Actor(id, username), lockedUntil != null ? "ACCOUNT_LOCKED" : "LOGIN_FAILED", "account", id, null,
                lockedUntil != null ? "连续" + failures + "次密码错误，账号锁定" + lockMinutes + "分钟" : "密码错误（第" + failures + "次）",
                null, lockedUntil == null ? null : Map.of("lockedUntil", lockedUntil));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            jdbc.sql("update account set failed_logins = 0, locked_until = null, last_login_at = :now where id = :id")
                    .param("now", OffsetDateTime.now(clock)).param("id", principal.accountId()).update();
            audit.record(new AuditLog.Actor(principal.accountId(), principal.getUsername()), "LOGIN", "account", principal.accountId(),
                    null, principal.getUsername() + " 登录", null, null);
        }
    }

    private static String truncate(String text) {
        return text.length() > 50 ? text.substring(0, 50) : text;
    }
}
