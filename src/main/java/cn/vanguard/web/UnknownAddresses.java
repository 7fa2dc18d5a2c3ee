package cn.vanguard.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An address nothing answers, asked for by a browser — under /api/v1 too — gets the application's own error page in
 * Chinese; a program asking for JSON gets Problem Details in Chinese (the API's FrameworkProblems). Before a controller
 * is chosen, so for every address, not just those of this package.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownAddresses {

    @ExceptionHandler(value = {NoResourceFoundException.class, NoHandlerFoundException.class}, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView page(Exception e, HttpServletRequest request) {
        ModelAndView view = ErrorPages.page(404, "找不到页面", "地址 " + request.getRequestURI() + " 不存在：可能输入有误，或页面已经不在了。请从首页进入。");
        view.setStatus(HttpStatus.NOT_FOUND);
        return view;
    }
}
