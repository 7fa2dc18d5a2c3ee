package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.ledger.NewEntry;
import cn.vanguard.ledger.Upload;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.security.ApiTokens;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * Every filter and search parameter of every page and API read, found in Spring's handler mapping (each
 * {@code @RequestParam} and each property of a filter object bound from the query string), plus a parameter no handler
 * reads, is sent each hostile payload by an all-powerful account: no answer is a server error, no page lets the payload
 * in as markup, and a reflected payload is shown as text. The SQL payloads and the LIKE wildcards are text: they find
 * exactly what contains them and nothing else.
 */
abstract class HostileFilterContract {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    /** What each parameter of every GET is sent: the payloads, control characters, a very long text, a number too large. */
    private static final List<String> PAYLOADS = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "javascript:alert(4)",
            "[[${7*7}]] __${7*7}__", "' OR 1=1 --", "%_\\", "a\u0000b", "a\u001Bb\u202E", "党员😀", "长".repeat(5000), "99999999999999999999", "-1",
            "{x}");

    /**
     * What the database itself sees differently: quotes and comments, LIKE wildcards and the backslash, NUL and other
     * control characters, 4-byte characters, a text past every column, numbers past a bigint and below zero. Markup and
     * template payloads never reach SQL as anything but a bound string; they go through the pages on every database the
     * contract runs on by default.
     */
    static final List<String> DATABASE_PAYLOADS = List.of("' OR 1=1 --", "%_\\", "a\u0000b", "a\u001Bb\u202E", "党员😀", "长".repeat(5000),
            "99999999999999999999", "-1");

    /** The payloads every parameter is sent; a database-specific run may send only {@link #DATABASE_PAYLOADS}. */
    List<String> payloads() {
        return PAYLOADS;
    }

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
    Fixtures.Account system;
    String systemToken;
    long member;
    LedgerEntry entry;
    long attachment;
    LocalDate day;

    @BeforeEach
    void organisation() {
        LocalDate today = LocalDate.now(clock);
        day = today.getDayOfYear() > 2 ? today.minusDays(1) : today;
        tree = fixtures.tree("city-direct-organs");
        group = fixtures.unit(tree.branch().id(), "小组", UnitKind.GROUP);
        member = fixtures.member(group.id(), "筛选党员");
        system = fixtures.account(Role.SYSTEM_ADMIN, null);
        Fixtures.Account scorer = fixtures.account(Role.SCORER, tree.branch().id());
        scorer.signIn();
        try {
            entry = ledger.record(new NewEntry(member, "RWD_CITY", day, null, null, null, "表彰", null),
                    List.of(new Upload("表彰.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0})),
                    UUID.randomUUID().toString());
        } finally {
            SignIn.out();
        }
        attachment = jdbc.sql("select id from attachment where entry_id = :e").param("e", entry.id()).query(Long.class).single();
        system.signIn();
        try {
            systemToken = tokens.create("筛选");
        } finally {
            SignIn.out();
        }
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void everyParameterOfEveryReadTakesHostileTextWithoutAServerErrorOrMarkup() throws Exception {
        Map<String, Set<String>> reads = reads();
        assertThat(reads).as("the handler mapping lists the pages and the API reads").hasSizeGreaterThan(30);
        assertThat(reads.get("/members")).as("filter objects are read property by property").contains("text", "unitId", "status");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Set<String>> read : reads.entrySet()) {
            String path = read.getKey();
            Set<String> parameters = new LinkedHashSet<>(read.getValue());
            parameters.add("zz");
            for (String parameter : parameters) {
                for (String payload : payloads()) {
                    check(path, parameter, payload, failures);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private void check(String path, String parameter, String payload, List<String> failures) throws Exception {
        String url = url(path);
        MockHttpServletRequestBuilder request = get(url).param(parameter, payload);
        request = url.startsWith("/api/") ? request.header("Authorization", "Bearer " + systemToken).accept(MediaType.APPLICATION_JSON)
                : request.with(system.request());
        String where = "GET " + url + " ?" + parameter + "=" + (payload.length() > 40 ? payload.substring(0, 10) + "…" : payload) + ": ";
        MockHttpServletResponse response;
        try {
            response = mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) {
            failures.add(where + "server error " + e);
            return;
        }
        if (response.getStatus() >= 500) {
            failures.add(where + "server error " + response.getStatus());
            return;
        }
        String type = String.valueOf(response.getContentType());
        if (type.startsWith("text/html")) {
            String html = response.getContentAsString(StandardCharsets.UTF_8);
            List<String> injected = HostileText.injected(html);
            if (!injected.isEmpty()) {
                failures.add(where + "let markup in: " + injected);
            }
            if ((payload.contains("<") || payload.contains("\"")) && html.contains(payload)) {
                failures.add(where + "reflects the payload unescaped");
            }
        }
    }

    @Test
    void sqlAndWildcardsInASearchAreJustTextAndFindExactlyWhatContainsThem() throws Exception {
        String tag = Fixtures.unique("q");
        String percent = tag + "百分之50%甲";
        String underscore = tag + "下划线a_b乙";
        String quote = tag + "引号'丁";
        String plain = tag + "普通丙";
        for (String name : List.of(percent, underscore, quote, plain)) {
            fixtures.member(group.id(), name);
        }
        List<String> names = List.of(percent, underscore, quote, plain);
        assertThat(membersFound(tag, names)).containsExactlyInAnyOrderElementsOf(names);
        assertThat(membersFound(tag + "百分之50%", names)).containsExactly(percent);
        assertThat(membersFound("%甲", names)).containsExactly(percent);
        assertThat(membersFound("a_b", names)).containsExactly(underscore);
        assertThat(membersFound("_", names)).containsExactly(underscore);
        assertThat(membersFound("'丁", names)).containsExactly(quote);
        assertThat(membersFound(tag + "' OR 1=1 --", names)).isEmpty();
        assertThat(membersFound(tag + "' OR '1'='1", names)).isEmpty();
        assertThat(membersFound("\\", names)).isEmpty();
        assertThat(membersFound(tag + "\u0000", names)).as("NUL is in no stored text, so it finds nothing").isEmpty();

        String account = fixtures.account(Role.SCORER, group.id()).username();
        // the list shows each account's name, 测试 and its username; the search box repeats only what was typed
        assertThat(page("/accounts", "q", account)).contains("测试" + account);
        assertThat(page("/accounts", "q", account + "' OR 1=1 --")).doesNotContain("测试" + account);
        assertThat(page("/accounts", "q", "%' OR '1'='1")).doesNotContain("测试" + account);

        assertThat(page("/audit", "text", tag + "' OR 1=1 --")).doesNotContain(group.name());
        assertThat(page("/entries?unitId=" + group.id(), "item", "RWD_CITY")).contains("筛选党员");
        assertThat(page("/entries?unitId=" + group.id(), "item", "RWD_CITY' OR 1=1 --")).doesNotContain("筛选党员");
    }

    private List<String> membersFound(String text, List<String> candidates) throws Exception {
        String html = HostileText.shown(page("/members?unitId=" + group.id(), "text", text));
        return candidates.stream().filter(html::contains).toList();
    }

    private String page(String url, String parameter, String value) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).param(parameter, value).with(system.request())).andReturn().getResponse();
        assertThat(response.getStatus()).as(url + " " + parameter + "=" + value).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ the reads of the application

    /** Every GET of the application's own handlers, with the names of the query parameters it reads. */
    private Map<String, Set<String>> reads() {
        Map<String, Set<String>> reads = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("cn.vanguard")
                    || !e.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                names.addAll(queryNames(parameter));
            }
            for (String path : e.getKey().getPatternValues()) {
                reads.computeIfAbsent(path, p -> new LinkedHashSet<>()).addAll(names);
            }
        }
        return reads;
    }

    private static List<String> queryNames(MethodParameter parameter) {
        parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
        Class<?> type = parameter.getParameterType();
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null) {
            String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
            return List.of(name);
        }
        if (parameter.hasParameterAnnotation(PathVariable.class) || parameter.hasParameterAnnotation(RequestHeader.class)
                || Model.class.isAssignableFrom(type) || type.getName().startsWith("jakarta.") || type.getName().startsWith("org.springframework.")) {
            return List.of();
        }
        if (BeanUtils.isSimpleProperty(type)) {
            return List.of(parameter.getParameterName());
        }
        if (parameter.hasParameterAnnotation(ModelAttribute.class) || type.getName().startsWith("cn.vanguard")) {
            if (type.isRecord()) {
                return java.util.Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
            }
            return java.util.Arrays.stream(BeanUtils.getPropertyDescriptors(type)).filter(p -> p.getWriteMethod() != null)
                    .map(java.beans.PropertyDescriptor::getName).toList();
        }
        return List.of();
    }

    /** The path with an object of the kind it names for each variable. */
    private String url(String path) {
        Matcher variables = VARIABLE.matcher(path);
        StringBuilder url = new StringBuilder();
        while (variables.find()) {
            variables.appendReplacement(url, variables.group(1).equals("presetId") ? "district-80-20" : Long.toString(idFor(path)));
        }
        variables.appendTail(url);
        return url.toString();
    }

    private long idFor(String path) {
        String kind = path.replaceFirst("^/api/v1", "").split("/")[1];
        return switch (kind) {
            case "units" -> group.id();
            case "members" -> member;
            case "accounts" -> system.id();
            case "entries" -> entry.id();
            case "attachments" -> attachment;
            case "schemes" -> tree.scheme().id();
            default -> 1;
        };
    }
}
