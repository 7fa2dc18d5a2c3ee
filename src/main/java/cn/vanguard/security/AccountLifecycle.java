package cn.vanguard.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Invalid;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.security.Accounts.Account;

/**
 * What ends access: disabling an account, a manager resetting its password or revoking its API tokens, and the owner
 * changing the password. Each ends the sign-in sessions and revokes the tokens it should in the same transaction as the
 * change and its audit line, so that no session or token outlives the decision.
 * <ul>
 * <li>Disabling ends every session; its tokens stop while it is disabled (checked on every request) and work again when
 * it is enabled, so a temporary suspension does not break an integration — revoke them when that is not wanted.</li>
 * <li>A password reset ends every session and revokes every token: whoever knew the old password may have made one.</li>
 * <li>The owner's own change ends every other session and revokes every token, and keeps the session it was made in.</li>
 * </ul>
 * Role changes need nothing here: {@link Guard} reads the grants on every request.
 */
@Service
public class AccountLifecycle {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final LiveSessions sessions;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Guard guard;

    AccountLifecycle(Accounts accounts, ApiTokens tokens, LiveSessions sessions, JdbcClient jdbc, PasswordEncoder passwords,
                     AuditLog audit, Guard guard) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.guard = guard;
    }

    /** An account the current user may manage (every grant and the linked member in their scope), or refused. */
    private Account manageable(long accountId) {
        Account account = accounts.visible(accountId);
        if (!accounts.manageable(account)) {
            throw Guard.denied();
        }
        return account;
    }

    @Transactional
    public void setEnabled(long accountId, boolean enabled) {
        Account account = manageable(accountId);
        if (!enabled && guard.current().accountId() == accountId) {
            throw Invalid.of("enabled", "不能停用自己的账号");
        }
        jdbc.sql("update account set enabled = :e, version = version + 1 where id = :id").param("e", enabled).param("id", accountId).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("enabled", enabled);
        if (!enabled) {
            after.put("sessionsEnded", sessions.endAll(accountId, account.username()));
        }
        audit.record(guard.current().actor(), enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "account", accountId, accounts.auditUnit(account),
                enabled ? "启用账号 " + account.username() : "停用账号 " + account.username() + "，其登录会话全部结束，API令牌停用期间不可用",
                Map.of("enabled", account.enabled()), after);
    }

    /** Sets a new generated password that must be changed at the next sign-in; returns it once. */
    @Transactional
    public String resetPassword(long accountId) {
        Account account = manageable(accountId);
        String password = Accounts.generatePassword();
        jdbc.sql("update account set password_hash = :h, must_change_password = true, failed_logins = 0, locked_until = null, version = version + 1 where id = :id")
                .param("h", passwords.encode(password)).param("id", accountId).update();
        int ended = sessions.endAll(accountId, account.username());
        int revoked = tokens.revokeAll(accountId);
        audit.record(guard.current().actor(), "PASSWORD_RESET", "account", accountId, accounts.auditUnit(account),
                "重置 " + account.username() + " 的密码，结束其全部登录会话，吊销其" + revoked + "个API令牌", null,
                Map.of("sessionsEnded", ended, "tokensRevoked", revoked));
        return password;
    }

    /** Revokes every live API token of an account the current user may manage; returns how many. */
    @Transactional
    public int revokeTokens(long accountId) {
        Account account = manageable(accountId);
        int revoked = tokens.revokeAll(accountId);
        audit.record(guard.current().actor(), "API_TOKENS_REVOKED", "account", accountId, accounts.auditUnit(account),
                "吊销 " + account.username() + " 的全部API令牌（" + revoked + "个）", null, Map.of("tokensRevoked", revoked));
        return revoked;
    }

    /** The API tokens of an account the current user may look at, newest first. */
    public List<ApiTokens.Token> tokensOf(long accountId) {
        accounts.visible(accountId);
        return tokens.of(accountId);
    }

    /**
     * The signed-in user changes their own password, giving the current one. Every other session of the account ends and
     * every token is revoked; the session given stays (carry it over with {@link LiveSessions#keepCurrent}).
     */
    @Transactional
    public void changeOwnPassword(String current, String next, String keepSessionId) {
        CurrentUser user = guard.current();
        String hash = jdbc.sql("select password_hash from account where id = :id").param("id", user.accountId()).query(String.class).single();
        if (!passwords.matches(current == null ? "" : current, hash)) {
            throw Invalid.of("current", "当前密码不正确");
        }
        String weakness = Accounts.weakness(next);
        if (weakness != null) {
            throw Invalid.of("password", weakness);
        }
        if (passwords.matches(next, hash)) {
            throw Invalid.of("password", "新密码不能与当前密码相同");
        }
        jdbc.sql("update account set password_hash = :h, must_change_password = false, version = version + 1 where id = :id")
                .param("h", passwords.encode(next)).param("id", user.accountId()).update();
        int ended = sessions.endOthers(user.accountId(), user.username(), keepSessionId);
        int revoked = tokens.revokeAll(user.accountId());
        audit.record(user.actor(), "PASSWORD_CHANGED", "account", user.accountId(), null,
                user.username() + " 修改了密码，其他登录会话全部结束，吊销" + revoked + "个API令牌", null,
                Map.of("sessionsEnded", ended, "tokensRevoked", revoked));
    }
}
