package cn.vanguard;

import static cn.vanguard.ScopeWalkContract.R.CA;
import static cn.vanguard.ScopeWalkContract.R.GL;
import static cn.vanguard.ScopeWalkContract.R.MEM;
import static cn.vanguard.ScopeWalkContract.R.SA;
import static cn.vanguard.ScopeWalkContract.R.SCO;
import static cn.vanguard.ScopeWalkContract.R.SEC;
import static cn.vanguard.ScopeWalkContract.R.SUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.ledger.NewEntry;
import cn.vanguard.ledger.Upload;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.security.ApiTokens;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * Walks every page and API endpoint of the application with every role, in and out of its organisation scope.
 * <p>
 * Two organisations are made: A, where each role's account holds its role (the system administrator holds the whole
 * installation), and B, a separate committee that is out of everyone's scope but the system administrator's. The
 * table below says, for every endpoint, which roles may use it on A's data, how to call it on A's data, and how to
 * call it on B's data. For each endpoint and role:
 * <ul>
 * <li>on A's data, a role the table allows is let through (no 401/403/404, no server error, no sign-in redirect); a
 * role it does not allow is refused (403 or 404) and nothing of A changes;</li>
 * <li>every request of a role of A (other than the system administrator), whether on A's or on B's data, shows nothing
 * of B (no name of B's units, members or accounts in the response, zip and xlsx files included) and changes nothing
 * of B; requests naming B's objects are refused (403 or 404) unless the table marks them as filtered lists.</li>
 * </ul>
 * The test fails when an endpoint of the application is missing from the table, so a new endpoint cannot escape it.
 */
public abstract class ScopeWalkContract {

    /** The roles walked, as held in organisation A. */
    enum R {
        SA(Role.SYSTEM_ADMIN), CA(Role.COMMITTEE_ADMIN), SEC(Role.SECRETARY), SCO(Role.SCORER), GL(Role.GROUP_LEADER),
        MEM(Role.MEMBER), SUP(Role.SUPERVISOR);

        final Role role;

        R(Role role) {
            this.role = role;
        }
    }

    static final Set<R> ALL = EnumSet.allOf(R.class);
    static final Set<R> VIEW = EnumSet.of(SA, CA, SEC, SCO, GL, SUP);
    static final Set<R> MANAGE = EnumSet.of(SA, CA);
    static final Set<R> RECORD = EnumSet.of(SA, CA, SEC, SCO, GL);
    static final Set<R> FIRST_CHECK = EnumSet.of(SA, CA, SEC, SCO);
    static final Set<R> APPROVE = EnumSet.of(SA, CA, SEC);
    static final Set<R> AUDIT = EnumSet.of(SA, CA, SUP);

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Schemes schemes;
    @Autowired
    Ledger ledger;
    @Autowired
    Members members;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    World a;
    World b;
    LocalDate day;

    /** One organisation: a committee with a branch, a party group in it and a second branch, and what lives there. */
    record World(Unit committee, Unit branch, Unit group, Unit otherBranch, PublishedScheme scheme, long target, String targetCode,
                 long self, long declarer, Fixtures.Account declarerAccount, Fixtures.Account recorder,
                 Fixtures.Account targetAccount, long approvedEntry, long attachment, List<String> markers) {
    }

    /** An account of organisation A holding one role, signed in for pages and holding an API token. */
    record Caller(R role, Fixtures.Account account, String token) {
    }

    /** Builds a request on the data of a world (A for "in scope", B for "out of scope"), as the caller. */
    @FunctionalInterface
    interface Req {
        AbstractMockHttpServletRequestBuilder<?> build(World world, Caller caller) throws Exception;
    }

    /** Whether a request on B's data must be refused outright, or may answer with a list filtered down to nothing of B. */
    enum Out { DENY, FILTER }

    /** A request on B's data; {@code echo}, when not null, is the name of B's that the request itself names and its answer may repeat. */
    record OutOfScope(Req request, Out expect, java.util.function.Function<World, String> echo) {
    }

    record Endpoint(String key, boolean api, Set<R> allowed, Set<R> skipped, Req inScope, List<OutOfScope> outOfScope) {
    }

    private final Map<String, Endpoint> table = new LinkedHashMap<>();

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    // ------------------------------------------------------------------ the walk

    @Test
    void everyEndpointAllowsTheRolesItShouldAndNobodyReachesOutsideTheirScope() throws Exception {
        LocalDate today = LocalDate.now(clock);
        day = today.getDayOfYear() > 2 ? today.minusDays(1) : today;
        a = world("甲方");
        b = world("乙方");
        Map<R, Caller> callers = callers();
        describe();

        assertThat(new TreeSet<>(table.keySet()))
                .as("every endpoint of the application is in the scope table, and the table names no endpoint that is gone")
                .isEqualTo(endpoints());

        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : table.values()) {
            for (Caller caller : callers.values()) {
                if (endpoint.skipped().contains(caller.role())) {
                    continue;
                }
                walkInScope(endpoint, caller, failures);
                if (caller.role() != SA) {
                    for (OutOfScope out : endpoint.outOfScope()) {
                        walkOutOfScope(endpoint, caller, out, failures);
                    }
                }
            }
        }
        assertThat(failures).as("allow/deny by role and scope").isEmpty();
    }

    private void walkInScope(Endpoint endpoint, Caller caller, List<String> failures) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request = endpoint.inScope().build(a, caller);
        String beforeA = fingerprint(a);
        String beforeB = fingerprint(b);
        MvcResult result = perform(endpoint, request, caller);
        int status = result.getResponse().getStatus();
        String where = endpoint.key() + " as " + caller.role() + " in scope: ";
        if (status >= 500) {
            failures.add(where + "server error " + status);
        }
        if (endpoint.allowed().contains(caller.role())) {
            if (status == 401 || status == 403 || status == 404 || signInRedirect(result)) {
                failures.add(where + "should be allowed, got " + status + " " + summary(result));
            }
        } else {
            if (status != 403 && status != 404) {
                failures.add(where + "should be refused, got " + status + " " + summary(result));
            }
            if (!fingerprint(a).equals(beforeA)) {
                failures.add(where + "was refused yet changed data of A");
            }
        }
        if (caller.role() != SA) {
            checkNothingOfB(where, result, beforeB, failures, null);
        }
    }

    private void walkOutOfScope(Endpoint endpoint, Caller caller, OutOfScope out, List<String> failures) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request = out.request().build(b, caller);
        String beforeB = fingerprint(b);
        MvcResult result = perform(endpoint, request, caller);
        int status = result.getResponse().getStatus();
        String where = endpoint.key() + " as " + caller.role() + " on B's data: ";
        if (status >= 500) {
            failures.add(where + "server error " + status);
        }
        if (out.expect() == Out.DENY && status != 403 && status != 404) {
            failures.add(where + "should be refused, got " + status + " " + summary(result));
        }
        checkNothingOfB(where, result, beforeB, failures, out.echo() == null ? null : out.echo().apply(b));
    }

    private void checkNothingOfB(String where, MvcResult result, String beforeB, List<String> failures, String echo) throws IOException {
        if (!fingerprint(b).equals(beforeB)) {
            failures.add(where + "changed data of B");
        }
        String text = text(result.getResponse().getContentAsByteArray());
        for (String marker : b.markers()) {
            if (!marker.equals(echo) && text.contains(marker)) {
                failures.add(where + "shows B's " + marker);
            }
        }
    }

    private MvcResult perform(Endpoint endpoint, AbstractMockHttpServletRequestBuilder<?> request, Caller caller) throws Exception {
        if (endpoint.api()) {
            request.header("Authorization", "Bearer " + caller.token()).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        } else {
            request.with(caller.account().request()).with(csrf());
        }
        return mvc.perform(request).andReturn();
    }

    private static boolean signInRedirect(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        return location != null && location.contains("/login");
    }

    private static String summary(MvcResult result) throws IOException {
        String location = result.getResponse().getRedirectedUrl();
        if (location != null) {
            return "→ " + location;
        }
        String text = text(result.getResponse().getContentAsByteArray()).replaceAll("\\s+", " ");
        int at = text.indexOf("<h1");
        return text.substring(Math.max(0, at), Math.min(text.length(), Math.max(0, at) + 160));
    }

    /** The text of a response; the text of every file inside it when it is a zip (an xlsx workbook or the ledger export). */
    private static String text(byte[] body) throws IOException {
        if (body.length > 1 && body[0] == 'P' && body[1] == 'K') {
            Path file = Files.createTempFile("scope-walk", ".zip");
            StringBuilder all = new StringBuilder();
            try {
                Files.write(file, body);
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                        all.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                    }
                }
            } finally {
                Files.delete(file);
            }
            return all.toString();
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The endpoints the application serves: every handler method of its own controllers, as "METHOD /path". */
    private Set<String> endpoints() {
        Set<String> keys = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("cn.vanguard")) {
                continue;
            }
            RequestMappingInfo info = e.getKey();
            for (String path : info.getPatternValues()) {
                info.getMethodsCondition().getMethods().forEach(m -> keys.add(m.name() + " " + path));
            }
        }
        return keys;
    }

    /**
     * What of a world changes when someone changes its data: its units, members (and transfers, also of members moved
     * out), ledger entries and attachments, assessments, scheme versions, and its accounts with their roles and tokens.
     * Last-login and last-used times are left out: reading is not changing.
     */
    private String fingerprint(World w) {
        List<Long> units = jdbc.sql("select id from org_unit where path like :p").param("p", w.committee().path() + "%").query(Long.class).list();
        List<Long> people = jdbc.sql("select id from member where unit_id in (:u) or id in (:m)").param("u", units)
                .param("m", List.of(w.target(), w.self(), w.declarer())).query(Long.class).list();
        List<Long> accounts = jdbc.sql("select account_id from role_grant where unit_id in (:u) union select id from account where member_id in (:p)")
                .param("u", units).param("p", people).query(Long.class).list();
        List<String> queries = List.of(
                "select id, parent_id, name, kind, path, closed_at, version from org_unit where id in (:u) order by id",
                "select id, code, name, phone, member_type, category, status, unit_id, version from member where id in (:p) order by id",
                "select id, member_id, to_unit_id from member_transfer where member_id in (:p) order by id",
                "select id, member_id, status, version, reverses_id from ledger_entry where member_id in (:p) order by id",
                "select count(*) from attachment a join ledger_entry e on e.id = a.entry_id where e.member_id in (:p)",
                "select id, member_id, item_code, assessed_value, version from assessment where member_id in (:p) order by id",
                "select id, unit_id, version_no from scheme_version where unit_id in (:u) order by id",
                "select id, username, password_hash, member_id, enabled, version from account where id in (:a) order by id",
                "select id, account_id, role, unit_id from role_grant where account_id in (:a) or unit_id in (:u) order by id",
                "select id, account_id, revoked_at from api_token where account_id in (:a) order by id");
        StringBuilder print = new StringBuilder().append(units).append(people).append(accounts).append('\n');
        for (String sql : queries) {
            print.append(jdbc.sql(sql).param("u", units).param("p", people).param("a", accounts).query().listOfRows()).append('\n');
        }
        return print.toString();
    }

    // ------------------------------------------------------------------ the organisations

    private World world(String tag) {
        Unit committee = fixtures.unit(null, tag + "党委", UnitKind.COMMITTEE);
        Unit branch = fixtures.unit(committee.id(), tag + "支部", UnitKind.BRANCH);
        Unit group = fixtures.unit(branch.id(), tag + "小组", UnitKind.GROUP);
        Unit otherBranch = fixtures.unit(committee.id(), tag + "二支部", UnitKind.BRANCH);
        PublishedScheme scheme = schemes.publishPresetTrusted(committee.id(), fixtures.year(), "city-direct-organs", AuditLog.Actor.SYSTEM);
        String targetName = Fixtures.unique(tag + "甲");
        long target = fixtures.member(group.id(), targetName);
        String selfName = Fixtures.unique(tag + "乙");
        long self = fixtures.member(group.id(), selfName);
        String declarerName = Fixtures.unique(tag + "丙");
        long declarer = fixtures.member(group.id(), declarerName);
        Fixtures.Account declarerAccount = fixtures.memberAccount(declarer, group.id());
        Fixtures.Account recorder = fixtures.account(Role.SCORER, committee.id());
        Fixtures.Account targetAccount = fixtures.account(null, new Grant(Role.MEMBER, group.id()));
        String targetCode = jdbc.sql("select code from member where id = :id").param("id", target).query(String.class).single();
        World partial = new World(committee, branch, group, otherBranch, scheme, target, targetCode, self, declarer, declarerAccount, recorder,
                targetAccount, 0, 0, List.of());
        long approved = approvedEntry(partial);
        recorder.signIn();
        LedgerEntry withFile;
        try {
            withFile = ledger.record(new NewEntry(target, "RWD_CITY", day, null, null, null, "表彰", null),
                    List.of(new Upload("表彰.png", "image/png", PNG)), UUID.randomUUID().toString());
        } finally {
            SignIn.out();
        }
        long attachment = jdbc.sql("select id from attachment where entry_id = :e").param("e", withFile.id()).query(Long.class).single();
        List<String> markers = List.of(committee.name(), branch.name(), group.name(), otherBranch.name(), targetName, selfName, declarerName,
                declarerAccount.username(), recorder.username(), targetAccount.username());
        return new World(committee, branch, group, otherBranch, scheme, target, targetCode, self, declarer, declarerAccount, recorder,
                targetAccount, approved, attachment, markers);
    }

    private Map<R, Caller> callers() {
        Map<R, Caller> callers = new EnumMap<>(R.class);
        for (R r : R.values()) {
            Fixtures.Account account = switch (r) {
                case SA -> fixtures.account(Role.SYSTEM_ADMIN, null);
                case CA, SUP -> fixtures.account(r.role, a.committee().id());
                case SEC, SCO -> fixtures.account(r.role, a.branch().id());
                case GL -> fixtures.account(r.role, a.group().id());
                case MEM -> fixtures.memberAccount(a.self(), a.group().id());
            };
            account.signIn();
            try {
                callers.put(r, new Caller(r, account, tokens.create("范围测试")));
            } finally {
                SignIn.out();
            }
        }
        return callers;
    }

    // fresh objects for requests that change what they act on

    private long approvedEntry(World w) {
        long recorder = w.recorder().id();
        ledger.seedTrusted(List.of(new Ledger.Seed(w.target(), "ACT_STUDY", day, BigDecimal.ONE, null, null, "学习", null, EntrySource.SCORER,
                EntryStatus.APPROVED, recorder, null, recorder, null)), AuditLog.Actor.SYSTEM);
        return jdbc.sql("select max(id) from ledger_entry where member_id = :m").param("m", w.target()).query(Long.class).single();
    }

    private LedgerEntry pendingEntry(World w) {
        w.recorder().signIn();
        try {
            return ledger.record(new NewEntry(w.target(), "ACT_MEETING", day, null, null, null, "支部党员大会", null), List.of(),
                    UUID.randomUUID().toString());
        } finally {
            SignIn.out();
        }
    }

    private LedgerEntry declaredEntry(World w) {
        w.declarerAccount().signIn();
        try {
            return ledger.declare(new NewEntry(w.declarer(), "PRC_VOLUNTEER", day, null, null, null, "社区志愿服务", "张三、李四"), List.of(),
                    UUID.randomUUID().toString());
        } finally {
            SignIn.out();
        }
    }

    private long freshMember(World w) {
        return fixtures.member(w.group().id(), "新人" + Fixtures.unique(""));
    }

    private Unit freshUnit(World w) {
        return fixtures.unit(w.branch().id(), "新小组", UnitKind.GROUP);
    }

    private Fixtures.Account freshAccount(World w, Long memberId) {
        return fixtures.account(memberId, new Grant(Role.MEMBER, w.group().id()));
    }

    private long ownToken(Caller caller) {
        caller.account().signIn();
        try {
            tokens.create("吊销测试");
            return tokens.mine().get(0).id();
        } finally {
            SignIn.out();
        }
    }

    private long tokenOf(Fixtures.Account account) {
        account.signIn();
        try {
            tokens.create("别人的令牌");
            return tokens.mine().get(0).id();
        } finally {
            SignIn.out();
        }
    }

    private int version(long entryId) {
        return jdbc.sql("select version from ledger_entry where id = :id").param("id", entryId).query(Integer.class).single();
    }

    private String memberCode(long memberId) {
        return jdbc.sql("select code from member where id = :id").param("id", memberId).query(String.class).single();
    }

    private int memberVersion(long memberId) {
        return jdbc.sql("select version from member where id = :id").param("id", memberId).query(Integer.class).single();
    }

    private String yaml(World w) {
        return jdbc.sql("select yaml from scheme_version where id = :id").param("id", w.scheme().id()).query(String.class).single();
    }

    private static String id(long id) {
        return Long.toString(id);
    }

    // ------------------------------------------------------------------ the table

    private void web(String key, Set<R> allowed, Req inScope, OutOfScope... outOfScope) {
        add(new Endpoint(key, false, allowed, Set.of(), inScope, List.of(outOfScope)));
    }

    private void api(String key, Set<R> allowed, Req inScope, OutOfScope... outOfScope) {
        add(new Endpoint(key, true, allowed, Set.of(), inScope, List.of(outOfScope)));
    }

    private void add(Endpoint endpoint) {
        assertThat(table.put(endpoint.key(), endpoint)).as("described twice: " + endpoint.key()).isNull();
    }

    private static OutOfScope deny(Req request) {
        return new OutOfScope(request, Out.DENY, null);
    }

    private static OutOfScope filter(Req request) {
        return new OutOfScope(request, Out.FILTER, null);
    }

    /** Refused with a message that repeats the name of B's the request gave (an import naming B's unit, say). */
    private static OutOfScope echoing(Req request, java.util.function.Function<World, String> echo) {
        return new OutOfScope(request, Out.FILTER, echo);
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B json(B request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private void describe() {
        // ---- signing in and the home page: everyone, about themselves
        web("GET /login", ALL, (w, c) -> get("/login"));
        web("GET /", ALL, (w, c) -> get("/"));
        add(new Endpoint("POST /demo", false, EnumSet.of(SA), EnumSet.of(SA), (w, c) -> post("/demo"), List.of()));
        // (the system administrator loading the demo is the browser test's first step: loading it here would load it into every test)

        // ---- my account
        web("GET /account", ALL, (w, c) -> get("/account"));
        web("POST /account/tokens", ALL, (w, c) -> post("/account/tokens").param("name", "考勤系统"));
        web("POST /account/tokens/{id}/revoke", ALL, (w, c) -> post("/account/tokens/{id}/revoke", ownToken(c)),
                deny((w, c) -> post("/account/tokens/{id}/revoke", tokenOf(w.targetAccount()))));
        web("GET /account/password", ALL, (w, c) -> get("/account/password"));
        web("POST /account/password", ALL, (w, c) -> post("/account/password").param("current", "不是这个密码")
                .param("password", "NewPassw0rd2026").param("repeat", "NewPassw0rd2026"));

        // ---- accounts
        web("GET /accounts", MANAGE, (w, c) -> get("/accounts"), filter((w, c) -> get("/accounts").param("q", "u")));
        web("GET /accounts/new", MANAGE, (w, c) -> get("/accounts/new"));
        web("GET /accounts/members", MANAGE, (w, c) -> get("/accounts/members").param("q", w.targetCode()),
                filter((w, c) -> get("/accounts/members").param("q", w.targetCode())));
        web("POST /accounts", MANAGE, (w, c) -> post("/accounts").param("username", Fixtures.unique("new")).param("displayName", "新账号")
                        .param("role", "SCORER").param("unitId", id(w.branch().id())),
                deny((w, c) -> post("/accounts").param("username", Fixtures.unique("new")).param("displayName", "新账号")
                        .param("role", "SCORER").param("unitId", id(w.branch().id()))),
                deny((w, c) -> post("/accounts").param("username", Fixtures.unique("new")).param("displayName", "新账号")
                        .param("memberCode", w.targetCode())));
        web("GET /accounts/{id}", MANAGE, (w, c) -> get("/accounts/{id}", w.targetAccount().id()),
                deny((w, c) -> get("/accounts/{id}", w.targetAccount().id())));
        web("POST /accounts/{id}/grants", MANAGE, (w, c) -> post("/accounts/{id}/grants", freshAccount(w, null).id())
                        .param("role", "SCORER").param("unitId", id(w.group().id())),
                deny((w, c) -> post("/accounts/{id}/grants", freshAccount(w, null).id()).param("role", "SCORER").param("unitId", id(w.group().id()))),
                deny((w, c) -> post("/accounts/{id}/grants", freshAccount(a, null).id()).param("role", "SCORER").param("unitId", id(w.group().id()))),
                deny((w, c) -> post("/accounts/{id}/grants", freshAccount(w, null).id()).param("role", "SCORER").param("unitId", id(a.group().id()))));
        web("POST /accounts/{id}/grants/remove", MANAGE, (w, c) -> post("/accounts/{id}/grants/remove", freshAccount(w, null).id())
                        .param("role", "MEMBER").param("unitId", id(w.group().id())),
                deny((w, c) -> post("/accounts/{id}/grants/remove", freshAccount(w, null).id()).param("role", "MEMBER")
                        .param("unitId", id(w.group().id()))));
        web("POST /accounts/{id}/password", MANAGE, (w, c) -> post("/accounts/{id}/password", freshAccount(w, null).id()),
                deny((w, c) -> post("/accounts/{id}/password", freshAccount(w, null).id())));
        web("POST /accounts/{id}/tokens/revoke", MANAGE, (w, c) -> post("/accounts/{id}/tokens/revoke", freshAccount(w, null).id()),
                deny((w, c) -> post("/accounts/{id}/tokens/revoke", freshAccount(w, null).id())));
        web("POST /accounts/{id}/enabled", MANAGE, (w, c) -> post("/accounts/{id}/enabled", freshAccount(w, null).id()).param("enabled", "false"),
                deny((w, c) -> post("/accounts/{id}/enabled", freshAccount(w, null).id()).param("enabled", "false")));
        web("POST /accounts/{id}/member", MANAGE, (w, c) -> post("/accounts/{id}/member", freshAccount(w, null).id())
                        .param("memberCode", memberCode(freshMember(w))),
                deny((w, c) -> post("/accounts/{id}/member", freshAccount(w, null).id()).param("memberCode", memberCode(freshMember(w)))),
                deny((w, c) -> post("/accounts/{id}/member", freshAccount(a, null).id()).param("memberCode", memberCode(freshMember(w)))));
        web("POST /accounts/{id}/member/unlink", MANAGE, (w, c) -> post("/accounts/{id}/member/unlink", freshAccount(w, freshMember(w)).id()),
                deny((w, c) -> post("/accounts/{id}/member/unlink", freshAccount(w, freshMember(w)).id())));

        // ---- audit log
        web("GET /audit", AUDIT, (w, c) -> get("/audit"), filter((w, c) -> get("/audit").param("text", w.group().name().substring(0, 2))));

        // ---- organisation
        web("GET /units", VIEW, (w, c) -> get("/units"));
        web("POST /units", MANAGE, (w, c) -> post("/units").param("parentId", id(w.branch().id())).param("name", Fixtures.unique("新小组"))
                        .param("kind", "GROUP"),
                deny((w, c) -> post("/units").param("parentId", id(w.branch().id())).param("name", Fixtures.unique("新小组")).param("kind", "GROUP")));
        web("GET /units/{id}", ALL, (w, c) -> get("/units/{id}", w.group().id()), deny((w, c) -> get("/units/{id}", w.group().id())));
        web("POST /units/{id}/edit", MANAGE, (w, c) -> post("/units/{id}/edit", freshUnit(w).id()).param("name", Fixtures.unique("改名"))
                        .param("kind", "GROUP"),
                deny((w, c) -> post("/units/{id}/edit", freshUnit(w).id()).param("name", Fixtures.unique("改名")).param("kind", "GROUP")));
        web("POST /units/{id}/move", MANAGE, (w, c) -> post("/units/{id}/move", freshUnit(w).id()).param("parentId", id(w.otherBranch().id())),
                deny((w, c) -> post("/units/{id}/move", freshUnit(w).id()).param("parentId", id(w.otherBranch().id()))),
                deny((w, c) -> post("/units/{id}/move", freshUnit(w).id()).param("parentId", id(a.branch().id()))),
                deny((w, c) -> post("/units/{id}/move", freshUnit(a).id()).param("parentId", id(w.branch().id()))));
        web("GET /units/{id}/close", MANAGE, (w, c) -> get("/units/{id}/close", freshUnit(w).id()),
                deny((w, c) -> get("/units/{id}/close", freshUnit(w).id())));
        web("POST /units/{id}/close", MANAGE, (w, c) -> post("/units/{id}/close", freshUnit(w).id()),
                deny((w, c) -> post("/units/{id}/close", freshUnit(w).id())));

        // ---- members
        web("GET /members", VIEW, (w, c) -> get("/members").param("unitId", id(w.group().id())),
                deny((w, c) -> get("/members").param("unitId", id(w.group().id()))));
        web("GET /members/{id}", VIEW, (w, c) -> get("/members/{id}", w.target()), deny((w, c) -> get("/members/{id}", w.target())));
        web("GET /members/new", MANAGE, (w, c) -> get("/members/new").param("unitId", id(w.group().id())),
                filter((w, c) -> get("/members/new").param("unitId", id(w.group().id()))));
        web("POST /members", MANAGE, (w, c) -> newMember(post("/members"), w),
                filter((w, c) -> newMember(post("/members"), w)));
        web("GET /members/{id}/edit", MANAGE, (w, c) -> get("/members/{id}/edit", w.target()),
                deny((w, c) -> get("/members/{id}/edit", w.target())));
        web("POST /members/{id}/edit", MANAGE, (w, c) -> editMember(w, freshMember(w), w.group()),
                deny((w, c) -> editMember(w, freshMember(w), w.group())),
                filter((w, c) -> editMember(a, freshMember(a), w.group())));
        web("GET /members/{id}/transfer", MANAGE, (w, c) -> get("/members/{id}/transfer", w.target()),
                deny((w, c) -> get("/members/{id}/transfer", w.target())));
        web("POST /members/{id}/transfer", MANAGE, (w, c) -> transfer(freshMember(w), w.otherBranch()),
                deny((w, c) -> transfer(freshMember(w), a.otherBranch())),
                filter((w, c) -> transfer(freshMember(a), w.otherBranch())));
        web("GET /members/template", MANAGE, (w, c) -> get("/members/template"));
        web("GET /members/export", VIEW, (w, c) -> get("/members/export").param("unitId", id(w.group().id())),
                deny((w, c) -> get("/members/export").param("unitId", id(w.group().id()))));
        web("GET /members/import", MANAGE, (w, c) -> get("/members/import"));
        web("POST /members/import", MANAGE, (w, c) -> roster(w), echoing((w, c) -> roster(w), w -> w.group().name()));

        // ---- schemes
        web("GET /schemes", ALL, (w, c) -> get("/schemes"));
        web("GET /schemes/{id}", ALL, (w, c) -> get("/schemes/{id}", w.scheme().id()), deny((w, c) -> get("/schemes/{id}", w.scheme().id())));
        web("GET /schemes/{id}/yaml", ALL, (w, c) -> get("/schemes/{id}/yaml", w.scheme().id()),
                deny((w, c) -> get("/schemes/{id}/yaml", w.scheme().id())));
        web("GET /schemes/presets/{presetId}", ALL, (w, c) -> get("/schemes/presets/{id}", "district-80-20"));
        web("GET /schemes/publish", MANAGE, (w, c) -> get("/schemes/publish").param("unitId", id(w.otherBranch().id())),
                filter((w, c) -> get("/schemes/publish").param("unitId", id(w.otherBranch().id()))));
        web("POST /schemes/publish", MANAGE, (w, c) -> post("/schemes/publish").param("unitId", id(w.otherBranch().id()))
                        .param("year", id(fixtures.year())).param("preset", "city-organs-100"),
                filter((w, c) -> post("/schemes/publish").param("unitId", id(w.otherBranch().id())).param("year", id(fixtures.year()))
                        .param("preset", "city-organs-100")));
        web("GET /schemes/upload", MANAGE, (w, c) -> get("/schemes/upload").param("unitId", id(w.otherBranch().id())),
                filter((w, c) -> get("/schemes/upload").param("unitId", id(w.otherBranch().id()))));
        web("POST /schemes/upload", MANAGE, (w, c) -> post("/schemes/upload").param("unitId", id(w.otherBranch().id()))
                        .param("year", id(fixtures.year())).param("yaml", yaml(w)),
                filter((w, c) -> post("/schemes/upload").param("unitId", id(w.otherBranch().id())).param("year", id(fixtures.year()))
                        .param("yaml", yaml(a))));
        web("GET /schemes/{id}/copy", MANAGE, (w, c) -> get("/schemes/{id}/copy", w.scheme().id()),
                deny((w, c) -> get("/schemes/{id}/copy", w.scheme().id())));
        web("POST /schemes/{id}/copy", MANAGE, (w, c) -> post("/schemes/{id}/copy", w.scheme().id()).param("unitId", id(w.otherBranch().id()))
                        .param("year", id(fixtures.year())).param("yaml", yaml(w)),
                deny((w, c) -> post("/schemes/{id}/copy", w.scheme().id()).param("unitId", id(a.otherBranch().id()))
                        .param("year", id(fixtures.year())).param("yaml", yaml(a))),
                filter((w, c) -> post("/schemes/{id}/copy", a.scheme().id()).param("unitId", id(w.otherBranch().id()))
                        .param("year", id(fixtures.year())).param("yaml", yaml(a))));

        // ---- ledger
        web("GET /entries", ALL, (w, c) -> get("/entries").param("unitId", id(w.group().id())),
                filter((w, c) -> get("/entries").param("unitId", id(w.group().id()))));
        web("GET /entries/new", RECORD, (w, c) -> get("/entries/new").param("unitId", id(w.group().id())),
                filter((w, c) -> get("/entries/new").param("unitId", id(w.group().id()))));
        web("GET /entries/new/rows", RECORD, (w, c) -> get("/entries/new/rows").param("from", "5").param("unitId", id(w.group().id())),
                deny((w, c) -> get("/entries/new/rows").param("from", "5").param("unitId", id(w.group().id()))));
        web("POST /entries/new", RECORD, (w, c) -> post("/entries/new").param("unitId", id(w.group().id()))
                        .param("rows[0].member", w.targetCode()).param("rows[0].item", "ACT_STUDY").param("rows[0].date", day.toString())
                        .param("rows[0].key", UUID.randomUUID().toString()),
                filter((w, c) -> post("/entries/new").param("unitId", id(w.group().id())).param("rows[0].member", w.targetCode())
                        .param("rows[0].item", "ACT_STUDY").param("rows[0].date", day.toString()).param("rows[0].key", UUID.randomUUID().toString())));
        web("GET /entries/import", RECORD, (w, c) -> get("/entries/import"));
        web("POST /entries/import", RECORD, (w, c) -> ledgerFile(w), deny((w, c) -> ledgerFile(w)));
        web("GET /entries/template.csv", RECORD, (w, c) -> get("/entries/template.csv"));
        web("GET /entries/{id}", VIEW, (w, c) -> get("/entries/{id}", w.approvedEntry()), deny((w, c) -> get("/entries/{id}", w.approvedEntry())));
        web("POST /entries/{id}/attachments", RECORD, (w, c) -> multipart("/entries/{id}/attachments", pendingEntry(w).id())
                        .file(new MockMultipartFile("files", "证明.png", "image/png", PNG)),
                deny((w, c) -> multipart("/entries/{id}/attachments", pendingEntry(w).id()).file(new MockMultipartFile("files", "证明.png", "image/png", PNG))));
        web("POST /entries/{id}/reverse", RECORD, (w, c) -> post("/entries/{id}/reverse", approvedEntry(w)).param("reason", "重复录入")
                        .param("key", UUID.randomUUID().toString()),
                deny((w, c) -> post("/entries/{id}/reverse", approvedEntry(w)).param("reason", "重复录入").param("key", UUID.randomUUID().toString())));
        web("POST /entries/{id}/approve", APPROVE, (w, c) -> decide(pendingEntry(w), "approve"),
                deny((w, c) -> decide(pendingEntry(w), "approve")));
        web("POST /entries/{id}/reject", APPROVE, (w, c) -> decide(pendingEntry(w), "reject").param("reason", "日期有误"),
                deny((w, c) -> decide(pendingEntry(w), "reject").param("reason", "日期有误")));
        web("POST /entries/{id}/check", FIRST_CHECK, (w, c) -> decide(declaredEntry(w), "check"),
                deny((w, c) -> decide(declaredEntry(w), "check")));
        web("GET /attachments/{id}", VIEW, (w, c) -> get("/attachments/{id}", w.attachment()), deny((w, c) -> get("/attachments/{id}", w.attachment())));
        web("GET /review", FIRST_CHECK, (w, c) -> get("/review"));
        web("POST /review/{id}", APPROVE, (w, c) -> review(pendingEntry(w)), deny((w, c) -> review(pendingEntry(w))));
        web("GET /assessments", APPROVE, (w, c) -> get("/assessments").param("unitId", id(w.group().id())),
                deny((w, c) -> get("/assessments").param("unitId", id(w.group().id()))));
        web("POST /assessments", APPROVE, (w, c) -> assess(freshMember(w)), deny((w, c) -> assess(w.target())));

        // ---- declaring: a member, about themselves
        web("GET /declare", EnumSet.of(MEM), (w, c) -> get("/declare"));
        web("POST /declare", EnumSet.of(MEM), (w, c) -> multipart("/declare").file(new MockMultipartFile("files", "照片.png", "image/png", PNG))
                .param("itemCode", "PRC_VOLUNTEER").param("date", day.toString()).param("quantity", "1").param("note", "社区志愿服务")
                .param("key", UUID.randomUUID().toString()));

        // ---- scores
        web("GET /scores", VIEW, (w, c) -> get("/scores").param("unitId", id(w.group().id())),
                deny((w, c) -> get("/scores").param("unitId", id(w.group().id()))));
        web("GET /scores/export", VIEW, (w, c) -> get("/scores/export").param("unitId", id(w.group().id())),
                deny((w, c) -> get("/scores/export").param("unitId", id(w.group().id()))));
        web("GET /scores/ledger.zip", VIEW, (w, c) -> get("/scores/ledger.zip").param("unitId", id(w.group().id())),
                deny((w, c) -> get("/scores/ledger.zip").param("unitId", id(w.group().id()))));
        web("GET /members/{id}/score", VIEW, (w, c) -> get("/members/{id}/score", w.target()),
                deny((w, c) -> get("/members/{id}/score", w.target())));
        web("GET /me", ALL, (w, c) -> get("/me"));

        // ---- the API
        api("GET /api/v1/units", ALL, (w, c) -> get("/api/v1/units"));
        api("GET /api/v1/units/{id}", ALL, (w, c) -> get("/api/v1/units/{id}", w.group().id()),
                deny((w, c) -> get("/api/v1/units/{id}", w.group().id())));
        api("POST /api/v1/units", MANAGE, (w, c) -> json(post("/api/v1/units"), "{\"parentId\":" + w.branch().id()
                        + ",\"name\":\"" + Fixtures.unique("接口小组") + "\",\"kind\":\"GROUP\"}"),
                deny((w, c) -> json(post("/api/v1/units"), "{\"parentId\":" + w.branch().id() + ",\"name\":\"" + Fixtures.unique("接口小组")
                        + "\",\"kind\":\"GROUP\"}")));
        api("PATCH /api/v1/units/{id}", MANAGE, (w, c) -> json(patch("/api/v1/units/{id}", freshUnit(w).id()), "{\"name\":\"" + Fixtures.unique("改名") + "\"}"),
                deny((w, c) -> json(patch("/api/v1/units/{id}", freshUnit(w).id()), "{\"name\":\"" + Fixtures.unique("改名") + "\"}")));
        api("POST /api/v1/units/{id}/move", MANAGE, (w, c) -> json(post("/api/v1/units/{id}/move", freshUnit(w).id()),
                        "{\"parentId\":" + w.otherBranch().id() + "}"),
                deny((w, c) -> json(post("/api/v1/units/{id}/move", freshUnit(w).id()), "{\"parentId\":" + a.branch().id() + "}")),
                deny((w, c) -> json(post("/api/v1/units/{id}/move", freshUnit(a).id()), "{\"parentId\":" + w.branch().id() + "}")));
        api("POST /api/v1/units/{id}/close", MANAGE, (w, c) -> post("/api/v1/units/{id}/close", freshUnit(w).id()),
                deny((w, c) -> post("/api/v1/units/{id}/close", freshUnit(w).id())));
        api("GET /api/v1/members", VIEW, (w, c) -> get("/api/v1/members").param("unitId", id(w.group().id())),
                deny((w, c) -> get("/api/v1/members").param("unitId", id(w.group().id()))));
        api("GET /api/v1/members/{id}", VIEW, (w, c) -> get("/api/v1/members/{id}", w.target()),
                deny((w, c) -> get("/api/v1/members/{id}", w.target())));
        api("GET /api/v1/members/{id}/transfers", VIEW, (w, c) -> get("/api/v1/members/{id}/transfers", w.target()),
                deny((w, c) -> get("/api/v1/members/{id}/transfers", w.target())));
        api("POST /api/v1/members", MANAGE, (w, c) -> json(post("/api/v1/members"), "{\"name\":\"接口新人\",\"type\":\"FORMAL\",\"unitId\":"
                        + w.group().id() + "}"),
                deny((w, c) -> json(post("/api/v1/members"), "{\"name\":\"接口新人\",\"type\":\"FORMAL\",\"unitId\":" + w.group().id() + "}")));
        api("PUT /api/v1/members/{id}", MANAGE, (w, c) -> replaceMember(freshMember(w), w.group()),
                deny((w, c) -> replaceMember(freshMember(w), w.group())),
                filter((w, c) -> replaceMember(freshMember(a), w.group())));
        api("POST /api/v1/members/{id}/transfer", MANAGE, (w, c) -> json(post("/api/v1/members/{id}/transfer", freshMember(w)),
                        "{\"toUnitId\":" + w.otherBranch().id() + ",\"on\":\"" + day + "\",\"reason\":\"工作调动\"}"),
                deny((w, c) -> json(post("/api/v1/members/{id}/transfer", freshMember(w)), "{\"toUnitId\":" + a.otherBranch().id()
                        + ",\"on\":\"" + day + "\",\"reason\":\"工作调动\"}")),
                deny((w, c) -> json(post("/api/v1/members/{id}/transfer", freshMember(a)), "{\"toUnitId\":" + w.otherBranch().id()
                        + ",\"on\":\"" + day + "\",\"reason\":\"工作调动\"}")));
        api("GET /api/v1/schemes", ALL, (w, c) -> get("/api/v1/schemes"));
        api("GET /api/v1/schemes/{id}", ALL, (w, c) -> get("/api/v1/schemes/{id}", w.scheme().id()),
                deny((w, c) -> get("/api/v1/schemes/{id}", w.scheme().id())));
        api("GET /api/v1/units/{id}/scheme", ALL, (w, c) -> get("/api/v1/units/{id}/scheme", w.group().id()),
                deny((w, c) -> get("/api/v1/units/{id}/scheme", w.group().id())));
        api("POST /api/v1/schemes", MANAGE, (w, c) -> json(post("/api/v1/schemes"), "{\"unitId\":" + w.otherBranch().id() + ",\"year\":"
                        + fixtures.year() + ",\"preset\":\"city-organs-100\"}"),
                deny((w, c) -> json(post("/api/v1/schemes"), "{\"unitId\":" + w.otherBranch().id() + ",\"year\":" + fixtures.year()
                        + ",\"preset\":\"city-organs-100\"}")));
        api("GET /api/v1/presets", ALL, (w, c) -> get("/api/v1/presets"));
        api("GET /api/v1/entries", ALL, (w, c) -> get("/api/v1/entries").param("unitId", id(w.group().id())),
                filter((w, c) -> get("/api/v1/entries").param("unitId", id(w.group().id()))));
        api("GET /api/v1/entries/{id}", VIEW, (w, c) -> get("/api/v1/entries/{id}", w.approvedEntry()),
                deny((w, c) -> get("/api/v1/entries/{id}", w.approvedEntry())));
        api("POST /api/v1/entries", RECORD, (w, c) -> recordByApi(w), deny((w, c) -> recordByApi(w)));
        api("POST /api/v1/entries/{id}/check", FIRST_CHECK, (w, c) -> checkByApi(declaredEntry(w)), deny((w, c) -> checkByApi(declaredEntry(w))));
        api("POST /api/v1/entries/{id}/approve", APPROVE, (w, c) -> approveByApi(pendingEntry(w)), deny((w, c) -> approveByApi(pendingEntry(w))));
        api("POST /api/v1/entries/{id}/reject", APPROVE, (w, c) -> rejectByApi(pendingEntry(w)), deny((w, c) -> rejectByApi(pendingEntry(w))));
        api("POST /api/v1/entries/{id}/reverse", RECORD, (w, c) -> reverseByApi(approvedEntry(w)), deny((w, c) -> reverseByApi(approvedEntry(w))));
        api("GET /api/v1/scores", VIEW, (w, c) -> get("/api/v1/scores").param("unitId", id(w.group().id())),
                deny((w, c) -> get("/api/v1/scores").param("unitId", id(w.group().id()))));
        api("GET /api/v1/members/{id}/score", VIEW, (w, c) -> get("/api/v1/members/{id}/score", w.target()),
                deny((w, c) -> get("/api/v1/members/{id}/score", w.target())));
    }

    // request bodies

    private AbstractMockHttpServletRequestBuilder<?> newMember(AbstractMockHttpServletRequestBuilder<?> request, World w) {
        return request.param("name", "新党员").param("gender", "FEMALE").param("type", "FORMAL").param("category", "IN_SERVICE")
                .param("status", "ACTIVE").param("unitId", id(w.group().id()));
    }

    private AbstractMockHttpServletRequestBuilder<?> editMember(World w, long member, Unit unit) {
        return post("/members/{id}/edit", member).param("code", memberCode(member)).param("name", "改过的名字").param("gender", "MALE")
                .param("type", "FORMAL").param("category", "IN_SERVICE").param("status", "ACTIVE").param("unitId", id(unit.id()))
                .param("version", id(memberVersion(member)));
    }

    private AbstractMockHttpServletRequestBuilder<?> transfer(long member, Unit to) {
        return post("/members/{id}/transfer", member).param("toUnitId", id(to.id())).param("on", day.toString()).param("reason", "工作调动");
    }

    private AbstractMockHttpServletRequestBuilder<?> roster(World w) {
        String csv = "党员编号,姓名,性别,出生日期,身份证号码,联系电话,入党日期,党员身份,人员类别,所在组织,状态\n"
                + ",花名册新人,女,1990-01-01,,,2015-07-01,正式党员,在职," + w.group().name() + ",在册\n";
        return multipart("/members/import").file(new MockMultipartFile("file", "花名册.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    }

    private AbstractMockHttpServletRequestBuilder<?> ledgerFile(World w) {
        String csv = "成员编号,项目编码,日期,数量\n" + w.targetCode() + ",ACT_STUDY," + day + ",1\n";
        return multipart("/entries/import").file(new MockMultipartFile("file", Fixtures.unique("台账") + ".csv", "text/csv",
                (csv + "#" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))).param("unitId", id(w.group().id()));
    }

    private AbstractMockHttpServletRequestBuilder<?> decide(LedgerEntry entry, String action) {
        return post("/entries/{id}/" + action, entry.id()).param("version", id(version(entry.id())));
    }

    private AbstractMockHttpServletRequestBuilder<?> review(LedgerEntry entry) {
        return post("/review/{id}", entry.id()).param("action", "approve").param("version", id(version(entry.id())));
    }

    private AbstractMockHttpServletRequestBuilder<?> assess(long member) {
        return post("/assessments").param("memberId", id(member)).param("year", id(fixtures.year())).param("item", "POST_LEVEL")
                .param("value", "EXCELLENT");
    }

    private AbstractMockHttpServletRequestBuilder<?> replaceMember(long member, Unit unit) {
        return json(put("/api/v1/members/{id}", member), "{\"name\":\"接口改名\",\"type\":\"FORMAL\",\"unitId\":" + unit.id() + ",\"version\":"
                + memberVersion(member) + "}");
    }

    private AbstractMockHttpServletRequestBuilder<?> recordByApi(World w) {
        return json(post("/api/v1/entries"), "{\"memberId\":" + w.target() + ",\"itemCode\":\"ACT_STUDY\",\"date\":\"" + day + "\"}")
                .header("Idempotency-Key", UUID.randomUUID().toString());
    }

    private AbstractMockHttpServletRequestBuilder<?> checkByApi(LedgerEntry entry) {
        return json(post("/api/v1/entries/{id}/check", entry.id()), "{\"pass\":true,\"version\":" + version(entry.id()) + "}");
    }

    private AbstractMockHttpServletRequestBuilder<?> approveByApi(LedgerEntry entry) {
        return json(post("/api/v1/entries/{id}/approve", entry.id()), "{\"version\":" + version(entry.id()) + "}");
    }

    private AbstractMockHttpServletRequestBuilder<?> rejectByApi(LedgerEntry entry) {
        return json(post("/api/v1/entries/{id}/reject", entry.id()), "{\"reason\":\"日期有误\",\"version\":" + version(entry.id()) + "}");
    }

    private AbstractMockHttpServletRequestBuilder<?> reverseByApi(long entry) {
        return json(post("/api/v1/entries/{id}/reverse", entry), "{\"reason\":\"重复录入\"}").header("Idempotency-Key", UUID.randomUUID().toString());
    }
}
