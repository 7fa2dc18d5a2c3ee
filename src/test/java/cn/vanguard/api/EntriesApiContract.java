package cn.vanguard.api;

import static cn.vanguard.api.UnitsApiContract.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.ledger.NewEntry;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * The ledger through the API: idempotent recording, review with four eyes, reversals, scope, and approvals racing each
 * other, all decided by {@link Ledger}.
 */
abstract class EntriesApiContract extends ApiTesting {

    @Autowired
    Ledger ledger;

    Fixtures.Tree tree;
    Fixtures.Tree elsewhere;
    long member;
    long stranger;
    Fixtures.Account scorerAccount;
    Fixtures.Account secretaryAccount;
    Fixtures.Account memberAccount;
    String scorer;
    String secretary;
    String strangerSecretary;
    LocalDate day;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        elsewhere = fixtures.tree("city-direct-organs");
        member = fixtures.member(tree.branch().id(), "张三");
        stranger = fixtures.member(elsewhere.branch().id(), "李四");
        scorerAccount = fixtures.account(Role.SCORER, tree.branch().id());
        secretaryAccount = fixtures.account(Role.SECRETARY, tree.branch().id());
        memberAccount = fixtures.memberAccount(member, tree.branch().id());
        scorer = token(scorerAccount);
        secretary = token(secretaryAccount);
        strangerSecretary = token(fixtures.account(Role.SECRETARY, elsewhere.branch().id()));
        day = LocalDate.of(fixtures.year(), 1, 10);
    }

    private String meeting(long memberId) {
        return """
                {"memberId": %d, "itemCode": "ACT_MEETING", "date": "%s", "note": "支部党员大会"}""".formatted(memberId, day);
    }

    private ResultActions record(String token, String key, String body) throws Exception {
        return mvc.perform(json(token, post("/api/v1/entries"), body).header("Idempotency-Key", key));
    }

    @Test
    void aNumberTheDatabaseWouldRoundOrOverflowIsAFieldErrorNotAServerError() throws Exception {
        String body = """
                {"memberId": %d, "itemCode": "ACT_MEETING", "date": "%s", "quantity": %s}""";
        for (String[] refused : new String[][] {{"\"0.00001\"", "数量最多保留4位小数"}, {"1.00004", "数量最多保留4位小数"},
                {"99999999999", "数量超出范围"}, {"1e400", "数量超出范围"}}) {
            record(scorer, Fixtures.unique("k"), body.formatted(member, day, refused[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.title").value("提交的内容有误"))
                    .andExpect(jsonPath("$.errors.quantity").value(org.hamcrest.Matchers.startsWith(refused[1])));
        }
        record(scorer, Fixtures.unique("k"), """
                {"memberId": %d, "itemCode": "ACT_MEETING", "date": "%s", "points": "1.00001"}""".formatted(member, day))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.points").value("分值最多保留4位小数"));
        assertThat(fixtures.jdbc().sql("select count(*) from ledger_entry where member_id = :m").param("m", member).query(Integer.class).single())
                .isZero();
        record(scorer, Fixtures.unique("k"), body.formatted(member, day, "\"1.0000\"")).andExpect(status().isCreated());
    }

    private long recorded(String token, String body) throws Exception {
        String json = record(token, Fixtures.unique("k"), body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Long.parseLong(json.replaceAll("^\\{\"id\":(\\d+),.*", "$1").trim());
    }

    @Test
    void theSameKeyTwiceRecordsOneEntry() throws Exception {
        String key = Fixtures.unique("k");
        String first = record(scorer, key, meeting(member))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/entries/")))
                .andExpect(header().doesNotExist("Idempotent-Replayed"))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.statusLabel").value("待审核"))
                .andExpect(jsonPath("$.quantity").value("1"))
                .andExpect(jsonPath("$.date").value(day.toString()))
                .andExpect(jsonPath("$.itemName").isNotEmpty())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = Long.parseLong(first.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
        record(scorer, key, meeting(member))
                .andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(number(id)));
        mvc.perform(getAs(scorer, "/api/v1/entries?memberId={m}", member))
                .andExpect(jsonPath("$[*].id").value(contains(number(id))));
    }

    @Test
    void aReplayMayWriteTheSameNumberDifferently() throws Exception {
        String key = Fixtures.unique("k");
        String id = record(scorer, key, meeting(member).replace("}", ", \"quantity\": \"2\"}")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.quantity").value("2"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).replaceAll("^\\{\"id\":(\\d+),.*", "$1");
        record(scorer, key, meeting(member).replace("}", ", \"quantity\": 2.0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(number(Long.parseLong(id))));
    }

    @Test
    void theSameKeyWithAnotherBodyIs409() throws Exception {
        String key = Fixtures.unique("k");
        record(scorer, key, meeting(member)).andExpect(status().isCreated());
        record(scorer, key, meeting(member).replace("ACT_MEETING", "ACT_STUDY"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("操作冲突"))
                .andExpect(jsonPath("$.detail").value(containsString("已用于另一条")));
        mvc.perform(getAs(scorer, "/api/v1/entries?memberId={m}", member)).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void recordingWithoutAKeyIs400AndCreatesNothing() throws Exception {
        mvc.perform(json(scorer, post("/api/v1/entries"), meeting(member)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("缺少请求头"))
                .andExpect(jsonPath("$.detail").value(containsString("Idempotency-Key")))
                .andExpect(jsonPath("$.errors['Idempotency-Key']").exists());
        mvc.perform(getAs(scorer, "/api/v1/entries?memberId={m}", member)).andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void anEmptyOrOverlongKeyIs400InTheWordsOfAnApiClient() throws Exception {
        long approved = recorded(scorer, meeting(member));
        mvc.perform(json(secretary, post("/api/v1/entries/{id}/approve", approved), "{\"version\": 0}")).andExpect(status().isOk());
        for (String empty : List.of("", "   ")) {
            for (ResultActions answer : List.of(record(scorer, empty, meeting(member)),
                    mvc.perform(json(scorer, post("/api/v1/entries/{id}/reverse", approved), "{\"reason\": \"重复录入\"}")
                            .header("Idempotency-Key", empty)))) {
                answer.andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.detail").value(containsString("Idempotency-Key 不能为空")))
                        .andExpect(jsonPath("$.detail").value(containsString("UUID")))
                        .andExpect(jsonPath("$.detail").value(not(containsString("刷新"))))
                        .andExpect(jsonPath("$.errors['Idempotency-Key']").exists());
            }
        }
        record(scorer, "k".repeat(101), meeting(member))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['Idempotency-Key']").value(containsString("过长")));
        mvc.perform(getAs(scorer, "/api/v1/entries?memberId={m}", member)).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void nobodyRecordsOrReadsOutsideTheirUnits() throws Exception {
        record(scorer, Fixtures.unique("k"), meeting(stranger)).andExpect(status().isForbidden());
        long mine = recorded(scorer, meeting(member));
        mvc.perform(getAs(scorer, "/api/v1/entries/{id}", mine)).andExpect(status().isOk()).andExpect(jsonPath("$.memberId").value(number(member)));
        mvc.perform(getAs(strangerSecretary, "/api/v1/entries/{id}", mine)).andExpect(status().isForbidden());
        mvc.perform(getAs(strangerSecretary, "/api/v1/entries?unitId={u}", tree.branch().id())).andExpect(status().isForbidden());
        mvc.perform(getAs(strangerSecretary, "/api/v1/entries?memberId={m}", member)).andExpect(status().isForbidden());
        mvc.perform(getAs(strangerSecretary, "/api/v1/entries")).andExpect(jsonPath("$[?(@.id == %d)]", mine).isEmpty());
        mvc.perform(getAs(scorer, "/api/v1/entries?unitId={u}&status=PENDING&item=ACT_MEETING&from={f}&to={t}", tree.branch().id(),
                        day, day))
                .andExpect(jsonPath("$[*].id").value(contains(number(mine))));
        mvc.perform(getAs(scorer, "/api/v1/entries?unitId={u}&status=APPROVED", tree.branch().id())).andExpect(jsonPath("$").isEmpty());
        mvc.perform(getAs(scorer, "/api/v1/entries?unitId={u}&from={f}", tree.branch().id(), day.plusDays(1)))
                .andExpect(jsonPath("$").isEmpty());
        mvc.perform(getAs(scorer, "/api/v1/entries?status=DONE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.status").value(containsString("APPROVED")));
    }

    @Test
    void aMemberListsTheirOwnEntriesAndNobodyElses() throws Exception {
        long neighbour = fixtures.member(tree.branch().id(), "王五");
        long first = recorded(scorer, meeting(member));
        long second = recorded(scorer, meeting(member).replace("ACT_MEETING", "ACT_STUDY"));
        recorded(scorer, meeting(neighbour));
        String own = token(memberAccount);
        mvc.perform(getAs(own, "/api/v1/entries"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(contains(number(second), number(first))));
        mvc.perform(getAs(own, "/api/v1/entries?memberId={m}&item=ACT_STUDY", member))
                .andExpect(jsonPath("$[*].id").value(contains(number(second))));
        mvc.perform(getAs(own, "/api/v1/entries?unitId={u}", tree.branch().id()))
                .andExpect(jsonPath("$[*].id").value(contains(number(second), number(first))));
        mvc.perform(getAs(own, "/api/v1/entries?memberId={m}", neighbour)).andExpect(status().isForbidden());
    }

    @Test
    void aSupervisorReadsTheLedgerButChangesNothing() throws Exception {
        String supervisor = token(fixtures.account(Role.SUPERVISOR, tree.committee().id()));
        long id = recorded(scorer, meeting(member));
        mvc.perform(getAs(supervisor, "/api/v1/entries?unitId={u}", tree.committee().id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(contains(number(id))));
        record(supervisor, Fixtures.unique("k"), meeting(member)).andExpect(status().isForbidden());
        mvc.perform(json(supervisor, post("/api/v1/entries/{id}/approve", id), "{\"version\": 0}")).andExpect(status().isForbidden());
        mvc.perform(json(supervisor, post("/api/v1/entries/{id}/reject", id), "{\"reason\": \"不同意\", \"version\": 0}"))
                .andExpect(status().isForbidden());
        mvc.perform(getAs(supervisor, "/api/v1/entries/{id}", id)).andExpect(jsonPath("$.status").value("PENDING"));
    }

    @Test
    void theRecorderCannotApproveTheirOwnEntry() throws Exception {
        long own = recorded(secretary, meeting(member));
        mvc.perform(json(secretary, post("/api/v1/entries/{id}/approve", own), "{\"version\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.entry").value(containsString("不能审核自己录入")));
        long other = recorded(scorer, meeting(member));
        mvc.perform(json(scorer, post("/api/v1/entries/{id}/approve", other), "{\"version\": 0}")).andExpect(status().isForbidden());
        mvc.perform(json(strangerSecretary, post("/api/v1/entries/{id}/approve", other), "{\"version\": 0}"))
                .andExpect(status().isForbidden());
        mvc.perform(json(secretary, post("/api/v1/entries/{id}/approve", other), "{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.version").exists());
        mvc.perform(json(secretary, post("/api/v1/entries/{id}/approve", other), "{\"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value(number(secretaryAccount.id())));
        mvc.perform(json(secretary, post("/api/v1/entries/{id}/approve", other), "{\"version\": 1}"))
                .andExpect(status().isConflict());
    }

    @Test
    void rejectingNeedsAReason() throws Exception {
        long id = recorded(scorer, meeting(member));
        mvc.perform(json(secretary, post("/api/v1/entries/{id}/reject", id), "{\"version\": 0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").value("驳回时请填写理由"));
        mvc.perform(json(secretary, post("/api/v1/entries/{id}/reject", id), "{\"reason\": \"日期有误\", \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.rejectReason").value("日期有误"));
    }

    @Test
    void aDeclarationIsCheckedFirstByAnotherPerson() throws Exception {
        memberAccount.signIn();
        LedgerEntry declared = ledger.declare(new NewEntry(member, "PRC_VOLUNTEER", day, null, null, null, "社区志愿服务", null),
                List.of(), Fixtures.unique("k"));
        SignIn.out();
        String own = token(memberAccount);
        mvc.perform(getAs(own, "/api/v1/entries/{id}", declared.id())).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FIRST_CHECK"));
        mvc.perform(json(own, post("/api/v1/entries/{id}/check", declared.id()), "{\"pass\": true, \"version\": 0}"))
                .andExpect(status().isForbidden());
        mvc.perform(json(scorer, post("/api/v1/entries/{id}/check", declared.id()), "{\"version\": 0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.pass").exists());
        mvc.perform(json(scorer, post("/api/v1/entries/{id}/check", declared.id()), "{\"pass\": true, \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.checkedBy").value(number(scorerAccount.id())));
    }

    @Test
    void aReversalIsIdempotentAndPointsAtTheOriginal() throws Exception {
        long id = recorded(scorer, meeting(member));
        mvc.perform(json(secretary, post("/api/v1/entries/{id}/approve", id), "{\"version\": 0}")).andExpect(status().isOk());
        String key = Fixtures.unique("k");
        String body = "{\"reason\": \"重复录入\"}";
        String reversal = mvc.perform(json(scorer, post("/api/v1/entries/{id}/reverse", id), body).header("Idempotency-Key", key))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reversesId").value(number(id)))
                .andExpect(jsonPath("$.source").value("REVERSAL"))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long reversalId = Long.parseLong(reversal.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
        mvc.perform(json(scorer, post("/api/v1/entries/{id}/reverse", id), body).header("Idempotency-Key", key))
                .andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(number(reversalId)));
        mvc.perform(json(scorer, post("/api/v1/entries/{id}/reverse", id), body)).andExpect(status().isBadRequest());
        mvc.perform(json(scorer, post("/api/v1/entries/{id}/reverse", id), body).header("Idempotency-Key", Fixtures.unique("k")))
                .andExpect(status().isConflict());
        mvc.perform(getAs(scorer, "/api/v1/entries/{id}", id)).andExpect(jsonPath("$.reversedBy").value(number(reversalId)));
    }

    @Test
    void concurrentApprovalsThroughTheApiCountOnce() throws Exception {
        long id = recorded(scorer, meeting(member));
        Fixtures.Account second = fixtures.account(Role.SECRETARY, tree.branch().id());
        List<String> approvers = List.of(secretary, token(second), token(secretaryAccount), token(second));
        ExecutorService pool = Executors.newFixedThreadPool(approvers.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (String approver : approvers) {
            Callable<Integer> approve = () -> {
                start.await();
                return mvc.perform(json(approver, post("/api/v1/entries/{id}/approve", id), "{\"version\": 0}"))
                        .andReturn().getResponse().getStatus();
            };
            outcomes.add(pool.submit(approve));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> outcome : outcomes) {
            statuses.add(outcome.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        mvc.perform(getAs(secretary, "/api/v1/members/{id}/score", member))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.score.total").value("1.00"));
    }

    @Test
    void unreadableRequestsAre400WithAChineseDetail() throws Exception {
        record(scorer, Fixtures.unique("k"), "{\"memberId\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求体无法解析"))
                .andExpect(jsonPath("$.detail").value(containsString("不是有效的 JSON")));
        record(scorer, Fixtures.unique("k"), "[" + meeting(member) + "]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("JSON 对象")));
        record(scorer, Fixtures.unique("k"), meeting(member).replace(day.toString(), "10/01/" + day.getYear()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.date").value(containsString("yyyy-MM-dd")));
        record(scorer, Fixtures.unique("k"), meeting(member).replace("}", ", \"quantity\": \"many\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.quantity").exists());
        record(scorer, Fixtures.unique("k"), meeting(member).replace("ACT_MEETING", "ACT_MEETNG"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.itemCode").value(containsString("ACT_MEETING")));
        mvc.perform(getAs(scorer, "/api/v1/entries?from=yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.from").exists());
        mvc.perform(json(scorer, post("/api/v1/entries"), "").header("Idempotency-Key", "k"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("缺少请求体")));
        mvc.perform(as(scorer, post("/api/v1/entries")).header("Idempotency-Key", "k").contentType("text/plain").content("会议"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.title").value("不支持该请求格式"))
                .andExpect(jsonPath("$.detail").value(containsString("application/json")));
    }
}
