package cn.vanguard.api;

import java.util.Arrays;
import java.util.List;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The OpenAPI document at /api/v1/openapi (and its UI at /api/v1/docs): the bearer token scheme, one tag per resource,
 * and the Problem Details every operation can answer with.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String UNITS = "units";
    static final String MEMBERS = "members";
    static final String SCHEMES = "schemes";
    static final String ENTRIES = "entries";
    static final String SCORES = "scores";
    static final String CALENDAR = "calendar";
    static final String CYCLE = "cycle";
    static final String BEARER = "bearer";

    private static final String DESCRIPTION = """
            先锋积分的 REST 接口：与网页调用同样的服务、遵守同样的组织范围规则。供财务系统、扫码签到终端、报表工具等集成使用。

            The REST API of Vanguard: the same services and the same organisation scope rules as the web pages, for
            integrations (a finance system, a sign-in kiosk, a reporting tool).

            * **认证 Authentication**：`Authorization: Bearer vgd_…`。令牌由账号本人在网页中创建（只显示一次），代表创建它的账号（同样的角色与范围）。
              A token acts as the account that created it, with its roles and scope.
            * **幂等 Idempotency**：新建积分记录和冲销必须带 `Idempotency-Key` 请求头；同一编号、同样内容重放返回最初创建的记录（200），
              内容不同返回 409。首次创建返回 201。Creating an entry or a reversal requires `Idempotency-Key`; a replay with the
              same body returns the entry first created (200, first time 201), another body with the same key is 409.
            * **数字 Decimals**：小数一律以字符串传递（如 `"87.50"`、`"0.5"`）；请求中也接受 JSON 数字。Decimals are JSON strings;
              requests accept JSON numbers too.
            * **日期 Dates**：ISO 8601（`2026-03-01`，`2026-03-01T09:30:00+08:00`）。
            * **错误 Errors**：RFC 9457 Problem Details（`application/problem+json`），标题和说明为中文。
            """;

    @Bean
    OpenAPI vanguardOpenApi() {
        Components components = new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("vgd_…")
                .description("API 令牌：Authorization: Bearer vgd_…，由账号本人在网页中创建。An API token, created by its account in "
                        + "the web application, sent as Authorization: Bearer vgd_…"));
        ModelConverters.getInstance().readAll(new AnnotatedType(ApiProblem.class)).forEach(components::addSchemas);
        return new OpenAPI()
                .info(new Info().title("Vanguard 先锋积分 API").version("v1").description(DESCRIPTION))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .tags(List.of(
                        new Tag().name(UNITS).description("组织：组织树的查看、新建、改名、移动和撤销。Units: the organisation tree."),
                        new Tag().name(MEMBERS).description("党员：花名册的查询、新增、修改和转接；身份证号只以脱敏形式返回。"
                                + "Members: the roster; ID-card numbers are only ever returned masked."),
                        new Tag().name(SCHEMES).description("积分方案：已发布的方案版本、组织适用的方案、发布模板或方案文件。"
                                + "Schemes: published versions, the scheme in effect for a unit, publishing a preset or a file."),
                        new Tag().name(ENTRIES).description("积分台账：录入（须带 Idempotency-Key）、初审、审核、驳回和冲销。"
                                + "Entries: the ledger and its review (four eyes, evidence, states)."),
                        new Tag().name(SCORES).description("积分结果：组织排名和党员得分及其计算说明。Scores: rankings and a member's score "
                                + "with the engine's explanation."),
                        new Tag().name(CALENDAR).description("节假日日历：某年的节假日和调休上班日、某天是否工作日、公示期的截止日，"
                                + "以及党委管理员整年替换日历。The holiday calendar: a year's days, working days, publicity windows, "
                                + "and replacing a year (committee administrators)."),
                        new Tag().name(CYCLE).description("考评周期：考评期的汇总、评定、公示、异议、上级审核，快照和本人确认。"
                                + "The cycle: periods, snapshots, confirmations, publicity, objections and the higher review.")));
    }

    /**
     * Every operation can be refused: unauthenticated, out of scope, bad input; by id also missing. Operations that can
     * lose a race say when ({@link MayConflict}); every error response gets the Problem schema.
     */
    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            add(responses, "400", "请求有误：字段错误见 errors，方案文件问题见 problems。Invalid request: see errors or problems.");
            add(responses, "401", "未认证：缺少令牌，或令牌无效、已吊销。Missing, invalid or revoked token.");
            add(responses, "403", "无权操作：不在组织范围内，或角色不能进行此操作。Outside the account's scope or role.");
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class))) {
                add(responses, "404", "找不到。Not found.");
            }
            MayConflict conflict = handler.getMethodAnnotation(MayConflict.class);
            if (conflict != null) {
                add(responses, "409", conflict.value());
            }
            responses.forEach((status, response) -> {
                if (status.startsWith("4") && response.getContent() == null) {
                    response.setContent(problemContent());
                }
            });
            operation.setResponses(responses);
            return operation;
        };
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(ApiProblems.PROBLEM.toString(),
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
    }
}
