package cn.vanguard.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import cn.vanguard.security.Role;
import cn.vanguard.testing.Fixtures;

/** Every resource needs a live token of an enabled account; without one the answer is 401 Problem Details. */
abstract class ApiAuthenticationContract extends ApiTesting {

    private static final String[] RESOURCES = {"/api/v1/units", "/api/v1/members", "/api/v1/schemes", "/api/v1/entries",
            "/api/v1/scores?unitId=1", "/api/v1/members/1/score", "/api/v1/presets"};

    @Test
    void withoutATokenEveryResourceIs401ProblemDetails() throws Exception {
        for (String resource : RESOURCES) {
            mvc.perform(get(resource))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("需要认证"))
                    .andExpect(jsonPath("$.status").value(401));
        }
    }

    @Test
    void anAddressNothingAnswersIs404InChineseForAProgramAndAPageForABrowser() throws Exception {
        mvc.perform(get("/api/v1/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("没有这个接口：GET /api/v1/nothing-here。全部接口见 /api/v1/docs"));
        // a known path with another method is no unknown address: the token is what is missing
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/units"))
                .andExpect(status().isUnauthorized());
        // a browser gets the error page (the container's error dispatch renders it), never JSON
        mvc.perform(get("/api/v1/nothing-here").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound())
                .andExpect(content().string(""));
        mvc.perform(get("/api/v1/units").accept(MediaType.TEXT_HTML)).andExpect(status().isUnauthorized())
                .andExpect(content().string(""));

        Fixtures.Account member = fixtures.account(Role.SCORER, fixtures.tree("city-direct-organs").branch().id());
        mvc.perform(as(token(member), get("/api/v1/nothing-here"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("找不到"));
        String page = mvc.perform(get("/nothing-here").accept(MediaType.TEXT_HTML).with(member.request())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(page).contains("找不到页面").contains("地址 /nothing-here 不存在").contains("回到首页");
        mvc.perform(get("/nothing-here.js").accept(MediaType.APPLICATION_JSON).with(member.request())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("没有这个地址：/nothing-here.js。请从首页进入"));
    }

    @Test
    void anUnknownTokenIs401() throws Exception {
        mvc.perform(as("vgd_notatoken", get("/api/v1/units"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/units").header("Authorization", "Basic dXNlcjpwYXNz")).andExpect(status().isUnauthorized());
    }

    @Test
    void aRevokedTokenNoLongerWorks() throws Exception {
        Fixtures.Tree tree = fixtures.tree("city-direct-organs");
        Fixtures.Account admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        String token = token(admin);
        mvc.perform(as(token, get("/api/v1/units"))).andExpect(status().isOk());

        admin.signIn();
        tokens.revoke(tokens.mine().get(0).id());
        mvc.perform(as(token, get("/api/v1/units")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("需要认证"));
    }

    @Test
    void aTokenOfADisabledAccountIs401() throws Exception {
        Fixtures.Tree tree = fixtures.tree("city-direct-organs");
        Fixtures.Account scorer = fixtures.account(Role.SCORER, tree.branch().id());
        String token = token(scorer);
        mvc.perform(as(token, get("/api/v1/units"))).andExpect(status().isOk());
        fixtures.jdbc().sql("update account set enabled = false where id = :id").param("id", scorer.id()).update();
        mvc.perform(as(token, get("/api/v1/units"))).andExpect(status().isUnauthorized());
    }
}
