package cn.vanguard.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An error as RFC 9457 Problem Details ({@code application/problem+json}); title and detail in Chinese. Only one of
 * {@code errors} and {@code problems} is present, when the error has them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "错误（RFC 9457 Problem Details，application/problem+json）。An error as RFC 9457 Problem Details.")
public record ApiProblem(
        @Schema(description = "错误类型，始终为 about:blank。Always about:blank.", example = "about:blank") String type,
        @Schema(description = "错误标题（中文）。Title in Chinese.", example = "提交的内容有误") String title,
        @Schema(description = "HTTP 状态码。HTTP status.", example = "400") int status,
        @Schema(description = "具体说明（中文）。What went wrong, in Chinese.", example = "请填写姓名") String detail,
        @Schema(description = "请求路径。The request path.", example = "/api/v1/members") String instance,
        @Schema(description = "字段 → 中文错误信息（400 输入有误时），如 {\"name\": \"请填写姓名\"}。Field → Chinese message, for "
                + "invalid input.") Map<String, String> errors,
        @Schema(description = "方案文件或日历的每一个问题（被拒绝时）。Every problem of a rejected scheme file or calendar.")
        List<SchemeProblemView> problems) {

    static ApiProblem of(int status, String title, String detail, String instance) {
        return new ApiProblem("about:blank", title, status, detail, instance, null, null);
    }

    ApiProblem withErrors(Map<String, String> errors) {
        return new ApiProblem(type, title, status, detail, instance, errors, problems);
    }

    ApiProblem withProblems(List<SchemeProblemView> problems) {
        return new ApiProblem(type, title, status, detail, instance, errors, problems);
    }
}
