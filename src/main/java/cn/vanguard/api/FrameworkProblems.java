package cn.vanguard.api;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own errors that no controller of the API sees, because they happen before one is chosen: a path that
 * does not exist (404), a method (405) or body format (415) that no mapping takes, a response format that cannot be
 * given (406). Under /api/v1 they are Problem Details in Chinese like every other API error ({@link ApiProblems});
 * elsewhere they stay Spring's default Problem Details, as Spring Boot's own handler, which this one replaces, gave them.
 */
@ControllerAdvice
@Order(0)
class FrameworkProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest request) {
        if (request instanceof ServletWebRequest servlet && ApiProblems.isApi(servlet.getRequest())) {
            HttpHeaders problemHeaders = new HttpHeaders();
            problemHeaders.putAll(headers);
            problemHeaders.setContentType(ApiProblems.PROBLEM);
            return new ResponseEntity<>(ApiProblems.framework(e, status.value(), servlet.getRequest()), problemHeaders, status);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }
}
