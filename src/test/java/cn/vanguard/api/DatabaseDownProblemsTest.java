package cn.vanguard.api;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API's answer while the database cannot be reached, whether the failure comes from a controller
 * ({@link ApiProblems}) or from a filter before one (the bearer token is read by the security filters:
 * {@link DatabaseDownProblems}). The whole outage, against a real PostgreSQL crashing, is
 * {@code cn.vanguard.faults.DatabaseRestartUnderLoadTest}.
 */
class DatabaseDownProblemsTest {

    @RestController
    static class Failing {
        @GetMapping("/api/v1/down")
        String down() {
            throw outage();
        }

        @GetMapping("/api/v1/bug")
        String bug() {
            throw new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"));
        }
    }

    static CannotCreateTransactionException outage() {
        return new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ApiProblems())
            .addFilters(new DatabaseDownProblems(JsonMapper.builder().build())).build();

    @Test
    void aControllerThatCannotReachTheDatabaseAnswers503ProblemDetailsInChinese() throws Exception {
        mvc.perform(get("/api/v1/down")).andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.title").value("服务暂时不可用"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("数据库暂时无法连接")))
                .andExpect(jsonPath("$.instance").value("/api/v1/down"));
    }

    @Test
    void otherDataAccessFailuresStayServerErrors() throws Exception {
        mvc.perform(get("/api/v1/bug")).andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.title").value("服务器内部错误"));
    }

    @Test
    void aFilterThatCannotReachTheDatabaseIsAnsweredAlike() throws Exception {
        MockMvc filtered = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ApiProblems())
                .addFilters(new DatabaseDownProblems(JsonMapper.builder().build()), (request, response, chain) -> {
                    throw outage();
                }).build();
        filtered.perform(get("/api/v1/entries")).andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.title").value("服务暂时不可用"))
                .andExpect(jsonPath("$.instance").value("/api/v1/entries"));
    }
}
