package cn.vanguard.api;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.vanguard.DatabaseUnavailable;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database failing before a controller of the API runs — the bearer token is looked up in it by the security
 * filters — is answered as {@link ApiProblems} answers it inside a controller: 503 Problem Details in Chinese with
 * {@code Retry-After}, instead of the servlet container's 500. Placed before every other filter of the application.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseDownProblems extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseDownProblems.class);

    private final JsonMapper json;

    DatabaseDownProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiProblems.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.causedIt(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("API request {} {}: the database is unavailable: {}", request.getMethod(), request.getRequestURI(), e.toString());
            response.reset();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
            response.setContentType(ApiProblems.PROBLEM + ";charset=UTF-8");
            json.writeValue(response.getOutputStream(), ApiProblems.unavailable(request));
        }
    }
}
