package cn.vanguard;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a request that failed because the database is unavailable ({@link DatabaseUnavailable}) with 503 and
 * {@code Retry-After}, also when the failure comes from a filter (the session, the bearer token, the sign-in) where no
 * controller advice sees it. The pages and the API each say it in their own form; an answer already being sent is
 * left as it is.
 */
public abstract class DatabaseDownFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseDownFilter.class);

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.causedIt(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("{} {}: the database is unavailable: {}", request.getMethod(), request.getRequestURI(), e.toString());
            response.reset();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
            answer(request, response);
        }
    }

    /** Writes the body of the 503 (status and {@code Retry-After} are set). */
    protected abstract void answer(HttpServletRequest request, HttpServletResponse response) throws IOException;
}
