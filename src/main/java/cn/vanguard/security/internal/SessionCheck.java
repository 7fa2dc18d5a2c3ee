package cn.vanguard.security.internal;

import java.io.IOException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Every request of a signed-in session asks the account as it is now: a disabled account, or one whose session epoch
 * moved on since this session signed in (password reset or changed elsewhere, account disabled), ends the session
 * here and sends the browser to sign in again. An account with a generated or reset password must choose its own
 * before doing anything else.
 */
public final class SessionCheck extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";
    static final String ENDED = "/login?ended";

    private final JdbcClient jdbc;

    SessionCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record State(boolean enabled, int epoch, boolean mustChangePassword) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal) || asset(path)) {
            chain.doFilter(request, response);
            return;
        }
        State state = jdbc.sql("select enabled, session_epoch, must_change_password from account where id = :id")
                .param("id", principal.accountId())
                .query((rs, n) -> new State(rs.getBoolean(1), rs.getInt(2), rs.getBoolean(3))).optional().orElse(null);
        if (state == null || !state.enabled() || state.epoch() != principal.sessionEpoch()) {
            end(request, response);
            return;
        }
        if (state.mustChangePassword() && !path.equals(PASSWORD_PAGE) && !path.equals("/logout") && !path.equals("/error")) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Scripts, styles and images, which reveal nothing and are asked for with every page. */
    private static boolean asset(String path) {
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
                || path.startsWith("/favicon.");
    }

    private static void end(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String login = request.getContextPath() + ENDED;
        if (request.getHeader("HX-Request") != null) {
            // htmx would follow a redirect inside the page and swap the sign-in form into a table row
            response.setHeader("HX-Redirect", login);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.sendRedirect(login);
    }
}
