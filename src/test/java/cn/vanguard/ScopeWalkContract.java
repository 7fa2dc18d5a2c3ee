package cn.vanguard;

import static cn.vanguard.ScopeWalkWorlds.R.CA;
import static cn.vanguard.ScopeWalkWorlds.R.GL;
import static cn.vanguard.ScopeWalkWorlds.R.MEM;
import static cn.vanguard.ScopeWalkWorlds.R.SA;
import static cn.vanguard.ScopeWalkWorlds.R.SCO;
import static cn.vanguard.ScopeWalkWorlds.R.SEC;
import static cn.vanguard.ScopeWalkWorlds.R.SUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
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
 * <li>on A's data, a role the table allows gets the answer expected of the endpoint ({@link #expected}: a page 200, a
 * form a redirect to where it leads, the API 200 or 201, and no error message); a role it does not allow is refused
 * (403 or 404) and nothing of A changes;</li>
 * <li>every request of a role of A (other than the system administrator), whether on A's or on B's data, shows nothing
 * of B (no name of B's units, members or accounts in the response, zip and xlsx files included) and changes nothing
 * of B; requests naming B's objects are refused (403 or 404) unless the table marks them as filtered lists.</li>
 * </ul>
 * The same table is walked inside one organisation (sibling branches and groups, a group below the members' branch),
 * with an account holding several roles, and after a member moved to another committee. The test fails when an
 * endpoint of the application is missing from the table, so a new endpoint cannot escape it.
 */
public abstract class ScopeWalkContract extends ScopeWalkWorlds {

    static final Set<R> ALL = EnumSet.allOf(R.class);
    static final Set<R> VIEW = EnumSet.of(SA, CA, SEC, SCO, GL, SUP);
    static final Set<R> MANAGE = EnumSet.of(SA, CA);
    static final Set<R> RECORD = EnumSet.of(SA, CA, SEC, SCO, GL);
    static final Set<R> FIRST_CHECK = EnumSet.of(SA, CA, SEC, SCO);
    static final Set<R> APPROVE = EnumSet.of(SA, CA, SEC);
    static final Set<R> AUDIT = EnumSet.of(SA, CA, SUP);
    static final Set<R> MEMBER_ACCOUNTS = EnumSet.of(SA, CA, SEC);
    static final Set<R> CLOSE_PERIODS = EnumSet.of(SA, CA, SEC);
    /** Those over a period's unit (a branch): a group leader's group is inside it, not over it. */
    static final Set<R> OVER_PERIODS = EnumSet.of(SA, CA, SEC, SCO, SUP);
    /** Those over a period's unit and its members: a group leader reads the branch's periods as a member, not as leader. */
    static final Set<R> PERIOD_READERS = EnumSet.of(SA, CA, SEC, SCO, SUP, MEM);
    static final Set<R> RUN_PERIODS = EnumSet.of(SA, SEC);
    /** A period's moves (the path's last part) and who may make them. */
    static final Map<String, Set<R>> PERIOD_MOVES = new java.util.TreeMap<>(Map.of("close", CLOSE_PERIODS, "sign", RUN_PERIODS,
            "publish", RUN_PERIODS, "submit", RUN_PERIODS, "republish", RUN_PERIODS, "approve", MANAGE, "return", MANAGE));

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

    // ------------------------------------------------------------------ the walks

    @Test
    void everyEndpointAllowsTheRolesItShouldAndNobodyReachesOutsideTheirScope() throws Exception {
        organisations();
        Map<R, Caller> callers = callers(a);

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

    /**
     * Inside one organisation: the secretary and the scorer of a sibling branch and the leader of a sibling group reach
     * nothing of A's group; the leader of a group reaches nothing of the branch above it (C's members live in C's
     * branch); the branch's secretary and the committee's administrator reach the branch's members below them.
     */
    @Test
    void siblingsAndUnitsAboveOrBelowInOneOrganisationReachOnlyTheirOwnSubtree() throws Exception {
        organisations();
        World c = world("丙方", true);
        Unit siblingGroup = fixtures.unit(a.branch().id(), "兄弟小组", UnitKind.GROUP);
        Unit groupBelow = fixtures.unit(c.branch().id(), "下级小组", UnitKind.GROUP);
        List<String> failures = new ArrayList<>();
        walkAll(List.of(holding(SEC, new Held(SEC, a.otherBranch())), holding(SCO, new Held(SCO, a.otherBranch())),
                holding(GL, new Held(GL, siblingGroup))), a, failures);
        walkAll(List.of(holding(GL, new Held(GL, groupBelow)), holding(SEC, new Held(SEC, c.branch())),
                holding(CA, new Held(CA, c.committee()))), c, failures);
        assertThat(failures).as("siblings, parents and children inside one organisation").isEmpty();
    }

    /**
     * An account holding several roles (the scorer of D's branch who is also a member of A's group) reaches with each
     * role what that role reaches, and with neither what neither reaches: A's members' entries stay out of its reach.
     */
    @Test
    void anAccountWithSeveralRolesReachesWhatEachRoleReachesAndNoMore() throws Exception {
        organisations();
        World d = world("丁方");
        long own = fixtures.member(a.group().id(), Fixtures.unique("身兼"));
        Fixtures.Account account = fixtures.account(own, new Grant(Role.SCORER, d.branch().id()), new Grant(Role.MEMBER, a.group().id()));
        Caller both = caller(SCO, account, List.of(new Held(SCO, d.branch()), new Held(MEM, a.group())));
        List<String> failures = new ArrayList<>();
        walkAll(List.of(both), a, failures);
        walkAll(List.of(both), d, failures);
        assertThat(failures).as("an account with a role in one branch and a member's in another").isEmpty();
    }

    /** The requests about what the committee publishes for all its units (its scheme): every unit inside it sees that. */
    static final Set<String> COMMITTEE_WIDE = Set.of("GET /schemes/{id}", "GET /schemes/{id}/yaml", "GET /api/v1/schemes/{id}");

    /** The requests about a member's entries, walked again after the member moved to another committee. */
    static final List<String> ENTRY_ROWS = List.of("GET /entries/{id}", "POST /entries/{id}/attachments", "POST /entries/{id}/reverse",
            "POST /entries/{id}/approve", "POST /entries/{id}/reject", "POST /entries/{id}/check", "GET /attachments/{id}",
            "POST /entries/new", "GET /members/{id}/score", "GET /api/v1/entries/{id}", "POST /api/v1/entries",
            "POST /api/v1/entries/{id}/check", "POST /api/v1/entries/{id}/approve", "POST /api/v1/entries/{id}/reject",
            "POST /api/v1/entries/{id}/reverse", "GET /api/v1/members/{id}/score");

    /**
     * A's target and declarer move to B's group, with an entry of A's still waiting for approval: from then on A's roles
     * neither see nor decide about their entries (the entry recorded in A, its evidence, the waiting one, new ones),
     * and B's roles do, as the table expects of roles in scope; the review queue and the ledger list follow.
     */
    @Test
    void aMemberTransferredBetweenCommitteesIsDecidedByTheNewCommitteeOnly() throws Exception {
        organisations();
        Map<R, Caller> inA = callers(a);
        Map<R, Caller> inB = callers(b);
        LedgerEntry waiting = pendingEntry(a);
        fixtures.account(Role.SYSTEM_ADMIN, null).signIn();
        try {
            members.transfer(a.target(), b.group().id(), day, "工作调动");
            members.transfer(a.declarer(), b.group().id(), day, "工作调动");
        } finally {
            SignIn.out();
        }
        List<String> names = List.of(b.committee().name(), b.branch().name(), b.group().name(), b.otherBranch().name(), a.people().get(0),
                b.people().get(1), a.people().get(2), a.declarerAccount().username(), b.recorder().username(), a.targetAccount().username());
        World moved = new World(b.committee(), b.branch(), b.group(), b.otherBranch(), b.scheme(), a.target(), a.targetCode(), b.self(),
                a.declarer(), a.declarerAccount(), b.recorder(), a.targetAccount(), a.approvedEntry(), a.attachment(), names);
        List<String> failures = new ArrayList<>();
        for (String key : ENTRY_ROWS) {
            for (Caller caller : inA.values()) {
                if (caller.role() != SA) {
                    walk(table.get(key), caller, moved, failures);
                }
            }
            for (Caller caller : inB.values()) {
                walk(table.get(key), caller, moved, failures);
            }
        }
        String name = a.people().get(0);
        for (R r : List.of(CA, SEC)) {
            assertThat(page(inA.get(r), get("/review"))).as("A's %s queue", r).doesNotContain(name);
            assertThat(page(inB.get(r), get("/review"))).as("B's %s queue", r).contains(name).contains("#" + waiting.id());
            assertThat(page(inA.get(r), get("/entries"))).as("A's %s ledger", r).doesNotContain(name);
            assertThat(page(inB.get(r), get("/entries"))).as("B's %s ledger", r).contains(name);
        }
        assertThat(failures).as("a transferred member's entries follow them").isEmpty();
    }

    private void organisations() {
        LocalDate today = LocalDate.now(clock);
        day = today.getDayOfYear() > 2 ? today.minusDays(1) : today;
        a = world("甲方");
        b = world("乙方");
        describe();
        exceptions();
    }

    private String page(Caller caller, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return text(mvc.perform(request.with(caller.account().request())).andReturn().getResponse().getContentAsByteArray());
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
            String wrong = unexpected(expected(endpoint, caller), result);
            if (wrong != null) {
                failures.add(where + "should be allowed: " + wrong + " " + summary(result));
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

    private void walkAll(List<Caller> callers, World w, List<String> failures) throws Exception {
        for (Endpoint endpoint : table.values()) {
            for (Caller caller : callers) {
                if (!endpoint.skipped().contains(caller.role())) {
                    walk(endpoint, caller, w, failures);
                }
            }
        }
    }

    /**
     * One endpoint as a caller on a world's data, judged by what the caller holds. When one of its roles the table
     * allows reaches the world's unit (for an endpoint that names no unit: holds it anywhere), the request on the
     * world's data answers as {@link #expected} says; an endpoint that names no unit and none of whose roles the caller
     * holds refuses it; otherwise each request the table makes on data out of scope is refused (or filtered), shows
     * none of the world's members and changes nothing of the world.
     */
    private void walk(Endpoint endpoint, Caller caller, World w, List<String> failures) throws Exception {
        boolean namesUnit = !endpoint.outOfScope().isEmpty();
        Optional<R> by = !namesUnit ? caller.holdsAny(endpoint.allowed())
                : COMMITTEE_WIDE.contains(endpoint.key()) ? caller.within(endpoint.allowed(), w.committee())
                : caller.reaches(endpoint.allowed(), w.group());
        // a unit the caller sees through another of its roles may be named; what that role does not reach is still filtered out
        boolean seesUnit = caller.reaches(ALL, w.group()).isPresent();
        String where = endpoint.key() + " as " + caller.holds() + " on " + w.group().name() + ": ";
        if (by.isPresent() || !namesUnit) {
            AbstractMockHttpServletRequestBuilder<?> request = endpoint.inScope().build(w, caller);
            String before = fingerprint(w);
            MvcResult result = perform(endpoint, request, caller);
            int status = result.getResponse().getStatus();
            if (by.isPresent()) {
                String wrong = unexpected(expected(endpoint, caller), result);
                if (wrong != null) {
                    failures.add(where + "should be allowed: " + wrong + " " + summary(result));
                }
            } else if (status != 403 && status != 404) {
                failures.add(where + "should be refused, got " + status + " " + summary(result));
            } else if (!fingerprint(w).equals(before)) {
                failures.add(where + "was refused yet changed its data");
            }
            return;
        }
        for (OutOfScope out : endpoint.outOfScope()) {
            AbstractMockHttpServletRequestBuilder<?> request = out.request().build(w, caller);
            String before = fingerprint(w);
            MvcResult result = perform(endpoint, request, caller);
            int status = result.getResponse().getStatus();
            if (status >= 500 || (out.expect() == Out.DENY && !seesUnit && status != 403 && status != 404)) {
                failures.add(where + "should be refused, got " + status + " " + summary(result));
            }
            if (!fingerprint(w).equals(before)) {
                failures.add(where + "changed data out of its scope");
            }
            String text = text(result.getResponse().getContentAsByteArray());
            for (String name : w.people()) {
                if (text.contains(name)) {
                    failures.add(where + "shows " + name);
                }
            }
        }
    }

    // ------------------------------------------------------------------ what an allowed request answers

    /**
     * What a request the table allows answers: its status, for a redirect the pattern of where it leads, and whether it
     * answers with an error message (a form the table fills in wrongly on purpose).
     */
    record Expect(int status, String location, boolean error) {
        static Expect ok() {
            return new Expect(200, null, false);
        }

        static Expect created() {
            return new Expect(201, null, false);
        }

        static Expect redirect(String location) {
            return new Expect(302, location, false);
        }

        /** The form again, with the mistake shown. */
        static Expect mistake() {
            return new Expect(200, null, true);
        }
    }

    private final Map<String, Function<Caller, Expect>> expectations = new LinkedHashMap<>();

    private void expect(String key, Expect expect) {
        expect(key, c -> expect);
    }

    private void expect(String key, Function<Caller, Expect> expect) {
        assertThat(table).as("an expectation of an endpoint in the table").containsKey(key);
        expectations.put(key, expect);
    }

    /**
     * A page answers 200, a form redirects (anywhere but the sign-in page), the API answers 200, unless the table's
     * exceptions below say otherwise; and none of them answers with an error message.
     */
    private Expect expected(Endpoint endpoint, Caller caller) {
        Function<Caller, Expect> special = expectations.get(endpoint.key());
        if (special != null) {
            return special.apply(caller);
        }
        return endpoint.api() || endpoint.key().startsWith("GET ") ? Expect.ok() : Expect.redirect(".*");
    }

    /** What is wrong with the answer, or null when it is the one expected. */
    private static String unexpected(Expect expect, MvcResult result) {
        int status = result.getResponse().getStatus();
        if (status != expect.status()) {
            return "expected " + expect.status() + ", got " + status;
        }
        String location = result.getResponse().getRedirectedUrl();
        if (expect.location() != null && (location == null || location.contains("/login") || !location.matches(expect.location()))) {
            return "expected a redirect to " + expect.location() + ", got " + location;
        }
        Object error = result.getFlashMap().get("flashError");
        if (error == null && result.getModelAndView() != null) {
            error = result.getModelAndView().getModel().get("flashError");
        }
        if (expect.error() != (error != null)) {
            return error == null ? "expected an error message, got none" : "answered with the error “" + error + "”";
        }
        return null;
    }

    private MvcResult perform(Endpoint endpoint, AbstractMockHttpServletRequestBuilder<?> request, Caller caller) throws Exception {
        if (endpoint.api()) {
            request.header("Authorization", "Bearer " + caller.token()).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        } else {
            request.with(caller.account().request()).with(csrf());
        }
        return mvc.perform(request).andReturn();
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
                // a member code held out of scope answers as a code nobody holds (a field error naming only the code sent)
                echoing((w, c) -> post("/accounts").param("username", Fixtures.unique("new")).param("displayName", "新账号")
                        .param("memberCode", w.targetCode()), World::targetCode));
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
                filter((w, c) -> post("/accounts/{id}/member", freshAccount(a, null).id()).param("memberCode", memberCode(freshMember(w)))));
        web("POST /accounts/{id}/member/unlink", MANAGE, (w, c) -> post("/accounts/{id}/member/unlink", linkedScorer(w).id()),
                deny((w, c) -> post("/accounts/{id}/member/unlink", linkedScorer(w).id())));

        // ---- 党员账号: secretaries and administrators, for the members of their subtree; the slips come back as a PDF
        web("GET /member-accounts", MEMBER_ACCOUNTS, (w, c) -> get("/member-accounts").param("unitId", id(w.group().id())),
                deny((w, c) -> get("/member-accounts").param("unitId", id(w.group().id()))));
        web("POST /member-accounts", MEMBER_ACCOUNTS, (w, c) -> post("/member-accounts").param("unitId", id(w.group().id()))
                        .param("memberId", id(freshMember(w))),
                deny((w, c) -> post("/member-accounts").param("unitId", id(w.group().id())).param("memberId", id(freshMember(w)))),
                deny((w, c) -> post("/member-accounts").param("unitId", id(a.group().id())).param("memberId", id(freshMember(w)))));
        web("POST /member-accounts/{id}/code", MEMBER_ACCOUNTS, (w, c) -> post("/member-accounts/{id}/code", freshMemberAccount(w).id()),
                deny((w, c) -> post("/member-accounts/{id}/code", freshMemberAccount(w).id())));
        web("POST /member-accounts/{id}/enabled", MEMBER_ACCOUNTS, (w, c) -> post("/member-accounts/{id}/enabled", freshMemberAccount(w).id())
                        .param("enabled", "false").param("unitId", id(w.group().id())),
                deny((w, c) -> post("/member-accounts/{id}/enabled", freshMemberAccount(w).id()).param("enabled", "false")));
        // ---- 激活账号: open to everybody, signed in or not; a code nobody was given is refused on the form
        web("GET /activate", ALL, (w, c) -> get("/activate"));
        web("POST /activate", ALL, (w, c) -> post("/activate").param("username", Fixtures.unique("nobody")).param("code", "AAAA-BBBB-CCCC")
                .param("password", "NewPassw0rd2026").param("repeat", "NewPassw0rd2026"));

        // ---- audit log
        web("GET /audit", AUDIT, (w, c) -> get("/audit"), filter((w, c) -> get("/audit").param("text", w.group().name().substring(0, 2))));
        web("GET /audit/export", AUDIT, (w, c) -> get("/audit/export"),
                filter((w, c) -> get("/audit/export").param("who", "a").param("type", "unit")));

        // ---- 账本校验: A's administrators check A's units; B's broken entries never show on A's page
        web("GET /ledger-check", MANAGE, (w, c) -> get("/ledger-check"), filter((w, c) -> get("/ledger-check").param("run", "true")));

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
        web("GET /entries/import/jobs/{id}", VIEW, (w, c) -> get("/entries/import/jobs/{id}", importJob(w)),
                deny((w, c) -> get("/entries/import/jobs/{id}", importJob(w))));
        web("GET /entries/template.csv", RECORD, (w, c) -> get("/entries/template.csv"));
        web("GET /entries/template.xlsx", RECORD, (w, c) -> get("/entries/template.xlsx").param("unitId", id(w.group().id())),
                deny((w, c) -> get("/entries/template.xlsx").param("unitId", id(w.group().id()))));
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

        // ---- the holiday calendar: one for the installation, read by everybody, changed by committee administrators
        web("GET /calendar", ALL, (w, c) -> get("/calendar").param("year", "2026"));
        web("GET /calendar/{year}/days.csv", ALL, (w, c) -> get("/calendar/{year}/days.csv", 2026));
        web("GET /calendar/{year}/days.xlsx", ALL, (w, c) -> get("/calendar/{year}/days.xlsx", 2026));
        web("POST /calendar/days", MANAGE, (w, c) -> post("/calendar/days").param("year", "2093").param("date", nextCalendarDate().toString())
                .param("kind", "HOLIDAY").param("name", "走查节"));
        web("POST /calendar/days/{date}", MANAGE, (w, c) -> {
            LocalDate date = freshCalendarDay();
            return post("/calendar/days/{date}", date).param("newDate", date.toString()).param("kind", "HOLIDAY").param("name", "改名节");
        });
        web("POST /calendar/days/{date}/remove", MANAGE, (w, c) -> post("/calendar/days/{date}/remove", freshCalendarDay()));
        web("POST /calendar/import", MANAGE, (w, c) -> multipart("/calendar/import").file(new MockMultipartFile("file", "2092年.csv", "text/csv",
                "日期,类型,名称\n2092-10-01,节假日,国庆节\n".getBytes(StandardCharsets.UTF_8))).param("year", "2092"));

        // ---- the period cycle: read by those over the unit and by its members; moved on by the roles of each step. The
        // world's period is open, so an allowed move made with a stale version is refused in words on the page (409 in
        // the API): the role got past the guard to the period's own rules; every other role is refused by the guard.
        web("GET /periods", ALL, (w, c) -> get("/periods"));
        web("GET /notices", ALL, (w, c) -> get("/notices"));
        web("GET /periods/{id}", PERIOD_READERS, (w, c) -> get("/periods/{id}", periodOf(w)), deny((w, c) -> get("/periods/{id}", periodOf(w))));
        web("GET /periods/{id}/publicity", OVER_PERIODS, (w, c) -> get("/periods/{id}/publicity", periodOf(w)),
                deny((w, c) -> get("/periods/{id}/publicity", periodOf(w))));
        for (Map.Entry<String, Set<R>> move : PERIOD_MOVES.entrySet()) {
            String path = "/periods/{id}/" + move.getKey();
            web("POST " + path, move.getValue(), (w, c) -> post(path, periodOf(w)).param("version", "-1").param("reason", "走查"),
                    deny((w, c) -> post(path, periodOf(w)).param("version", "-1").param("reason", "走查")));
        }
        web("POST /periods/{id}/confirm", PERIOD_READERS, (w, c) -> post("/periods/{id}/confirm", periodOf(w)),
                deny((w, c) -> post("/periods/{id}/confirm", periodOf(w))));
        web("POST /periods/{id}/dispute", PERIOD_READERS, (w, c) -> post("/periods/{id}/dispute", periodOf(w)).param("text", "走查"),
                deny((w, c) -> post("/periods/{id}/dispute", periodOf(w)).param("text", "走查")));
        web("POST /periods/{id}/objections", PERIOD_READERS, (w, c) -> post("/periods/{id}/objections", periodOf(w)).param("memberId", id(w.target()))
                        .param("text", "走查"),
                deny((w, c) -> post("/periods/{id}/objections", periodOf(w)).param("memberId", id(w.target())).param("text", "走查")));
        web("POST /objections/{id}/answer", RUN_PERIODS, (w, c) -> post("/objections/{id}/answer", objectionOf(w))
                        .param("periodId", id(periodOf(w))).param("upheld", "false").param("answer", "走查").param("version", "-1"),
                deny((w, c) -> post("/objections/{id}/answer", objectionOf(w)).param("periodId", id(periodOf(w))).param("upheld", "false")
                        .param("answer", "走查").param("version", "-1")));
        // an objection's evidence: seen by those over the unit (and its objector, the world's target, who holds no role of the
        // walk); added by the objector alone
        web("GET /objection-files/{id}", OVER_PERIODS, (w, c) -> get("/objection-files/{id}", objectionFileOf(w)),
                deny((w, c) -> get("/objection-files/{id}", objectionFileOf(w))));
        web("POST /objections/{id}/files", EnumSet.noneOf(R.class), (w, c) -> multipart("/objections/{id}/files", objectionOf(w))
                        .file(new MockMultipartFile("files", "照片.png", "image/png", PNG)).param("periodId", id(periodOf(w))),
                deny((w, c) -> multipart("/objections/{id}/files", objectionOf(w))
                        .file(new MockMultipartFile("files", "照片.png", "image/png", PNG)).param("periodId", id(periodOf(w)))));

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
        api("GET /api/v1/calendar/years/{year}", ALL, (w, c) -> get("/api/v1/calendar/years/{year}", 2026));
        api("GET /api/v1/calendar/dates/{date}", ALL, (w, c) -> get("/api/v1/calendar/dates/{date}", "2026-10-08"));
        api("GET /api/v1/calendar/window", ALL, (w, c) -> get("/api/v1/calendar/window").param("start", "2026-09-24").param("days", "5"));
        api("PUT /api/v1/calendar/years/{year}", MANAGE, (w, c) -> json(put("/api/v1/calendar/years/{year}", 2091),
                "{\"days\":[{\"date\":\"2091-10-01\",\"kind\":\"HOLIDAY\",\"name\":\"国庆节\"}]}"));
        api("GET /api/v1/periods", ALL, (w, c) -> get("/api/v1/periods"));
        api("GET /api/v1/periods/{id}", PERIOD_READERS, (w, c) -> get("/api/v1/periods/{id}", periodOf(w)),
                deny((w, c) -> get("/api/v1/periods/{id}", periodOf(w))));
        for (String part : List.of("snapshots", "lines", "objections")) {
            api("GET /api/v1/periods/{id}/" + part, PERIOD_READERS, (w, c) -> get("/api/v1/periods/{id}/" + part, periodOf(w)),
                    deny((w, c) -> get("/api/v1/periods/{id}/" + part, periodOf(w))));
        }
        api("GET /api/v1/periods/{id}/publicity", OVER_PERIODS, (w, c) -> get("/api/v1/periods/{id}/publicity", periodOf(w)),
                deny((w, c) -> get("/api/v1/periods/{id}/publicity", periodOf(w))));
        for (Map.Entry<String, Set<R>> move : PERIOD_MOVES.entrySet()) {
            String path = "/api/v1/periods/{id}/" + move.getKey();
            api("POST " + path, move.getValue(), (w, c) -> json(post(path, periodOf(w)), "{\"version\":-1,\"reason\":\"走查\"}"),
                    deny((w, c) -> json(post(path, periodOf(w)), "{\"version\":-1,\"reason\":\"走查\"}")));
        }
        api("POST /api/v1/periods/{id}/confirm", PERIOD_READERS, (w, c) -> post("/api/v1/periods/{id}/confirm", periodOf(w)),
                deny((w, c) -> post("/api/v1/periods/{id}/confirm", periodOf(w))));
        api("POST /api/v1/periods/{id}/dispute", PERIOD_READERS, (w, c) -> json(post("/api/v1/periods/{id}/dispute", periodOf(w)), "{\"text\":\"走查\"}"),
                deny((w, c) -> json(post("/api/v1/periods/{id}/dispute", periodOf(w)), "{\"text\":\"走查\"}")));
        api("POST /api/v1/periods/{id}/objections", PERIOD_READERS, (w, c) -> json(post("/api/v1/periods/{id}/objections", periodOf(w)),
                        "{\"memberId\":" + w.target() + ",\"text\":\"走查\"}"),
                deny((w, c) -> json(post("/api/v1/periods/{id}/objections", periodOf(w)), "{\"memberId\":" + w.target() + ",\"text\":\"走查\"}")));
        api("POST /api/v1/objections/{id}/answer", RUN_PERIODS, (w, c) -> json(post("/api/v1/objections/{id}/answer", objectionOf(w)),
                        "{\"upheld\":false,\"answer\":\"走查\",\"version\":-1}"),
                deny((w, c) -> json(post("/api/v1/objections/{id}/answer", objectionOf(w)), "{\"upheld\":false,\"answer\":\"走查\",\"version\":-1}")));
        api("GET /api/v1/objection-files/{id}", OVER_PERIODS, (w, c) -> get("/api/v1/objection-files/{id}", objectionFileOf(w)),
                deny((w, c) -> get("/api/v1/objection-files/{id}", objectionFileOf(w))));
        api("POST /api/v1/objections/{id}/files", EnumSet.noneOf(R.class), (w, c) -> multipart("/api/v1/objections/{id}/files", objectionOf(w))
                        .file(new MockMultipartFile("files", "照片.png", "image/png", PNG)),
                deny((w, c) -> multipart("/api/v1/objections/{id}/files", objectionOf(w))
                        .file(new MockMultipartFile("files", "照片.png", "image/png", PNG))));
        api("GET /api/v1/members/{id}/score", VIEW, (w, c) -> get("/api/v1/members/{id}/score", w.target()),
                deny((w, c) -> get("/api/v1/members/{id}/score", w.target())));
    }

    /** The answers that are not the rule of {@link #expected} (a page 200, a form a redirect, the API 200). */
    private void exceptions() {
        String entry = "/entries/\\d+";
        expect("GET /entries", c -> c.holdsAny(VIEW).isPresent() ? Expect.ok() : Expect.redirect("/me"));
        expect("POST /entries/new", Expect.redirect("/entries\\?status=PENDING"));
        expect("POST /entries/import", Expect.redirect("/entries\\?status=PENDING&unitId=\\d+"));
        for (String action : List.of("attachments", "reverse", "approve", "reject", "check")) {
            expect("POST /entries/{id}/" + action, Expect.redirect(entry));
        }
        expect("POST /declare", Expect.redirect("/me"));
        expect("POST /account/password", Expect.mistake());
        expect("POST /member-accounts", Expect.ok());
        expect("POST /member-accounts/{id}/code", Expect.ok());
        expect("POST /member-accounts/{id}/enabled", Expect.redirect("/member-accounts\\?unitId=\\d+"));
        expect("POST /activate", Expect.mistake());
        expect("GET /me", c -> c.holdsAny(EnumSet.of(MEM)).isPresent() ? Expect.ok() : Expect.redirect("/"));
        for (String key : List.of("POST /api/v1/units", "POST /api/v1/members", "POST /api/v1/schemes", "POST /api/v1/entries",
                "POST /api/v1/entries/{id}/reverse")) {
            expect(key, Expect.created());
        }
        // the world's period is open and every move names a stale version: refused by the period's rules, not the guard
        for (String action : List.of("close", "sign", "publish", "submit", "republish", "approve", "return", "confirm", "dispute", "objections")) {
            expect("POST /periods/{id}/" + action, Expect.mistake());
            expect("POST /api/v1/periods/{id}/" + action, new Expect(409, null, false));
        }
        expect("POST /objections/{id}/answer", Expect.mistake());
        expect("POST /api/v1/objections/{id}/answer", new Expect(409, null, false));
    }

    private final Map<Long, Long> periods = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Long, Long> objections = new java.util.concurrent.ConcurrentHashMap<>();

    /** The open period of the world's branch this year (made here as the application makes it when a period begins). */
    private long periodOf(World w) {
        return periods.computeIfAbsent(w.branch().id(), branch -> {
            int year = fixtures.year();
            jdbc.sql("""
                    insert into evaluation_period (unit_id, cycle_year, label, starts_on, ends_on, status, created_at)
                    select :u, :y, :label, :from, :to, 'OPEN', :at from (select 1 x) one
                    where not exists (select 1 from evaluation_period where unit_id = :u and label = :label)""")
                    .param("u", branch).param("y", year).param("label", Integer.toString(year)).param("from", LocalDate.of(year, 1, 1))
                    .param("to", LocalDate.of(year, 12, 31)).param("at", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).update();
            return jdbc.sql("select id from evaluation_period where unit_id = :u and label = :label").param("u", branch)
                    .param("label", Integer.toString(year)).query(Long.class).single();
        });
    }

    /** An objection waiting for its answer in the world's period, filed by the world's target member about their own line. */
    private long objectionOf(World w) {
        return objections.computeIfAbsent(periodOf(w), period -> {
            org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("""
                    insert into period_snapshot (period_id, seq, reason, scheme_version_id, member_count, created_at)
                    values (:p, 1, '走查', :v, 0, :at)""").param("p", period).param("v", w.scheme().id())
                    .param("at", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).update(key, "id");
            long snapshot = key.getKeyAs(Long.class);
            jdbc.sql("""
                    insert into objection (period_id, snapshot_id, member_id, objector_member_id, objector_account_id, text, status, filed_at)
                    values (:p, :s, :m, :m, :a, '走查', 'OPEN', :at)""").param("p", period).param("s", snapshot).param("m", w.target())
                    .param("a", w.targetAccount().id()).param("at", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).update();
            return jdbc.sql("select max(id) from objection where period_id = :p").param("p", period).query(Long.class).single();
        });
    }

    private final Map<Long, Long> objectionFiles = new java.util.concurrent.ConcurrentHashMap<>();

    /** A photo of the world's objection, filed by its objector. */
    private long objectionFileOf(World w) {
        return objectionFiles.computeIfAbsent(objectionOf(w), objection -> {
            jdbc.sql("""
                    insert into objection_file (objection_id, filename, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                    values (:o, '走查.png', 'image/png', :size, 'walk', :data, :a, :at)""").param("o", objection).param("size", PNG.length)
                    .param("data", PNG).param("a", w.targetAccount().id())
                    .param("at", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).update();
            return jdbc.sql("select max(id) from objection_file where objection_id = :o").param("o", objection).query(Long.class).single();
        });
    }

    private static final java.util.concurrent.atomic.AtomicInteger CALENDAR_DAYS = new java.util.concurrent.atomic.AtomicInteger();

    /** A date of the calendar no request of the walk has used (2093 onwards; every walk adds and removes days). */
    private static LocalDate nextCalendarDate() {
        return LocalDate.of(2093, 1, 1).plusDays(CALENDAR_DAYS.getAndIncrement());
    }

    /** A day listed in the calendar for one request to edit or remove. */
    private LocalDate freshCalendarDay() {
        LocalDate date = nextCalendarDate();
        jdbc.sql("insert into calendar_day (calendar_date, kind, name, updated_by, updated_at) values (:d, 'HOLIDAY', '走查节', 'walk', :at)")
                .param("d", date).param("at", java.time.OffsetDateTime.now(clock)).update();
        return date;
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
        // a note of its own makes every file new: the same file is imported into a unit once
        String csv = "成员编号,项目编码,日期,数量,备注\n" + w.targetCode() + ",ACT_STUDY," + day + ",1," + UUID.randomUUID() + "\n";
        return multipart("/entries/import").file(new MockMultipartFile("file", Fixtures.unique("台账") + ".csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).param("unitId", id(w.group().id()));
    }

    private AbstractMockHttpServletRequestBuilder<?> decide(LedgerEntry entry, String action) {
        return post("/entries/{id}/" + action, entry.id()).param("version", id(version(entry.id())));
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
