package cn.vanguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.vanguard.testing.Fixtures;

/**
 * Every change to an account's life against what the account has open at that moment: a signed-in browser session
 * (signed in through the form, as a person does) and an API token. Each test says what still works and what stops.
 * Session rows of Spring Session JDBC are checked too: the contracts keep sessions in memory, so rows stand in for
 * the sessions other nodes hold. Runs on H2 and on PostgreSQL.
 */
abstract class AccountLifecycleContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ApiTokens tokens;

    Fixtures.Tree tree;
    Fixtures.Tree otherTree;
    Fixtures.Account manager;
    Fixtures.Account scorer;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        otherTree = fixtures.tree("city-direct-organs");
        manager = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        scorer = fixtures.account(Role.SCORER, tree.branch().id());
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    /** What the account has open: a browser session signed in with its password, and an API token. */
    record Live(MockHttpSession session, String token) {
    }

    private Live open(Fixtures.Account account, String password) throws Exception {
        MvcResult login = mvc.perform(formLogin("/login").user(account.username()).password(password)).andExpect(authenticated()).andReturn();
        account.signIn();
        try {
            return new Live((MockHttpSession) login.getRequest().getSession(false), tokens.create(Fixtures.unique("集成")));
        } finally {
            SignIn.out();
        }
    }

    private Live open(Fixtures.Account account) throws Exception {
        return open(account, Fixtures.PASSWORD);
    }

    /** The session reads a page; false when it was sent to sign in again because it ended. */
    private boolean sessionWorks(MockHttpSession session) throws Exception {
        MvcResult result = mvc.perform(get("/account").session(session)).andReturn();
        if (result.getResponse().getStatus() == 200) {
            return true;
        }
        // the request that finds the session ended says so; the session is gone after it, so later ones simply need a sign-in
        assertThat(result.getResponse().getRedirectedUrl()).as("an ended session is sent to sign in again")
                .isIn("/login?ended", "/login");
        return false;
    }

    /** The session changes something (creates a token); false when refused and nothing was written. */
    private boolean sessionWrites(MockHttpSession session, long accountId) throws Exception {
        String name = Fixtures.unique("写入");
        MvcResult result = mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", name)).andReturn();
        boolean written = fixtures.jdbc().sql("select count(*) from api_token where account_id = :a and name = :n")
                .param("a", accountId).param("n", name).query(Integer.class).single() == 1;
        String redirect = result.getResponse().getRedirectedUrl();
        assertThat(written).as("a write is refused exactly when sent to sign in").isEqualTo(redirect == null || !redirect.startsWith("/login"));
        return written;
    }

    private boolean tokenWorks(String token) throws Exception {
        int status = mvc.perform(api(token, get("/api/v1/units"))).andReturn().getResponse().getStatus();
        assertThat(status).as("a token either works or is 401").isIn(200, 401);
        return status == 200;
    }

    private static MockHttpServletRequestBuilder api(String token, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
    }

    private MvcResult asManager(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(manager.request()).with(csrf())).andReturn();
    }

    /** A session row as Spring Session JDBC keeps one for another node; its id. */
    private String sessionRow(String username) {
        String id = UUID.randomUUID().toString();
        insertRowFor(id, username);
        return id;
    }

    private int sessionRows(String username) {
        return fixtures.jdbc().sql("select count(*) from spring_session where principal_name = :u").param("u", username).query(Integer.class).single();
    }

    private int audited(String action, long accountId) {
        return fixtures.jdbc().sql("select count(*) from audit_log where action = :a and object_id = :id")
                .param("a", action).param("id", String.valueOf(accountId)).query(Integer.class).single();
    }

    @Test
    void disablingEndsEverySessionAtOnceAndSuspendsTheTokens() throws Exception {
        Live live = open(scorer);
        Live bystander = open(manager);
        sessionRow(scorer.username());
        sessionRow(scorer.username());
        assertThat(sessionWorks(live.session())).isTrue();
        assertThat(tokenWorks(live.token())).isTrue();

        asManager(post("/accounts/{id}/enabled", scorer.id()).param("enabled", "false"));

        assertThat(sessionRows(scorer.username())).as("the session rows every node reads are gone").isZero();
        assertThat(sessionWrites(live.session(), scorer.id())).as("the open session records nothing").isFalse();
        assertThat(sessionWorks(live.session())).isFalse();
        assertThat(tokenWorks(live.token())).isFalse();
        mvc.perform(formLogin("/login").user(scorer.username()).password(Fixtures.PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?disabled"));
        assertThat(sessionWorks(bystander.session())).as("nobody else's session").isTrue();
        assertThat(tokenWorks(bystander.token())).isTrue();
        assertThat(audited("ACCOUNT_DISABLED", scorer.id())).isEqualTo(1);
    }

    @Test
    void enablingAgainRevivesTheTokensButNoneOfTheEndedSessions() throws Exception {
        Live live = open(scorer);
        asManager(post("/accounts/{id}/enabled", scorer.id()).param("enabled", "false"));
        asManager(post("/accounts/{id}/enabled", scorer.id()).param("enabled", "true"));

        assertThat(sessionWorks(live.session())).as("an ended session stays ended").isFalse();
        assertThat(tokenWorks(live.token())).as("tokens were suspended, not revoked").isTrue();
        Live again = open(scorer);
        assertThat(sessionWrites(again.session(), scorer.id())).isTrue();
    }

    @Test
    void aPasswordResetEndsEverySessionAndRevokesEveryToken() throws Exception {
        Live live = open(scorer);
        Live second = open(scorer);
        sessionRow(scorer.username());

        MvcResult reset = asManager(post("/accounts/{id}/password", scorer.id()));
        String password = (String) reset.getFlashMap().get("password");

        assertThat(sessionRows(scorer.username())).isZero();
        assertThat(sessionWorks(live.session())).isFalse();
        assertThat(sessionWrites(second.session(), scorer.id())).isFalse();
        assertThat(tokenWorks(live.token())).isFalse();
        assertThat(tokenWorks(second.token())).isFalse();
        assertThat(fixtures.jdbc().sql("select count(*) from api_token where account_id = :a and revoked_at is null")
                .param("a", scorer.id()).query(Integer.class).single()).as("revoked, not only suspended").isZero();
        mvc.perform(formLogin("/login").user(scorer.username()).password(Fixtures.PASSWORD)).andExpect(unauthenticated());
        MvcResult login = mvc.perform(formLogin("/login").user(scorer.username()).password(password)).andExpect(authenticated()).andReturn();
        mvc.perform(get("/account").session((MockHttpSession) login.getRequest().getSession(false))).andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void changingMyOwnPasswordKeepsThisSessionAndEndsTheOthersAndTheTokens() throws Exception {
        Live here = open(scorer);
        Live phone = open(scorer);
        String hereRow = here.session().getId();
        insertRowFor(hereRow, scorer.username());
        sessionRow(scorer.username());

        mvc.perform(post("/account/password").session(here.session()).with(csrf())
                        .param("current", Fixtures.PASSWORD).param("password", "Changed2026a").param("repeat", "Changed2026a"))
                .andExpect(redirectedUrl("/account"));

        assertThat(sessionWorks(here.session())).as("the session the change was made in").isTrue();
        assertThat(sessionWrites(here.session(), scorer.id())).isTrue();
        assertThat(sessionWorks(phone.session())).as("every other session").isFalse();
        assertThat(tokenWorks(here.token())).isFalse();
        assertThat(tokenWorks(phone.token())).isFalse();
        assertThat(fixtures.jdbc().sql("select session_id from spring_session where principal_name = :u").param("u", scorer.username())
                .query(String.class).list().stream().map(String::strip).toList()).as("only this session's row is kept").containsExactly(hereRow);
        mvc.perform(formLogin("/login").user(scorer.username()).password("Changed2026a")).andExpect(authenticated());
    }

    private void insertRowFor(String sessionId, String username) {
        long now = System.currentTimeMillis();
        fixtures.jdbc().sql("""
                insert into spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval, expiry_time, principal_name)
                values (:p, :s, :now, :now, 28800, :expiry, :u)""")
                .param("p", UUID.randomUUID().toString()).param("s", sessionId).param("now", now).param("expiry", now + 28_800_000L)
                .param("u", username).update();
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() throws Exception {
        Live here = open(scorer);
        Live phone = open(scorer);
        mvc.perform(post("/account/password").session(here.session()).with(csrf())
                .param("current", "NotMine2026").param("password", "Changed2026a").param("repeat", "Changed2026a")).andExpect(status().isOk());
        assertThat(sessionWorks(here.session())).isTrue();
        assertThat(sessionWorks(phone.session())).isTrue();
        assertThat(tokenWorks(phone.token())).isTrue();
    }

    @Test
    void aGrantedRoleCountsInTheOpenSessionAndForTheTokenAtOnce() throws Exception {
        Live live = open(scorer);
        long elsewhere = tree.otherBranch().id();
        mvc.perform(get("/units/{id}", elsewhere).session(live.session())).andExpect(status().isForbidden());
        mvc.perform(api(live.token(), get("/api/v1/units/{id}", elsewhere))).andExpect(status().isForbidden());

        asManager(post("/accounts/{id}/grants", scorer.id()).param("role", "SCORER").param("unitId", String.valueOf(elsewhere)));

        mvc.perform(get("/units/{id}", elsewhere).session(live.session())).andExpect(status().isOk());
        mvc.perform(api(live.token(), get("/api/v1/units/{id}", elsewhere))).andExpect(status().isOk());
        assertThat(sessionWorks(live.session())).as("a role change does not end the session").isTrue();
    }

    @Test
    void aRevokedRoleStopsCountingInTheOpenSessionAndForTheTokenAtOnce() throws Exception {
        Live live = open(scorer);
        long branch = tree.branch().id();
        mvc.perform(get("/entries/new").session(live.session())).andExpect(status().isOk());
        mvc.perform(api(live.token(), get("/api/v1/units/{id}", branch))).andExpect(status().isOk());

        asManager(post("/accounts/{id}/grants/remove", scorer.id()).param("role", "SCORER").param("unitId", String.valueOf(branch)));

        mvc.perform(get("/entries/new").session(live.session())).andExpect(status().isForbidden());
        mvc.perform(api(live.token(), get("/api/v1/units/{id}", branch))).andExpect(status().isForbidden());
        assertThat(sessionWorks(live.session())).as("signed in still, with no role left").isTrue();
    }

    @Test
    void aManagerRevokesTheTokensOfAnAccountInScopeAndTheSessionGoesOn() throws Exception {
        Live live = open(scorer);
        Live bystander = open(manager);
        String page = mvc.perform(get("/accounts/{id}", scorer.id()).with(manager.request())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("API令牌").contains("吊销全部有效令牌").contains("/accounts/" + scorer.id() + "/tokens/revoke");

        MvcResult revoked = asManager(post("/accounts/{id}/tokens/revoke", scorer.id()));
        assertThat(revoked.getResponse().getRedirectedUrl()).isEqualTo("/accounts/" + scorer.id());
        assertThat(revoked.getFlashMap().get("flash").toString()).contains("1个API令牌");

        assertThat(tokenWorks(live.token())).isFalse();
        assertThat(sessionWorks(live.session())).isTrue();
        assertThat(tokenWorks(bystander.token())).isTrue();
        assertThat(audited("API_TOKENS_REVOKED", scorer.id())).isEqualTo(1);
        assertThat(mvc.perform(get("/accounts/{id}", scorer.id()).with(manager.request())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("已吊销").doesNotContain("吊销全部有效令牌");
    }

    @Test
    void aManagerCannotRevokeTheTokensOfAnAccountOutOfScope() throws Exception {
        Fixtures.Account stranger = fixtures.account(Role.SCORER, otherTree.branch().id());
        Live live = open(stranger);
        mvc.perform(post("/accounts/{id}/tokens/revoke", stranger.id()).with(manager.request()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/accounts/{id}/tokens/revoke", stranger.id()).with(scorer.request()).with(csrf())).andExpect(status().isForbidden());
        assertThat(tokenWorks(live.token())).isTrue();
        assertThat(audited("API_TOKENS_REVOKED", stranger.id())).isZero();
    }

    @Test
    void revokingOneOfMyTokensStopsOnlyThatOne() throws Exception {
        Live live = open(scorer);
        scorer.signIn();
        String other = tokens.create(Fixtures.unique("另一个"));
        long id = tokens.mine().stream().filter(t -> t.revokedAt() == null).mapToLong(ApiTokens.Token::id).min().orElseThrow();
        SignIn.out();

        mvc.perform(post("/account/tokens/{id}/revoke", id).session(live.session()).with(csrf())).andExpect(redirectedUrl("/account"));

        assertThat(tokenWorks(live.token())).isFalse();
        assertThat(tokenWorks(other)).isTrue();
        assertThat(sessionWorks(live.session())).isTrue();
    }
}
