package cn.vanguard.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.vanguard.Invalid;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.security.internal.LoginThrottle;

/**
 * A member's first sign-in: the username and the one-time code of their slip, and a password of their own (the
 * password policy of {@link Accounts#weakness}). Throttled as sign-in is, in the same order: the client address and
 * then the account must be admitted by {@link LoginThrottle} before the code is compared, and a wrong code counts as a
 * wrong password. A wrong, expired or used code and an unknown username get the same answer, as slowly.
 */
@Service
public class Activation {

    static final String REFUSED = "用户名或激活码不正确，或激活码已过期、已使用。请核对激活单上的用户名和激活码；仍不行请联系支部书记重新发放激活码。";
    static final String THROTTLED = "尝试次数过多，请15分钟后再试。";

    private final JdbcClient jdbc;
    private final LoginThrottle throttle;
    private final ActivationCodes codes;
    private final PasswordEncoder passwords;
    private final LiveSessions sessions;
    private final ApiTokens tokens;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private volatile String decoy;

    Activation(JdbcClient jdbc, LoginThrottle throttle, ActivationCodes codes, PasswordEncoder passwords, LiveSessions sessions,
               ApiTokens tokens, AuditLog audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.codes = codes;
        this.passwords = passwords;
        this.sessions = sessions;
        this.tokens = tokens;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    private record Row(long id, String username, boolean enabled) {
    }

    /**
     * Sets the account's password if the code is its own, unused and unexpired; ends its sessions and revokes its API
     * tokens (a code issued again after a lost password replaces whatever the old one opened). Returns the username;
     * throws {@link Invalid} with a Chinese message at the field otherwise. The throttle's counts are kept whatever the
     * outcome (they are written outside the transaction of the change).
     */
    public String activate(String username, String code, String password, String repeat, String remoteAddress) {
        String name = username == null ? "" : username.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        String weakness = Accounts.weakness(password);
        if (weakness != null) {
            errors.put("password", weakness);
        } else if (!password.equals(repeat)) {
            errors.put("repeat", "两次输入的新密码不一致，请重新输入");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        if (!throttle.admitAddress(remoteAddress)) {
            throw Invalid.of("code", THROTTLED);
        }
        Row row = jdbc.sql("select id, username, enabled from account where username = :u").param("u", name)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).optional().orElse(null);
        if (row == null) {
            // as slow as a right code, whose password is hashed, so that the time taken does not tell which names exist
            passwords.matches(password, decoy());
            audit.record(new AuditLog.Actor(null, name.length() > 50 ? name.substring(0, 50) : name), "ACTIVATION_FAILED", "account", null,
                    null, "激活失败：用户名不存在", null, null);
            throw Invalid.of("code", REFUSED);
        }
        if (!throttle.admitAccount(row.id())) {
            throw Invalid.of("code", THROTTLED);
        }
        String hash = passwords.encode(password);
        String outcome = transaction.execute(status -> {
            if (!codes.use(row.id(), code)) {
                return REFUSED;
            }
            if (!row.enabled()) {
                status.setRollbackOnly();
                return "该账号已停用，不能激活，请联系支部书记。";
            }
            jdbc.sql("update account set password_hash = :h, must_change_password = false, version = version + 1 where id = :id")
                    .param("h", hash).param("id", row.id()).update();
            int ended = sessions.endAll(row.id(), row.username());
            int revoked = tokens.revokeAll(row.id());
            audit.record(new AuditLog.Actor(row.id(), row.username()), "ACCOUNT_ACTIVATED", "account", row.id(), null,
                    row.username() + " 用激活码激活了账号并设置了密码", null, Map.of("sessionsEnded", ended, "tokensRevoked", revoked));
            return null;
        });
        if (REFUSED.equals(outcome)) {
            throttle.failedActivation(row.id(), row.username());
            throw Invalid.of("code", REFUSED);
        }
        throttle.succeeded(row.id(), row.username(), remoteAddress, false);
        if (outcome != null) {
            throw Invalid.of("code", outcome);
        }
        return row.username();
    }

    private String decoy() {
        if (decoy == null) {
            decoy = passwords.encode(Accounts.generatePassword());
        }
        return decoy;
    }
}
