package cn.vanguard.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * An id that does not exist — a stale bookmark, a typed URL, a record deleted meanwhile — is a 404 page in Chinese on
 * every page and form that takes one, never a server error; asked by the system administrator, whose scope covers
 * everything, so that no scope check answers first.
 */
abstract class UnknownRecordPagesContract {

    static final long UNKNOWN = 987_654_321L;

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    Fixtures.Account system;

    @BeforeEach
    void administrator() {
        fixtures.tree("city-direct-organs");
        system = fixtures.account(Role.SYSTEM_ADMIN, null);
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private MockHttpServletRequestBuilder posting(String url) {
        return post(url, UNKNOWN).with(csrf());
    }

    @Test
    void everyPageAndFormAnswersAnUnknownIdWithA404Page() throws Exception {
        List<MockHttpServletRequestBuilder> requests = List.of(
                get("/accounts/{id}", UNKNOWN),
                posting("/accounts/{id}/grants").param("role", "SCORER").param("unitId", "1"),
                posting("/accounts/{id}/grants/remove").param("role", "SCORER").param("unitId", "1"),
                posting("/accounts/{id}/password"),
                posting("/accounts/{id}/enabled").param("enabled", "false"),
                posting("/accounts/{id}/member").param("memberCode", "M00001"),
                posting("/accounts/{id}/member/unlink"),
                get("/members/{id}", UNKNOWN),
                get("/members/{id}/edit", UNKNOWN),
                posting("/members/{id}/edit").param("name", "张三").param("type", "FORMAL").param("version", "0"),
                get("/members/{id}/transfer", UNKNOWN),
                posting("/members/{id}/transfer").param("toUnitId", "1").param("on", "2026-01-01"),
                get("/members/{id}/score", UNKNOWN),
                get("/units/{id}", UNKNOWN),
                get("/entries/{id}", UNKNOWN),
                posting("/entries/{id}/approve").param("version", "0"),
                posting("/entries/{id}/reject").param("reason", "不对").param("version", "0"),
                posting("/entries/{id}/check").param("version", "0"),
                posting("/entries/{id}/reverse").param("reason", "重复").param("key", "k"),
                posting("/entries/{id}/approve").param("version", "0").param("from", "review").header("HX-Request", "true"),
                get("/schemes/{id}", UNKNOWN),
                get("/schemes/{id}/yaml", UNKNOWN),
                get("/attachments/{id}", UNKNOWN));
        for (MockHttpServletRequestBuilder request : requests) {
            mvc.perform(request.with(system.request()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(Matchers.containsString("不存在")));
        }
    }
}
