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
