package cn.vanguard.api;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.vanguard.DatabaseDownFilter;

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
class DatabaseDownProblems extends DatabaseDownFilter {

    private final JsonMapper json;

    DatabaseDownProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiProblems.isApi(request);
    }

    @Override
    protected void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType(ApiProblems.PROBLEM + ";charset=UTF-8");
        json.writeValue(response.getOutputStream(), ApiProblems.unavailable(request));
    }
}
