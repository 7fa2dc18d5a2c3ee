package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.ledger.NewEntry;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.security.ApiTokens;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * Cross-site request forgery: a page that another site opens in a signed-in browser can make it send any form. Every
 * state-changing handler of the application (every POST, PUT, PATCH and DELETE mapping, read from Spring's handler
 * mapping so that a new one cannot escape) is called with the real sign-in session of a system administrator but
 * without a CSRF token, and with a wrong one: each must answer 403 and change nothing (no audit line, no row of any
 * table). Requests carry real ids and the fields their forms expect, so that each would change something if the token
 * were not checked. The API under /api/v1 is CSRF-exempt only because it never reads the session: a browser's
 * session cookie is not a credential there (401), while a bearer token, which no other site can make a browser send,
 * works without a CSRF token.
 */
abstract class CsrfContract {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Ledger ledger;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    Fixtures.Tree tree;
    Unit group;
    Fixtures.Account admin;
    Fixtures.Account scorer;
    MockHttpSession session;
    String token;
    long member;
    LedgerEntry pending;
    LocalDate day;

    @BeforeEach
    void organisation() throws Exception {
        LocalDate today = LocalDate.now(clock);
        day = today.getDayOfYear() > 2 ? today.minusDays(1) : today;
        tree = fixtures.tree("city-direct-organs");
        group = fixtures.unit(tree.branch().id(), "小组", UnitKind.GROUP);
        member = fixtures.member(group.id(), "被伪造请求的党员");
        admin = fixtures.account(Role.SYSTEM_ADMIN, null);
        scorer = fixtures.account(Role.SCORER, tree.branch().id());
        scorer.signIn();
        try {
            pending = ledger.record(new NewEntry(member, "ACT_MEETING", day, null, null, null, "支部党员大会", null), List.of(),
                    UUID.randomUUID().toString());
        } finally {
            SignIn.out();
        }
        admin.signIn();
        try {
            token = tokens.create("跨站测试");
        } finally {
            SignIn.out();
        }
        MvcResult login = mvc.perform(formLogin("/login").user(admin.username()).password(Fixtures.PASSWORD))
                .andExpect(authenticated()).andReturn();
        session = (MockHttpSession) login.getRequest().getSession(false);
        assertThat(mvc.perform(get("/accounts").session(session)).andReturn().getResponse().getStatus())
                .as("the session is signed in and may manage accounts").isEqualTo(200);
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void noStateChangingPageOrApiEndpointAcceptsASessionWithoutAValidCsrfToken() throws Exception {
        List<Target> targets = stateChanging();
        assertThat(targets).as("the handler mapping lists the application's forms and API calls").hasSizeGreaterThan(30);
        List<String> failures = new ArrayList<>();
        for (Target target : targets) {
            for (String variant : List.of("without a token", "with a wrong token")) {
                MockHttpServletRequestBuilder request = build(target).session(session);
                String before = fingerprint();
                if (variant.startsWith("with")) {
                    request.with(csrf().useInvalidToken());
                }
                int status = mvc.perform(request).andReturn().getResponse().getStatus();
                int expected = target.api() ? 401 : 403;
                if (status != expected) {
                    failures.add(target + " " + variant + ": expected " + expected + ", got " + status);
                }
                if (!fingerprint().equals(before)) {
                    failures.add(target + " " + variant + ": changed data");
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(mvc.perform(get("/accounts").session(session)).andReturn().getResponse().getStatus())
                .as("the session is still signed in").isEqualTo(200);
    }

    @Test
    void signingInAndOutNeedTheTokenToo() throws Exception {
        String before = fingerprint();
        assertThat(mvc.perform(request(HttpMethod.POST, "/logout").session(session)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/accounts").session(session)).andReturn().getResponse().getStatus())
                .as("a forged sign-out leaves the session signed in").isEqualTo(200);
        assertThat(mvc.perform(request(HttpMethod.POST, "/login").param("username", admin.username()).param("password", Fixtures.PASSWORD))
                .andReturn().getResponse().getStatus()).as("a forged sign-in (login CSRF)").isEqualTo(403);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void theSameRequestsWithTheTokenDoChangeData() throws Exception {
        // the control: the fingerprint notices a change made through the session with its token, and through a bearer token
        String before = fingerprint();
        Unit unit = fixtures.unit(group.id(), "改名测试", UnitKind.GROUP);
        String afterFixture = fingerprint();
        assertThat(afterFixture).isNotEqualTo(before);
        MvcResult renamed = mvc.perform(request(HttpMethod.POST, "/units/{id}/edit", unit.id()).session(session).with(csrf())
                .param("name", Fixtures.unique("改过名")).param("kind", "GROUP")).andReturn();
        assertThat(renamed.getResponse().getStatus()).isEqualTo(302);
        assertThat(fingerprint()).isNotEqualTo(afterFixture);

        String beforeApi = fingerprint();
        MvcResult created = mvc.perform(request(HttpMethod.POST, "/api/v1/units").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"parentId\":" + group.id() + ",\"name\":\"" + Fixtures.unique("接口小组") + "\",\"kind\":\"GROUP\"}")).andReturn();
        assertThat(created.getResponse().getStatus()).as("a bearer token needs no CSRF token").isEqualTo(201);
        assertThat(fingerprint()).isNotEqualTo(beforeApi);
    }

    @Test
    void aSessionCookieIsNoCredentialForTheApi() throws Exception {
        String before = fingerprint();
        MvcResult read = mvc.perform(get("/api/v1/units").session(session)).andReturn();
        assertThat(read.getResponse().getStatus()).isEqualTo(401);
        MvcResult withToken = mvc.perform(request(HttpMethod.POST, "/api/v1/units").session(session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"parentId\":" + group.id() + ",\"name\":\"" + Fixtures.unique("接口小组") + "\",\"kind\":\"GROUP\"}")).andReturn();
        assertThat(withToken.getResponse().getStatus()).as("even with the page's CSRF token, the session does not sign in to the API")
                .isEqualTo(401);
        assertThat(fingerprint()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ the endpoints

    record Target(RequestMethod method, String path) {
        boolean api() {
            return path.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private List<Target> stateChanging() {
        Map<String, Target> targets = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("cn.vanguard")) {
                continue;
            }
            for (String path : e.getKey().getPatternValues()) {
                for (RequestMethod method : e.getKey().getMethodsCondition().getMethods()) {
                    if (method == RequestMethod.POST || method == RequestMethod.PUT || method == RequestMethod.PATCH
                            || method == RequestMethod.DELETE) {
                        Target target = new Target(method, path);
                        targets.put(target.toString(), target);
                    }
                }
            }
        }
        return List.copyOf(targets.values());
    }

    /** The request of a target on real objects, with the fields its form or body expects. */
    private MockHttpServletRequestBuilder build(Target target) {
        String path = target.path();
        Matcher variables = VARIABLE.matcher(path);
        StringBuilder url = new StringBuilder();
        while (variables.find()) {
            variables.appendReplacement(url, Long.toString(idFor(path)));
        }
        variables.appendTail(url);
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(target.method().name()), url.toString());
        if (target.api()) {
            return request.contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .content("{\"parentId\":" + tree.branch().id() + ",\"name\":\"伪造\",\"kind\":\"GROUP\",\"type\":\"FORMAL\",\"unitId\":"
                            + group.id() + ",\"memberId\":" + member + ",\"itemCode\":\"ACT_STUDY\",\"date\":\"" + day + "\",\"reason\":\"伪造\","
                            + "\"version\":" + pending.version() + ",\"pass\":true,\"toUnitId\":" + tree.otherBranch().id() + ",\"on\":\""
                            + day + "\",\"year\":" + fixtures.year() + ",\"preset\":\"city-organs-100\"}");
        }
        return request.param("name", Fixtures.unique("伪造")).param("kind", "GROUP").param("parentId", Long.toString(tree.otherBranch().id()))
                .param("unitId", Long.toString(group.id())).param("username", Fixtures.unique("forged")).param("displayName", "伪造账号")
                .param("role", "SCORER").param("enabled", "false").param("memberId", Long.toString(member))
                .param("memberCode", code(fixtures.member(group.id(), "伪造关联"))).param("gender", "MALE").param("type", "FORMAL")
                .param("category", "IN_SERVICE").param("status", "ACTIVE").param("toUnitId", Long.toString(tree.otherBranch().id()))
                .param("on", day.toString()).param("reason", "伪造").param("version", Integer.toString(pending.version()))
                .param("action", "approve").param("key", UUID.randomUUID().toString()).param("year", Integer.toString(fixtures.year()))
                .param("preset", "city-organs-100").param("item", "POST_LEVEL").param("value", "EXCELLENT").param("itemCode", "ACT_STUDY")
                .param("date", day.toString()).param("quantity", "1").param("note", "伪造").param("current", Fixtures.PASSWORD)
                .param("password", "Forged2026pass").param("repeat", "Forged2026pass")
                .param("rows[0].member", code(member)).param("rows[0].item", "ACT_STUDY").param("rows[0].date", day.toString())
                .param("rows[0].key", UUID.randomUUID().toString());
    }

    /** An object of the kind the path names, in the administrator's scope. */
    private long idFor(String path) {
        String kind = path.replaceFirst("^/api/v1", "").split("/")[1];
        return switch (kind) {
            case "units" -> fixtures.unit(group.id(), "伪造目标", UnitKind.GROUP).id();
            case "members" -> fixtures.member(group.id(), "伪造目标");
            case "accounts" -> fixtures.account(null, new Grant(Role.SCORER, group.id())).id();
            case "account" -> ownToken();
            case "entries", "review" -> pending.id();
            case "schemes" -> tree.scheme().id();
            default -> 1;
        };
    }

    private long ownToken() {
        admin.signIn();
        try {
            tokens.create("要吊销的");
            return tokens.mine().get(0).id();
        } finally {
            SignIn.out();
        }
    }

    private String code(long memberId) {
        return jdbc.sql("select code from member where id = :id").param("id", memberId).query(String.class).single();
    }

    /**
     * Everything a request could change: the audit log (every change writes a line) and the rows and versions of every
     * table a user changes. Last-login and last-used times are left out: the setup of each request makes objects, so the
     * fingerprint is taken after it.
     */
    private String fingerprint() {
        return jdbc.sql("""
                select (select count(*) from audit_log) || '/' || (select count(*) from org_unit) || '/'
                    || (select coalesce(sum(version), 0) from org_unit) || '/' || (select count(*) from org_unit where closed_at is not null) || '/'
                    || (select count(*) from member) || '/' || (select coalesce(sum(version), 0) from member) || '/'
                    || (select count(*) from member_transfer) || '/' || (select count(*) from ledger_entry) || '/'
                    || (select coalesce(sum(version), 0) from ledger_entry) || '/' || (select count(*) from attachment) || '/'
                    || (select count(*) from assessment) || '/' || (select count(*) from scheme_version) || '/'
                    || (select count(*) from account) || '/' || (select coalesce(sum(version), 0) from account) || '/'
                    || (select count(*) from account where enabled) || '/' || (select count(*) from role_grant) || '/'
                    || (select count(*) from api_token) || '/' || (select count(*) from api_token where revoked_at is not null)""")
                .query(String.class).single();
    }
}
