package cn.vanguard.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.vanguard.security.internal.AccountPrincipal;
import cn.vanguard.security.internal.SessionCheck;

/**
 * Ends an account's sign-in sessions. Two mechanisms, so that nothing depends on which node or store holds a session:
 * the session rows (Spring Session JDBC, indexed by principal name) are deleted in the transaction of the change, and
 * the account's session epoch moves on, which {@link SessionCheck} compares on every request of a session that still
 * exists somewhere (the in-memory store of a single node, or a request already in flight).
 */
@Component
public class LiveSessions {

    private final JdbcClient jdbc;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    LiveSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ends every session of the account; returns how many session rows were deleted. */
    int endAll(long accountId, String username) {
        bump(accountId);
        return jdbc.sql("delete from spring_session where principal_name = :u").param("u", username).update();
    }

    /** Ends every session of the account but the one given (the request making the change). */
    int endOthers(long accountId, String username, String keepSessionId) {
        bump(accountId);
        return jdbc.sql("delete from spring_session where principal_name = :u and session_id <> :keep")
                .param("u", username).param("keep", keepSessionId == null ? "" : keepSessionId).update();
    }

    private void bump(long accountId) {
        jdbc.sql("update account set session_epoch = session_epoch + 1 where id = :id").param("id", accountId).update();
    }

    /**
     * Carries the current session over to the account's new epoch after its owner changed the password in it: the
     * owner stays signed in here, while every other session of the account has ended.
     */
    public void keepCurrent(HttpServletRequest request, HttpServletResponse response) {
        SecurityContext current = SecurityContextHolder.getContext();
        if (current.getAuthentication() == null || !(current.getAuthentication().getPrincipal() instanceof AccountPrincipal principal)) {
            return;
        }
        int epoch = jdbc.sql("select session_epoch from account where id = :id").param("id", principal.accountId())
                .query(Integer.class).single();
        AccountPrincipal renewed = new AccountPrincipal(principal.accountId(), principal.getUsername(), epoch);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(renewed, null, renewed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
