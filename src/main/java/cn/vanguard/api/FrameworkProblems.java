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
 * given (406). They are Problem Details in Chinese like every other API error ({@link ApiProblems}), under /api/v1 and
 * elsewhere alike; a browser asking for a page that does not exist gets the error page instead (web's UnknownAddresses).
 */
@ControllerAdvice
@Order(0)
class FrameworkProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpHeaders problemHeaders = new HttpHeaders();
            problemHeaders.putAll(headers);
            problemHeaders.setContentType(ApiProblems.PROBLEM);
            return new ResponseEntity<>(ApiProblems.framework(e, status.value(), servlet.getRequest()), problemHeaders, status);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }
}
