package cn.vanguard.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

import cn.vanguard.Conflict;
import cn.vanguard.DatabaseUnavailable;
import cn.vanguard.Invalid;
import cn.vanguard.NotFound;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Errors of the pages as pages: 403 outside one's scope, 404 for what does not exist, 409 for a lost race, 503 while
 * the database cannot be reached (before a controller runs, {@link DatabaseDownPage} answers that).
 */
@ControllerAdvice(basePackages = "cn.vanguard.web")
class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ModelAndView denied(AccessDeniedException e) {
        return page(403, "无权访问", e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(NotFound e) {
        return page(404, "找不到", e.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ModelAndView conflict(Conflict e) {
        return page(409, "操作未完成", e.getMessage());
    }

    @ExceptionHandler(Invalid.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView invalid(Invalid e) {
        return page(400, "无法完成", e.getMessage());
    }

    /**
     * The database cannot be reached (restarting, down): 503 with a page that says so, rendered without the menu or
     * anything else that would read the database again. Other data access failures stay server errors.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ModelAndView databaseDown(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (!DatabaseUnavailable.causedIt(e)) {
            throw e;
        }
        LOG.warn("{} {}: the database is unavailable: {}", request.getMethod(), request.getRequestURI(), e.toString());
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
        return new ModelAndView(DatabaseDownPage.VIEW, DatabaseDownPage.model(request), HttpStatus.SERVICE_UNAVAILABLE);
    }

    static ModelAndView page(int status, String title, String message) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", status);
        view.addObject("title", title);
        view.addObject("message", message);
        return view;
    }
}
