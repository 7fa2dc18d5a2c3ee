package cn.vanguard.security;

import java.io.IOException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** An account with a generated or reset password must choose its own before doing anything else. */
final class PasswordChangeFilter extends OncePerRequestFilter {

    static final String PAGE = "/account/password";

    private final JdbcClient jdbc;

    PasswordChangeFilter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
                && !path.equals(PAGE) && !path.equals("/logout") && !path.startsWith("/webjars/") && !path.startsWith("/css/")
                && !path.startsWith("/js/") && !path.equals("/error")) {
            Boolean must = jdbc.sql("select must_change_password from account where id = :id").param("id", principal.accountId())
                    .query(Boolean.class).optional().orElse(false);
            if (must) {
                response.sendRedirect(request.getContextPath() + PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
