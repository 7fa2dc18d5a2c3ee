package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.ModelAndView;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.ledger.NewEntry;
import cn.vanguard.org.Rosters;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.security.ApiTokens;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every free-text field a user can set, in one table, each pushed through its form or API call with the payloads of
 * {@link HostileText}: markup, template expressions, SQL, line breaks, control and direction characters, 4-byte
 * characters, and text at and just past the field's limit. A payload that a field takes must be stored exactly as sent,
 * shown as text on every page that shows the field (no element, handler or URL brought in) and appear unchanged in
 * the exports; a payload it does not take must be refused with a Chinese message against the field that names the
 * limit, and nothing stored. A new field is one more line in {@link #fields()}.
 */
abstract class HostileTextContract {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    /** Room for the unique tag each value starts with ("h" and two numbers), however long a test run grows it. */
    private static final int TAG_ROOM = 15;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Request bodies escape every character beyond ASCII, so that half a surrogate pair reaches the server as sent. */
    private static final JsonMapper WIRE = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

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

    Fixtures.Tree tree;
    Unit group;
    Fixtures.Account system;
    Fixtures.Account admin;
    Fixtures.Account secretary;
    Fixtures.Account scorer;
    Fixtures.Account declarer;
    long member;
    long declarant;
    String adminToken;
    String secretaryToken;
    String scorerToken;
    LocalDate day;

    @BeforeEach
    void organisation() {
        LocalDate today = LocalDate.now(clock);
        day = today.getDayOfYear() > 2 ? today.minusDays(1) : today;
        tree = fixtures.tree("city-direct-organs");
        group = fixtures.unit(tree.branch().id(), "小组", UnitKind.GROUP);
        member = fixtures.member(group.id(), "普通党员");
        declarant = fixtures.member(group.id(), "申报党员");
        system = fixtures.account(Role.SYSTEM_ADMIN, null);
        admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        scorer = fixtures.account(Role.SCORER, tree.branch().id());
        declarer = fixtures.memberAccount(declarant, group.id());
        adminToken = token(admin);
        secretaryToken = token(secretary);
        scorerToken = token(scorer);
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    // ------------------------------------------------------------------ the table

    /** What a write acts on and what it made: {@code target} is set up before, {@code found} is what holds the value after. */
    static final class Ctx {
        long target;
        long found;
    }

    @FunctionalInterface
    interface Write {
        MvcResult write(String value, Ctx ctx) throws Exception;
    }

    /** A page, API answer or export that shows the value, read as {@code who}. */
    record Look(Fixtures.Account who, Function<Ctx, String> url) {
    }

    /**
     * A free-text field. {@code sql} selects {@code (id, text)} of the rows holding the value {@code :v} (with the target
     * {@code :target}); {@code stored} says how the field stores what was sent (most store it as it is).
     */
    record Field(String name, String field, String label, int max, boolean lines, java.util.function.Consumer<Ctx> setUp, Write write,
                 String sql, java.util.function.BiFunction<String, Ctx, String> stored, List<Look> looks) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static java.util.function.BiFunction<String, Ctx, String> asSent() {
        return (value, ctx) -> value;
    }

    private List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        // ---- organisation
        fields.add(new Field("unit name (page)", "name", "组织名称", 100, false, ctx -> { },
                (v, c) -> page(admin, post("/units").param("parentId", id(tree.committee().id())).param("name", v).param("kind", "BRANCH")),
                "select id, name from org_unit where name = :v", asSent(),
                List.of(new Look(admin, c -> "/units"), new Look(admin, c -> "/units/" + c.found), new Look(admin, c -> memberIn(c.found)),
                        new Look(admin, c -> "/members/export?unitId=" + c.found), new Look(admin, c -> "/scores/export?unitId=" + c.found),
                        new Look(admin, c -> "/scores/ledger.zip?unitId=" + c.found), new Look(admin, c -> "/api/v1/units/" + c.found))));
        fields.add(new Field("unit name (API)", "name", "组织名称", 100, false, ctx -> { },
                (v, c) -> api(adminToken, post("/api/v1/units"), Map.of("parentId", tree.branch().id(), "name", v, "kind", "GROUP")),
                "select id, name from org_unit where name = :v", asSent(),
                List.of(new Look(admin, c -> "/units/" + c.found), new Look(admin, c -> "/api/v1/units/" + c.found))));
        fields.add(new Field("unit rename (API)", "name", "组织名称", 100, false,
                c -> c.target = fixtures.unit(group.id(), "改名", UnitKind.GROUP).id(),
                (v, c) -> api(adminToken, patch("/api/v1/units/{id}", c.target), Map.of("name", v)),
                "select id, name from org_unit where id = :target and name = :v", asSent(),
                List.of(new Look(admin, c -> "/units/" + c.found), new Look(system, c -> "/audit"))));
        // ---- members
        fields.add(new Field("member name (page)", "name", "姓名", 50, false, ctx -> { },
                (v, c) -> page(admin, post("/members").param("name", v).param("gender", "FEMALE").param("type", "FORMAL")
                        .param("category", "IN_SERVICE").param("status", "ACTIVE").param("unitId", id(group.id()))),
                "select id, name from member where name = :v", asSent(),
                List.of(new Look(admin, c -> "/members?unitId=" + group.id()), new Look(admin, c -> "/members/" + c.found),
                        new Look(admin, c -> "/members/" + c.found + "/edit"), new Look(admin, c -> "/members/" + c.found + "/score"),
                        new Look(admin, c -> "/scores?unitId=" + group.id()), new Look(admin, c -> "/members/export?unitId=" + group.id()),
                        new Look(admin, c -> "/scores/export?unitId=" + group.id()), new Look(admin, c -> "/scores/ledger.zip?unitId=" + group.id()),
                        new Look(admin, c -> "/api/v1/members/" + c.found))));
        fields.add(new Field("member name (edit page)", "name", "姓名", 50, false, c -> c.target = fixtures.member(group.id(), "待改名"),
                (v, c) -> page(admin, post("/members/{id}/edit", c.target).param("code", code(c.target)).param("name", v).param("gender", "MALE")
                        .param("type", "FORMAL").param("category", "IN_SERVICE").param("status", "ACTIVE").param("unitId", id(group.id()))
                        .param("version", id(memberVersion(c.target)))),
                "select id, name from member where id = :target and name = :v", asSent(),
                List.of(new Look(admin, c -> "/members/" + c.found), new Look(system, c -> "/audit"))));
        fields.add(new Field("member name (API)", "name", "姓名", 50, false, ctx -> { },
                (v, c) -> api(adminToken, post("/api/v1/members"), Map.of("name", v, "type", "FORMAL", "unitId", group.id())),
                "select id, name from member where name = :v", asSent(),
                List.of(new Look(admin, c -> "/members/" + c.found), new Look(admin, c -> "/api/v1/members/" + c.found))));
        fields.add(new Field("member name (roster import)", "姓名", "姓名", 50, false, ctx -> { },
                (v, c) -> page(admin, multipart("/members/import").file(new MockMultipartFile("file", "花名册.csv", "text/csv",
                        ("党员编号,姓名,性别,出生日期,身份证号码,联系电话,入党日期,党员身份,人员类别,所在组织,状态\n,\"" + v.replace("\"", "\"\"")
                                + "\",女,1990-01-01,,,2015-07-01,正式党员,在职," + group.name() + ",在册\n").getBytes(StandardCharsets.UTF_8)))),
                "select id, name from member where name = :v", asSent(),
                List.of(new Look(admin, c -> "/members/" + c.found), new Look(admin, c -> "/members/export?unitId=" + group.id()))));
        fields.add(new Field("transfer reason (page)", "reason", "转接原因", 200, false, c -> c.target = fixtures.member(group.id(), "转接者"),
                (v, c) -> page(admin, post("/members/{id}/transfer", c.target).param("toUnitId", id(tree.otherBranch().id()))
                        .param("on", day.toString()).param("reason", v)),
                "select member_id, reason from member_transfer where member_id = :target and reason = :v", asSent(),
                List.of(new Look(admin, c -> "/members/" + c.found), new Look(admin, c -> "/api/v1/members/" + c.found + "/transfers"))));
        fields.add(new Field("transfer reason (API)", "reason", "转接原因", 200, false, c -> c.target = fixtures.member(group.id(), "转接者"),
                (v, c) -> api(adminToken, post("/api/v1/members/{id}/transfer", c.target),
                        Map.of("toUnitId", tree.otherBranch().id(), "on", day.toString(), "reason", v)),
                "select member_id, reason from member_transfer where member_id = :target and reason = :v", asSent(),
                List.of(new Look(admin, c -> "/members/" + c.found))));
        // ---- accounts
        fields.add(new Field("account name (page)", "displayName", "姓名", 50, false, ctx -> { },
                (v, c) -> page(admin, post("/accounts").param("username", Fixtures.unique("h")).param("displayName", v).param("role", "SCORER")
                        .param("unitId", id(tree.branch().id()))),
                "select id, display_name from account where display_name = :v", asSent(),
                List.of(new Look(admin, c -> "/accounts"), new Look(admin, c -> "/accounts/" + c.found))));
        fields.add(new Field("API token name (page)", "name", "令牌", 50, false, ctx -> { },
                (v, c) -> page(scorer, post("/account/tokens").param("name", v)),
                "select id, name from api_token where name = :v", asSent(), List.of(new Look(scorer, c -> "/account"))));
        // ---- the ledger
        fields.add(new Field("entry note (fast entry page)", "note", "说明", 500, true, ctx -> { },
                (v, c) -> page(scorer, post("/entries/new").param("unitId", id(group.id())).param("rows[0].member", code(member))
                        .param("rows[0].item", "ACT_STUDY").param("rows[0].date", day.toString()).param("rows[0].note", v)
                        .param("rows[0].key", UUID.randomUUID().toString())),
                "select id, note from ledger_entry where note = :v", asSent(),
                List.of(new Look(admin, c -> "/entries/" + c.found), new Look(secretary, c -> "/review"),
                        new Look(admin, c -> "/api/v1/entries/" + c.found))));
        fields.add(new Field("entry note (API)", "note", "说明", 500, true, ctx -> { },
                (v, c) -> api(scorerToken, post("/api/v1/entries"), Map.of("memberId", member, "itemCode", "ACT_STUDY", "date", day.toString(),
                        "note", v)),
                "select id, note from ledger_entry where note = :v", asSent(),
                List.of(new Look(admin, c -> "/entries/" + c.found), new Look(admin, c -> "/api/v1/entries/" + c.found))));
        fields.add(new Field("entry occurrence (API)", "occurrence", "事项编号", 100, false, ctx -> { },
                (v, c) -> api(scorerToken, post("/api/v1/entries"), Map.of("memberId", member, "itemCode", "ACT_STUDY", "date", day.toString(),
                        "occurrence", v)),
                "select id, occurrence from ledger_entry where occurrence = :v", asSent(),
                List.of(new Look(admin, c -> "/entries/" + c.found), new Look(admin, c -> "/api/v1/entries/" + c.found))));
        fields.add(new Field("declaration note (page)", "note", "说明", 500, true, ctx -> { },
                (v, c) -> page(declarer, multipart("/declare").file(new MockMultipartFile("files", "照片.png", "image/png", PNG))
                        .param("itemCode", "PRC_VOLUNTEER").param("date", day.toString()).param("quantity", "1").param("note", v)
                        .param("witnesses", "张三、李四").param("key", UUID.randomUUID().toString())),
                "select id, note from ledger_entry where note = :v", asSent(),
                List.of(new Look(declarer, c -> "/entries/" + c.found), new Look(scorer, c -> "/review"))));
        fields.add(new Field("declaration witnesses (page)", "witnesses", "证明人", 100, false, ctx -> { },
                (v, c) -> page(declarer, multipart("/declare").file(new MockMultipartFile("files", "照片.png", "image/png", PNG))
                        .param("itemCode", "PRC_VOLUNTEER").param("date", day.toString()).param("quantity", "1").param("note", "志愿服务")
                        .param("witnesses", v).param("key", UUID.randomUUID().toString())),
                "select id, witnesses from ledger_entry where witnesses = :v", asSent(),
                List.of(new Look(declarer, c -> "/entries/" + c.found), new Look(scorer, c -> "/review"))));
        fields.add(new Field("reject reason (page)", "reason", "驳回理由", 200, true, c -> c.target = pending().id(),
                (v, c) -> page(secretary, post("/entries/{id}/reject", c.target).param("reason", v).param("version", id(version(c.target)))),
                "select id, reject_reason from ledger_entry where id = :target and reject_reason = :v", asSent(),
                List.of(new Look(admin, c -> "/entries/" + c.found), new Look(admin, c -> "/members/" + member + "/score"))));
        fields.add(new Field("reject reason (review page)", "reason", "驳回理由", 200, true, c -> c.target = pending().id(),
                (v, c) -> page(secretary, post("/entries/{id}/reject", c.target).param("from", "review").param("reason", v)
                        .param("version", id(version(c.target)))),
                "select id, reject_reason from ledger_entry where id = :target and reject_reason = :v", asSent(),
                List.of(new Look(admin, c -> "/entries/" + c.found))));
        fields.add(new Field("reject reason (API)", "reason", "驳回理由", 200, true, c -> c.target = pending().id(),
                (v, c) -> api(secretaryToken, post("/api/v1/entries/{id}/reject", c.target), Map.of("reason", v, "version", version(c.target))),
                "select id, reject_reason from ledger_entry where id = :target and reject_reason = :v", asSent(),
                List.of(new Look(admin, c -> "/entries/" + c.found), new Look(admin, c -> "/api/v1/entries/" + c.found))));
        fields.add(new Field("reversal reason (page)", "reason", "冲销理由", 200, true, c -> c.target = approved(),
                (v, c) -> page(scorer, post("/entries/{id}/reverse", c.target).param("reason", v).param("key", UUID.randomUUID().toString())),
                "select id, note from ledger_entry where reverses_id = :target and note = :v", (v, c) -> "冲销 #" + c.target + "：" + v,
                List.of(new Look(admin, c -> "/entries/" + c.found))));
        fields.add(new Field("reversal reason (API)", "reason", "冲销理由", 200, true, c -> c.target = approved(),
                (v, c) -> api(scorerToken, post("/api/v1/entries/{id}/reverse", c.target), Map.of("reason", v)),
                "select id, note from ledger_entry where reverses_id = :target and note = :v", (v, c) -> "冲销 #" + c.target + "：" + v,
                List.of(new Look(admin, c -> "/entries/" + c.found), new Look(admin, c -> "/api/v1/entries/" + c.found))));
        return fields;
    }

    // ------------------------------------------------------------------ the walk

    /** The accepted payloads sent to every field; a database-specific run may send only {@link HostileText#DATABASE}. */
    List<String> payloads() {
        return HostileText.MARKUP;
    }

    @Test
    void everyFreeTextFieldStoresHostileTextExactlyShowsItAsTextOrRefusesItWithAFieldError() throws Exception {
        List<Field> fields = fields();
        int shortest = fields.stream().mapToInt(Field::max).min().orElseThrow();
        assertThat(HostileText.MARKUP).as("every payload fits the shortest field with its tag")
                .allSatisfy(p -> assertThat(TAG_ROOM + p.length()).isLessThanOrEqualTo(shortest));
        assertThat(HostileText.MARKUP).as("a database's payloads are some of the markup payloads").containsAll(payloads());
        List<String> failures = new ArrayList<>();
        for (Field field : fields) {
            for (String payload : payloads()) {
                accepted(field, Fixtures.unique("h") + payload, failures);
            }
            if (field.lines()) {
                accepted(field, Fixtures.unique("h") + HostileText.LINES, failures);
            } else {
                refused(field, Fixtures.unique("h") + HostileText.LINES, "控制字符", failures);
            }
            for (String payload : HostileText.REFUSED) {
                if (field.name().contains("import") && payload.chars().anyMatch(c -> Character.isSurrogate((char) c))) {
                    continue; // a UTF-8 file cannot hold half a surrogate pair: invalid UTF-8 is in the import tests' corpus of hostile files
                }
                refused(field, Fixtures.unique("h") + payload, "控制字符", failures);
            }
            String tag = Fixtures.unique("h");
            accepted(field, tag + "长".repeat(field.max() - tag.length()), failures);
            refused(field, tag + "长".repeat(field.max() - tag.length() + 1), "超过" + field.max(), failures);
        }
        assertThat(failures).isEmpty();
    }

    private void accepted(Field field, String value, List<String> failures) throws Exception {
        String where = field + " with " + printable(value) + ": ";
        Ctx ctx = new Ctx();
        field.setUp().accept(ctx);
        MvcResult result = written(field, value, ctx, where, failures);
        if (result == null) {
            return;
        }
        int status = result.getResponse().getStatus();
        String expected = field.stored().apply(value, ctx);
        List<Long> holders = jdbc.sql(field.sql().replaceFirst("select (\\w+), \\w+ ", "select $1 ")).param("v", expected)
                .param("target", ctx.target).query(Long.class).list();
        if (holders.size() != 1) {
            failures.add(where + "not stored exactly as sent (" + holders.size() + " rows; answer " + status + " " + refusal(result) + ")");
            return;
        }
        ctx.found = holders.get(0);
        for (Look look : field.looks()) {
            String url = look.url().apply(ctx);
            MvcResult read = mvc.perform(url.startsWith("/api/") ? bearer(look.who(), get(url)) : get(url).with(look.who().request())).andReturn();
            byte[] body = read.getResponse().getContentAsByteArray();
            String type = String.valueOf(read.getResponse().getContentType());
            if (read.getResponse().getStatus() != 200) {
                failures.add(where + url + " answered " + read.getResponse().getStatus());
            } else if (type.contains("json")) {
                if (!JSON.readTree(body).toString().contains(JSON.writeValueAsString(expected))) {
                    failures.add(where + url + " does not give the value exactly");
                }
            } else if (url.contains("ledger.zip")) {
                if (!HostileText.csvCells(body).contains(expected)) {
                    failures.add(where + url + " has no cell with the value exactly");
                }
            } else if (url.contains("export")) {
                if (!HostileText.cells(body).contains(expected)) {
                    failures.add(where + url + " has no cell with the value exactly");
                }
            } else {
                String html = new String(body, StandardCharsets.UTF_8);
                List<String> injected = HostileText.injected(html);
                if (!injected.isEmpty()) {
                    failures.add(where + url + " let markup in: " + injected);
                }
                if (!HostileText.shown(html).contains(expected.strip()) && !url.equals("/audit")) {
                    failures.add(where + url + " does not show the value as text");
                }
                if ((value.contains("<") || value.contains("\"")) && html.contains(value)) {
                    failures.add(where + url + " has the value unescaped in its markup");
                }
            }
        }
    }

    private void refused(Field field, String value, String says, List<String> failures) throws Exception {
        String where = field + " with " + printable(value) + ": ";
        Ctx ctx = new Ctx();
        field.setUp().accept(ctx);
        MvcResult result = written(field, value, ctx, where, failures);
        if (result == null) {
            return;
        }
        String expected = field.stored().apply(value, ctx);
        // PostgreSQL takes no NUL, not even as a parameter: look for what a store that dropped it would hold
        int rows = jdbc.sql(field.sql()).param("v", expected.replace("\u0000", "")).param("target", ctx.target).query().listOfRows().size();
        if (rows != 0) {
            failures.add(where + "stored, should be refused");
        }
        int status = result.getResponse().getStatus();
        if (status >= 500) {
            failures.add(where + "server error " + status);
        }
        Map<String, String> errors = refusal(result);
        String message = errors.getOrDefault(field.field(), errors.get("flash"));
        if (message == null || !message.contains(field.label()) || !message.contains(says)) {
            failures.add(where + "refused without a Chinese message at " + field.field() + " naming " + field.label() + " and “" + says
                    + "” (" + status + " " + errors + ")");
        }
    }

    /** The answer to the write, or null (and a failure) when the server failed with an exception. */
    private static MvcResult written(Field field, String value, Ctx ctx, String where, List<String> failures) {
        try {
            return field.write().write(value, ctx);
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            failures.add(where + "server error " + root.getClass().getSimpleName() + ": " + String.valueOf(root.getMessage()).lines().findFirst().orElse(""));
            return null;
        }
    }

    /** The field errors of an answer: the API's errors, a form's errors, a fast-entry row's errors, or a redirect's error. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> refusal(MvcResult result) throws Exception {
        Map<String, String> errors = new LinkedHashMap<>();
        String type = String.valueOf(result.getResponse().getContentType());
        if (type.contains("json")) {
            Map<String, Object> problem = JSON.readValue(result.getResponse().getContentAsByteArray(), Map.class);
            if (problem.get("errors") instanceof Map<?, ?> map) {
                map.forEach((k, v) -> errors.put(String.valueOf(k), String.valueOf(v)));
            } else if (problem.get("detail") != null) {
                errors.put("flash", String.valueOf(problem.get("detail")));
            }
            return errors;
        }
        ModelAndView view = result.getModelAndView();
        if (view != null && view.getModel().get("errors") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> errors.put(String.valueOf(k), String.valueOf(v)));
        }
        if (view != null && view.getModel().get("rowErrors") instanceof Map<?, ?> rows) {
            rows.values().forEach(row -> ((Map<String, String>) row).forEach(errors::put));
        }
        if (view != null && view.getModel().get("outcome") instanceof Rosters.Outcome outcome) {
            outcome.problems().forEach(p -> errors.putIfAbsent(p.column(), p.problem()));
        }
        Object flash = result.getFlashMap().get("flashError");
        if (flash != null) {
            errors.putIfAbsent("flash", flash.toString());
        }
        return errors;
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(60).forEach(c -> out.append(c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x2000 && c < 0x2070) || (c >= 0xd800 && c < 0xe000)
                ? String.format("\\u%04X", c) : new String(Character.toChars(c))));
        return "“" + out + (value.length() > 60 ? "…(" + value.length() + ")" : "") + "”";
    }

    // ------------------------------------------------------------------ requests and objects

    private MvcResult page(Fixtures.Account who, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(who.request()).with(csrf())).andReturn();
    }

    private MvcResult api(String token, MockHttpServletRequestBuilder request, Map<String, ?> body) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .content(WIRE.writeValueAsString(body))).andReturn();
    }

    private MockHttpServletRequestBuilder bearer(Fixtures.Account who, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + token(who)).accept(MediaType.APPLICATION_JSON);
    }

    private String token(Fixtures.Account who) {
        who.signIn();
        try {
            return tokens.create("读回");
        } finally {
            SignIn.out();
        }
    }

    /** The member page of a new member of the unit, so that the unit's name appears in the member lists and exports. */
    private String memberIn(long unitId) {
        fixtures.member(unitId, "组织里的党员");
        return "/members?unitId=" + unitId;
    }

    private LedgerEntry pending() {
        scorer.signIn();
        try {
            return ledger.record(new NewEntry(member, "ACT_MEETING", day, null, null, null, "支部党员大会", null), List.of(),
                    UUID.randomUUID().toString());
        } finally {
            SignIn.out();
        }
    }

    private long approved() {
        ledger.seedTrusted(List.of(new Ledger.Seed(member, "ACT_STUDY", day, BigDecimal.ONE, null, null, "学习", null, EntrySource.SCORER,
                EntryStatus.APPROVED, secretary.id(), null, secretary.id(), null)), AuditLog.Actor.SYSTEM);
        return jdbc.sql("select max(id) from ledger_entry where member_id = :m").param("m", member).query(Long.class).single();
    }

    private String code(long memberId) {
        return jdbc.sql("select code from member where id = :id").param("id", memberId).query(String.class).single();
    }

    private int memberVersion(long memberId) {
        return jdbc.sql("select version from member where id = :id").param("id", memberId).query(Integer.class).single();
    }

    private int version(long entryId) {
        return jdbc.sql("select version from ledger_entry where id = :id").param("id", entryId).query(Integer.class).single();
    }

    private static String id(long id) {
        return Long.toString(id);
    }
}
