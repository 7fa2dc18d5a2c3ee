package cn.vanguard.security.internal;

import java.io.IOException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request under /api/v1 without a valid token. A program is told, as Problem Details in Chinese, that it needs a token,
 * or that no such endpoint exists (the endpoints are public in the OpenAPI document, so this reveals nothing); a
 * browser that wandered there gets the application's error page instead of JSON.
 */
final class ApiEntryPoint implements AuthenticationEntryPoint {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    ApiEntryPoint(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        boolean known = known(request);
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("text/html")) {
            response.sendError(known ? HttpStatus.UNAUTHORIZED.value() : HttpStatus.NOT_FOUND.value());
        } else if (known) {
            SecurityConfig.problem(response, HttpStatus.UNAUTHORIZED, "需要认证", "请在 Authorization 头中提供有效的 API 令牌：Bearer vgd_…");
        } else {
            SecurityConfig.problem(response, HttpStatus.NOT_FOUND, "找不到",
                    "没有这个接口：" + request.getMethod() + " " + request.getRequestURI() + "。全部接口见 /api/v1/docs");
        }
    }

    /** Whether an endpoint of the application answers this path (with this method or another). */
    private boolean known(HttpServletRequest request) {
        RequestMappingHandlerMapping mapping = mappings.getIfUnique();
        if (mapping == null) {
            return true;
        }
        Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return mapping.getHandler(request) != null;
        } catch (Exception another) {
            // the path is mapped, for another method or body type
            return true;
        } finally {
            if (parsed == null) {
                request.removeAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
            } else {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed);
            }
        }
    }
}
