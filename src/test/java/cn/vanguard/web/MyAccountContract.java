package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.vanguard.security.ApiTokens;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/** One's own account: the page, changing the password (forced or not) and API tokens. Runs on H2 and on PostgreSQL. */
abstract class MyAccountContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ApiTokens tokens;

    Fixtures.Tree tree;
    long member;
    Fixtures.Account account;
    Fixtures.Account other;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        member = fixtures.member(tree.branch().id(), "吴九");
        account = fixtures.memberAccount(member, tree.branch().id());
        other = fixtures.account(Role.SCORER, tree.branch().id());
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(account.request())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MvcResult change(String current, String password, String repeat) throws Exception {
        return mvc.perform(post("/account/password").with(account.request()).with(csrf())
                .param("current", current).param("password", password).param("repeat", repeat)).andReturn();
    }

    @Test
    void theAccountPageSaysWhoIAm() throws Exception {
        assertThat(page("/account")).contains(account.username()).contains("吴九").contains("党员").contains(tree.branch().name())
                .contains("API令牌").contains("修改密码");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndAStrongNewOneTwice() throws Exception {
        assertThat(change("wrong", "Better2026x", "Better2026x").getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("当前密码不正确").contains("is-invalid");
        assertThat(change(Fixtures.PASSWORD, "Better2026x", "Better2026y").getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("两次输入的新密码不一致");
        assertThat(change(Fixtures.PASSWORD, "short1", "short1").getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("密码至少8位");
        assertThat(change(Fixtures.PASSWORD, "onlyletters", "onlyletters").getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("密码须同时包含字母和数字");
        MvcResult done = change(Fixtures.PASSWORD, "Better2026x", "Better2026x");
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/account");
        mvc.perform(formLogin("/login").user(account.username()).password("Better2026x")).andExpect(authenticated());
    }

    @Test
    void aForcedChangeSendsTheUserToThePasswordPageUntilDoneThenHome() throws Exception {
        fixtures.jdbc().sql("update account set must_change_password = true where id = :id").param("id", account.id()).update();
        // signed in through the form: the change ends every other session of the account and keeps this one
        MvcResult login = mvc.perform(formLogin("/login").user(account.username()).password(Fixtures.PASSWORD)).andExpect(authenticated()).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        mvc.perform(get("/me").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "x"))
                .andExpect(redirectedUrl("/account/password"));
        assertThat(mvc.perform(get("/account/password").session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("请设置您自己的密码").contains("初始密码");
        assertThat(change(session, Fixtures.PASSWORD, Fixtures.PASSWORD, Fixtures.PASSWORD).getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("新密码不能与当前密码相同");
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        assertThat(change(session, Fixtures.PASSWORD, "Chosen2026a", "Chosen2026a").getResponse().getRedirectedUrl()).isEqualTo("/");
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
    }

    private MvcResult change(MockHttpSession session, String current, String password, String repeat) throws Exception {
        return mvc.perform(post("/account/password").session(session).with(csrf())
                .param("current", current).param("password", password).param("repeat", repeat)).andReturn();
    }

    @Test
    void tokensAreShownOnceListedAndRevoked() throws Exception {
        String name = Fixtures.unique("考勤系统");
        MvcResult created = mvc.perform(post("/account/tokens").with(account.request()).with(csrf()).param("name", name))
                .andExpect(redirectedUrl("/account")).andReturn();
        String token = (String) created.getFlashMap().get("token");
        assertThat(token).startsWith("vgd_");
        String once = mvc.perform(get("/account").with(account.request()).flashAttrs(Map.copyOf(created.getFlashMap())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(once).contains(token).contains("只显示这一次");
        String later = page("/account");
        assertThat(later).contains(name).contains("有效").contains("未使用").doesNotContain(token);

        account.signIn();
        List<ApiTokens.Token> mine = tokens.mine();
        assertThat(mine).extracting(ApiTokens.Token::name).containsExactly(name);
        long id = mine.get(0).id();

        mvc.perform(post("/account/tokens/" + id + "/revoke").with(other.request()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(account.request()).with(csrf())).andExpect(redirectedUrl("/account"));
        assertThat(page("/account")).contains("已吊销");
        account.signIn();
        assertThat(tokens.mine().get(0).revokedAt()).isNotNull();
    }

    @Test
    void aTokenNeedsAName() throws Exception {
        mvc.perform(post("/account/tokens").with(account.request()).with(csrf()).param("name", " "))
                .andExpect(redirectedUrl("/account"))
                .andExpect(result -> assertThat(result.getFlashMap().get("flashError").toString()).contains("请为令牌起一个"));
    }
}
