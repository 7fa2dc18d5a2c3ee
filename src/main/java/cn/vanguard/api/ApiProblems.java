package cn.vanguard.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.vanguard.Conflict;
import cn.vanguard.DatabaseUnavailable;
import cn.vanguard.Invalid;
import cn.vanguard.NotFound;
import cn.vanguard.calendar.CalendarRejected;
import cn.vanguard.rules.SchemeRejected;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Errors of the API as RFC 9457 Problem Details, titles and details in Chinese: input a person got wrong is 400 (with
 * the fields, or every problem of a scheme file), outside one's scope 403, missing 404, a lost race or a reused
 * idempotency key 409. Limited to the API's controllers; what goes wrong before one is chosen (no such path, a method
 * or body format no controller takes) is answered alike by {@link FrameworkProblems}; the pages have their own error
 * pages.
 */
@RestControllerAdvice(basePackages = "cn.vanguard.api")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);
    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @ExceptionHandler(Invalid.class)
    ResponseEntity<ApiProblem> invalid(Invalid e, HttpServletRequest request) {
        return respond(problem(HttpStatus.BAD_REQUEST, "提交的内容有误", e.getMessage(), request).withErrors(e.errors()));
    }

    @ExceptionHandler(SchemeRejected.class)
    ResponseEntity<ApiProblem> schemeRejected(SchemeRejected e, HttpServletRequest request) {
        return respond(problem(HttpStatus.BAD_REQUEST, "方案文件未通过校验",
                "方案文件有" + e.problems().size() + "处问题，请逐条修改后重新发布", request)
                .withProblems(e.problems().stream().map(SchemeProblemView::of).toList()));
    }

    @ExceptionHandler(CalendarRejected.class)
    ResponseEntity<ApiProblem> calendarRejected(CalendarRejected e, HttpServletRequest request) {
        return respond(problem(HttpStatus.BAD_REQUEST, "日历未改动",
                "有" + e.problems().size() + "处需要修改，日历没有任何改动；请逐条修改后重新提交", request)
                .withProblems(e.problems().stream().map(CalendarApi::problem).toList()));
    }

    /** The organisation services report some mistakes (a duplicate unit name, closing a unit with members) this way. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiProblem> refused(IllegalArgumentException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.BAD_REQUEST, "无法完成", e.getMessage(), request));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiProblem> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.FORBIDDEN, "无权操作", e.getMessage(), request));
    }

    @ExceptionHandler(AuthenticationCredentialsNotFoundException.class)
    ResponseEntity<ApiProblem> unauthenticated(AuthenticationCredentialsNotFoundException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.UNAUTHORIZED, "需要认证", "请在 Authorization 头中提供有效的 API 令牌：Bearer vgd_…", request));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ApiProblem> notFound(NotFound e, HttpServletRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "找不到", e.getMessage(), request));
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ApiProblem> conflict(Conflict e, HttpServletRequest request) {
        return respond(problem(HttpStatus.CONFLICT, "操作冲突", e.getMessage(), request));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiProblem> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        JacksonException json = cause(e, JacksonException.class);
        String field = json == null ? "" : json.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (json == null || field.isEmpty()) {
            String detail = json == null && e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                    ? "缺少请求体：请以 JSON 提交（Content-Type: application/json）"
                    : json instanceof MismatchedInputException ? "请求体应为一个 JSON 对象：{ \"字段\": 值, … }"
                    : "请求体不是有效的 JSON，请检查括号、引号和逗号";
            return respond(problem(HttpStatus.BAD_REQUEST, "请求体无法解析", detail, request));
        }
        Class<?> target = json instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        String message = "“" + field + "”的值无效" + (target == null ? "" : "，应为" + expected(target));
        return respond(problem(HttpStatus.BAD_REQUEST, "请求体无法解析", message, request).withErrors(Map.of(field, message)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiProblem> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String message = "参数“" + e.getName() + "”的值“" + e.getValue() + "”无效"
                + (e.getRequiredType() == null ? "" : "，应为" + expected(e.getRequiredType()));
        return respond(problem(HttpStatus.BAD_REQUEST, "参数格式不对", message, request).withErrors(Map.of(e.getName(), message)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiProblem> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        String message = "缺少参数“" + e.getParameterName() + "”";
        return respond(problem(HttpStatus.BAD_REQUEST, "缺少参数", message, request).withErrors(Map.of(e.getParameterName(), message)));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiProblem> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        String message = e.getHeaderName().equalsIgnoreCase(EntriesApi.IDEMPOTENCY_KEY)
                ? "缺少请求头 Idempotency-Key：" + EntriesApi.KEY_NEEDED
                : "缺少请求头 " + e.getHeaderName();
        return respond(problem(HttpStatus.BAD_REQUEST, "缺少请求头", message, request).withErrors(Map.of(e.getHeaderName(), message)));
    }

    /**
     * Spring's own errors keep their status; a database that cannot be reached is 503 (the client retries later);
     * anything else is a bug, logged, and shown without its details.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiProblem> other(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse response) {
            return respond(framework(e, response.getStatusCode().value(), request));
        }
        if (DatabaseUnavailable.causedIt(e)) {
            LOG.warn("API request {} {}: the database is unavailable: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .contentType(PROBLEM).body(unavailable(request));
        }
        LOG.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", "服务器内部错误，请稍后重试；如果问题持续，请联系系统管理员", request));
    }

    /** What the API answers (503) while the database cannot be reached; nothing is lost by retrying with the same key. */
    static ApiProblem unavailable(HttpServletRequest request) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.TITLE, "数据库暂时无法连接，请稍后重试；录入记录时用同一 Idempotency-Key "
                + "重试不会重复录入。如果持续出现，请联系系统管理员", request);
    }

    /** Whether the request is one of the API's, so that its errors are answered as the API answers them. */
    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/v1") || path.startsWith("/api/v1/");
    }

    /**
     * One of Spring MVC's own errors (no such path, a method or body format the resource does not take, …) in the
     * API's words: a Chinese title, and a detail that says what to do instead.
     */
    static ApiProblem framework(Exception e, int statusCode, HttpServletRequest request) {
        HttpStatus status = HttpStatus.resolve(statusCode);
        String title = status == null ? "请求无法处理" : switch (status) {
            case METHOD_NOT_ALLOWED -> "不支持该请求方法";
            case NOT_ACCEPTABLE -> "不支持所要求的响应格式";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持该请求格式";
            case NOT_FOUND -> "找不到";
            default -> status.is4xxClientError() ? "请求有误" : "服务器内部错误";
        };
        String detail;
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            detail = isApi(request) ? "没有这个接口：" + request.getMethod() + " " + request.getRequestURI() + "。全部接口见 /api/v1/docs"
                    : "没有这个地址：" + request.getRequestURI() + "。请从首页进入";
        } else if (e instanceof HttpRequestMethodNotSupportedException unsupported) {
            String[] supported = unsupported.getSupportedMethods();
            detail = request.getRequestURI() + " 不支持 " + unsupported.getMethod() + " 请求"
                    + (supported == null || supported.length == 0 ? "" : "，可用的方法：" + String.join("、", supported));
        } else if (status == HttpStatus.UNSUPPORTED_MEDIA_TYPE) {
            detail = "请以 JSON 提交（Content-Type: application/json）";
        } else if (status == HttpStatus.NOT_ACCEPTABLE) {
            detail = "接口只返回 JSON：请在 Accept 头中接受 application/json";
        } else if (e instanceof MissingServletRequestParameterException missing) {
            detail = "缺少参数“" + missing.getParameterName() + "”";
        } else if (e instanceof TypeMismatchException mismatch) {
            detail = "参数“" + mismatch.getPropertyName() + "”的值“" + mismatch.getValue() + "”无效"
                    + (mismatch.getRequiredType() == null ? "" : "，应为" + expected(mismatch.getRequiredType()));
        } else if (status != null && status.is5xxServerError()) {
            detail = "服务器内部错误，请稍后重试；如果问题持续，请联系系统管理员";
        } else {
            detail = title + "：请对照 /api/v1/docs 检查请求";
        }
        return problem(statusCode, title, detail, request);
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "以下之一：" + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining("、"));
        }
        if (type == LocalDate.class) {
            return "日期，格式 yyyy-MM-dd（如 2026-03-01）";
        }
        if (type == OffsetDateTime.class) {
            return "带时区的时间（ISO 8601）";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == BigInteger.class) {
            return "整数";
        }
        if (type == BigDecimal.class) {
            return "数字（如 \"1.5\" 或 1.5）";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true 或 false";
        }
        if (type == String.class) {
            return "文字";
        }
        return "正确的格式";
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static ApiProblem problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
        return problem(status.value(), title, detail, request);
    }

    private static ApiProblem problem(int status, String title, String detail, HttpServletRequest request) {
        return ApiProblem.of(status, title, detail, request.getRequestURI());
    }

    private static ResponseEntity<ApiProblem> respond(ApiProblem problem) {
        return ResponseEntity.status(problem.status()).contentType(PROBLEM).body(problem);
    }
}
