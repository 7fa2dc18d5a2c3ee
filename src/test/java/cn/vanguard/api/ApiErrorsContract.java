package cn.vanguard.api;

import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.vanguard.security.Role;
import cn.vanguard.testing.Fixtures;

/**
 * Whatever goes wrong under /api/v1 — a path that does not exist, a method or a body format the resource does not take,
 * a response format it cannot give, a parameter missing or of the wrong type — the answer is Problem Details with a Chinese title and detail, never
 * Spring's English defaults.
 */
abstract class ApiErrorsContract extends ApiTesting {

    /** One request that goes wrong, the status it must get, and the path reported as the instance. */
    record Case(String name, MockHttpServletRequestBuilder request, int status, String path) {
    }

    private static final String CHINESE = "(?s).*\\p{IsHan}.*";

    String token;

    @BeforeEach
    void caller() {
        Fixtures.Tree tree = fixtures.tree("city-direct-organs");
        token = token(fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id()));
    }

    @Test
    void everyErrorOfTheApiIsProblemDetailsInChinese() throws Exception {
        List<Case> cases = List.of(
                new Case("unknown path", as(token, get("/api/v1/nothing-here")), 404, "/api/v1/nothing-here"),
                new Case("unknown sub-path", as(token, get("/api/v1/units/1/nothing")), 404, "/api/v1/units/1/nothing"),
                new Case("method not allowed", as(token, delete("/api/v1/units")), 405, "/api/v1/units"),
                new Case("method not allowed on an item", as(token, put("/api/v1/entries/1")), 405, "/api/v1/entries/1"),
                new Case("unsupported media type", as(token, post("/api/v1/members")).contentType(MediaType.TEXT_PLAIN).content("张三"),
                        415, "/api/v1/members"),
                new Case("not acceptable", as(token, get("/api/v1/units")).accept(MediaType.APPLICATION_XML), 406, "/api/v1/units"),
                new Case("missing parameter", as(token, get("/api/v1/scores")), 400, "/api/v1/scores"),
                new Case("type mismatch in the path", as(token, get("/api/v1/members/abc")), 400, "/api/v1/members/abc"),
                new Case("type mismatch in a parameter", as(token, get("/api/v1/entries?limit=many")), 400, "/api/v1/entries"));
        for (Case c : cases) {
            try {
                mvc.perform(c.request())
                        .andExpect(status().is(c.status()))
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.status").value(c.status()))
                        .andExpect(jsonPath("$.type").value("about:blank"))
                        .andExpect(jsonPath("$.title").value(matchesPattern(CHINESE)))
                        .andExpect(jsonPath("$.detail").value(matchesPattern(CHINESE)))
                        .andExpect(jsonPath("$.instance").value(c.path()));
            } catch (AssertionError e) {
                throw new AssertionError(c.name() + ": " + e.getMessage(), e);
            }
        }
    }

    @Test
    void anUnknownIdIs404ProblemDetailsEverywhere() throws Exception {
        String system = token(fixtures.account(Role.SYSTEM_ADMIN, null));
        long unknown = 987_654_321L;
        List<MockHttpServletRequestBuilder> requests = List.of(
                get("/api/v1/units/{id}", unknown),
                json(system, patch("/api/v1/units/{id}", unknown), "{\"name\": \"新名称\"}"),
                json(system, post("/api/v1/units/{id}/move", unknown), "{\"parentId\": 1}"),
                post("/api/v1/units/{id}/close", unknown),
                get("/api/v1/units/{id}/scheme", unknown),
                get("/api/v1/members/{id}", unknown),
                get("/api/v1/members/{id}/transfers", unknown),
                get("/api/v1/members/{id}/score", unknown),
                json(system, put("/api/v1/members/{id}", unknown), "{\"name\": \"张三\", \"type\": \"FORMAL\", \"version\": 0}"),
                json(system, post("/api/v1/members/{id}/transfer", unknown), "{\"toUnitId\": 1, \"on\": \"2026-01-01\"}"),
                get("/api/v1/schemes/{id}", unknown),
                get("/api/v1/entries/{id}", unknown),
                json(system, post("/api/v1/entries/{id}/check", unknown), "{\"pass\": true, \"version\": 0}"),
                json(system, post("/api/v1/entries/{id}/approve", unknown), "{\"version\": 0}"),
                json(system, post("/api/v1/entries/{id}/reject", unknown), "{\"reason\": \"不对\", \"version\": 0}"),
                json(system, post("/api/v1/entries/{id}/reverse", unknown), "{\"reason\": \"重复\"}").header("Idempotency-Key", "k"));
        for (MockHttpServletRequestBuilder request : requests) {
            mvc.perform(as(system, request))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("找不到"))
                    .andExpect(jsonPath("$.detail").value(matchesPattern(".*不存在.*")));
        }
    }
}
