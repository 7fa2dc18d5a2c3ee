package cn.vanguard.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.NotFound;

/** Errors of the pages as pages: 403 outside one's scope, 404 for what does not exist, 409 for a lost race. */
@ControllerAdvice(basePackages = "cn.vanguard.web")
class ErrorPages {

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

    static ModelAndView page(int status, String title, String message) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", status);
        view.addObject("title", title);
        view.addObject("message", message);
        return view;
    }
}
