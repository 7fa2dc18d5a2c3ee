package cn.vanguard.web;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import jakarta.servlet.ServletException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The page shown while the database cannot be reached: from a controller ({@link ErrorPages}) and from the filters
 * before one — the session, the sign-in — ({@link DatabaseDownPage}), which renders the page itself. The whole outage,
 * against a real PostgreSQL crashing, is {@code cn.vanguard.faults.DatabaseRestartUnderLoadTest}.
 */
class DatabaseDownPageTest {

    @Controller
    static class Failing {
        @GetMapping("/down")
        String down() {
            throw outage();
        }

        @GetMapping("/bug")
        String bug() {
            throw new org.springframework.dao.DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"));
        }
    }

    static CannotCreateTransactionException outage() {
        return new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
    }

    private static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    @Test
    void aControllerThatCannotReachTheDatabaseShowsThe503Page() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ErrorPages()).build();
        mvc.perform(get("/down").queryParam("page", "2")).andExpect(status().isServiceUnavailable())
                .andExpect(view().name(DatabaseDownPage.VIEW))
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(model().attribute("message", DatabaseDownPage.MESSAGE))
                .andExpect(model().attribute("again", "/down?page=2"));
    }

    @Test
    void otherDataAccessFailuresAreNotCalledAnOutage() {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ErrorPages()).build();
        assertThatThrownBy(() -> mvc.perform(get("/bug"))).isInstanceOf(ServletException.class)
                .hasRootCauseMessage("duplicate key");
    }

    @Test
    void aFilterThatCannotReachTheDatabaseGetsTheSamePageInChinese() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).addFilters(new DatabaseDownPage(templates()),
                (request, response, chain) -> {
                    throw new ServletException(outage());
                }).build();
        String page = mvc.perform(post("/login")).andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("lang=\"zh-CN\"", "503", "服务暂时不可用", DatabaseDownPage.MESSAGE, "href=\"/\"")
                .doesNotContain("Exception", "08001");
    }
}
