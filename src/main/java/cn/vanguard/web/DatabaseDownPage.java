package cn.vanguard.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import cn.vanguard.DatabaseDownFilter;
import cn.vanguard.DatabaseUnavailable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * While the database cannot be reached, a page says so in Chinese with status 503 — also when the failure comes before
 * a controller runs: the signed-in session, the account's grants and the sign-in itself are read from the database by
 * filters, where {@link ErrorPages} never sees the failure and the servlet container would answer a bare 500. Placed
 * before every other filter of the application (the session's among them); the API answers its own requests.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseDownPage extends DatabaseDownFilter {

    static final String VIEW = "unavailable";
    static final String MESSAGE = "数据库暂时无法连接，请稍后刷新页面重试；如果持续出现，请联系系统管理员。";

    private final ITemplateEngine templates;

    DatabaseDownPage(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** What the page shows: the message, and links that work under any context path (the page is rendered outside MVC). */
    static Map<String, Object> model(HttpServletRequest request) {
        String uri = request.getRequestURI();
        // a page asked for is asked for again; a form sent is not sent again by a link
        String again = "GET".equals(request.getMethod()) && uri.startsWith("/") && !uri.startsWith("//")
                ? uri + (request.getQueryString() == null ? "" : "?" + request.getQueryString())
                : request.getContextPath() + "/";
        return Map.of("title", DatabaseUnavailable.TITLE, "message", MESSAGE, "base", request.getContextPath(), "again", again);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/v1") || path.startsWith("/api/v1/");
    }

    @Override
    protected void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        templates.process(VIEW, new Context(Locale.SIMPLIFIED_CHINESE, model(request)), response.getWriter());
    }
}
