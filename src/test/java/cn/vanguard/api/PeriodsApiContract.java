package cn.vanguard.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import com.jayway.jsonpath.JsonPath;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.security.Role;
import cn.vanguard.testing.Fixtures;
import cn.vanguard.testing.SettableClock;

/**
 * The cycle through the API: a quarter from close to the committee's approval, a member's confirmation and objection, the
 * publicity list with only its fields, and every refusal as Problem Details in Chinese.
 */
abstract class PeriodsApiContract extends ApiTesting {

    @Autowired
    SettableClock clock;
    @Autowired
    Ledger ledger;

    Fixtures.Tree tree;
    long alice;
    String secretary;
    String committee;
    String aliceToken;
    String bobToken;
    String outsider;

    @BeforeEach
    void branch() {
        clock.set("2026-07-10T09:00+08:00");
        tree = fixtures.tree("changzhou-2021");
        alice = fixtures.member(tree.branch().id(), "爱丽丝");
        long bob = fixtures.member(tree.branch().id(), "鲍勃");
        Fixtures.Account secretaryAccount = fixtures.account(Role.SECRETARY, tree.branch().id());
        secretary = token(secretaryAccount);
        committee = token(fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id()));
        aliceToken = token(fixtures.memberAccount(alice, tree.branch().id()));
        bobToken = token(fixtures.memberAccount(bob, tree.branch().id()));
        outsider = token(fixtures.account(Role.SECRETARY, tree.otherBranch().id()));
        ledger.seedTrusted(List.of(new Ledger.Seed(alice, "CZ_GROUP_STUDY", LocalDate.parse("2026-02-10"), BigDecimal.ONE, null, null,
                "测试", null, EntrySource.SCORER, EntryStatus.APPROVED, secretaryAccount.id(), null, secretaryAccount.id(), null)),
                AuditLog.Actor.SYSTEM);
    }

    private String body(String token, String path, String json, int expected) throws Exception {
        return mvc.perform(json(token, post(path), json)).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder upload(String token, String path,
                                                                                                              MockMultipartFile file) {
        org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request = multipart(path).file(file);
        request.header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        return request;
    }

    private long q1() throws Exception {
        String list = mvc.perform(getAs(secretary, "/api/v1/periods?year=2026&unitId=" + tree.branch().id())).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].label").value("2026-Q1")).andExpect(jsonPath("$[0].status").value("OPEN"))
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(list, "$[0].id")).longValue();
    }

    private int version(long id) throws Exception {
        return JsonPath.read(mvc.perform(getAs(secretary, "/api/v1/periods/" + id)).andReturn().getResponse().getContentAsString(),
                "$.version");
    }

    @Test
    void aQuarterRunsFromCloseToApprovalThroughTheApi() throws Exception {
        long id = q1();
        body(secretary, "/api/v1/periods/" + id + "/close", "{\"version\":" + version(id) + "}", 200);
        mvc.perform(getAs(secretary, "/api/v1/periods/" + id + "/lines")).andExpect(jsonPath("$.length()").value(2));
        mvc.perform(getAs(aliceToken, "/api/v1/periods/" + id + "/lines")).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].memberId").value(alice)).andExpect(jsonPath("$[0].total").isString());
        mvc.perform(as(aliceToken, post("/api/v1/periods/" + id + "/confirm"))).andExpect(status().isNoContent());
        body(bobToken, "/api/v1/periods/" + id + "/dispute", "{\"text\":\"我参加了三月的主题党日\",\"claimedValue\":\"1\"}", 201);
        mvc.perform(getAs(secretary, "/api/v1/periods/" + id + "/objections")).andExpect(jsonPath("$[0].objector").value("鲍勃"));
        mvc.perform(getAs(aliceToken, "/api/v1/periods/" + id + "/objections")).andExpect(jsonPath("$.length()").value(0));
        String objection = mvc.perform(getAs(secretary, "/api/v1/periods/" + id + "/objections")).andReturn().getResponse().getContentAsString();
        long objectionId = ((Number) JsonPath.read(objection, "$[0].id")).longValue();
        body(secretary, "/api/v1/objections/" + objectionId + "/answer", "{\"upheld\":false,\"answer\":\"签到表无本人签名\",\"version\":0}", 200);

        body(secretary, "/api/v1/periods/" + id + "/sign", "{\"version\":" + version(id) + "}", 200);
        String published = body(secretary, "/api/v1/periods/" + id + "/publish", "{\"version\":" + version(id) + "}", 200);
        org.assertj.core.api.Assertions.assertThat((String) JsonPath.read(published, "$.windowWording"))
                .isEqualTo("公示时间：2026年7月10日至7月16日（5个工作日）");
        mvc.perform(getAs(bobToken, "/api/v1/periods/" + id + "/publicity")).andExpect(status().isOk())
                .andExpect(jsonPath("$.shows.length()").value(3)).andExpect(jsonPath("$.lines[0].rank").doesNotExist());
        String refused = body(committee, "/api/v1/periods/" + id + "/approve", "{\"version\":" + version(id) + "}", 409);
        org.assertj.core.api.Assertions.assertThat(refused).contains("公示期内不能审核");

        clock.set("2026-07-17T08:00+08:00");
        // the committee read the period before the application ended its window: that is no conflict
        int read = version(id);
        String approved = body(committee, "/api/v1/periods/" + id + "/approve", "{\"version\":" + read + "}", 200);
        org.assertj.core.api.Assertions.assertThat((String) JsonPath.read(approved, "$.status")).isEqualTo("APPROVED");
        mvc.perform(getAs(secretary, "/api/v1/periods/" + id + "/snapshots")).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].chainHeads[0].hash").isString());
    }

    @Test
    void theObjectorAddsPhotosOrPdfsThatOnlyTheyAndThoseOverTheUnitDownload() throws Exception {
        long id = q1();
        body(secretary, "/api/v1/periods/" + id + "/close", "{\"version\":" + version(id) + "}", 200);
        String filed = body(bobToken, "/api/v1/periods/" + id + "/dispute", "{\"text\":\"我参加了三月的主题党日\"}", 201);
        org.assertj.core.api.Assertions.assertThat((List<?>) JsonPath.read(filed, "$.files")).isEmpty();
        long objection = ((Number) JsonPath.read(filed, "$.id")).longValue();
        String files = "/api/v1/objections/" + objection + "/files";
        byte[] pdf = "%PDF-1.4\n%%EOF".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        mvc.perform(upload(bobToken, files, new MockMultipartFile("files", "签到.txt", "text/plain", "x".getBytes())))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.files").value("文件“签到.txt”不是照片（JPG、PNG、WebP、GIF）或PDF"));
        mvc.perform(upload(aliceToken, files, new MockMultipartFile("files", "签到.pdf", "application/pdf", pdf)))
                .andExpect(status().isNotFound());
        mvc.perform(upload(bobToken, files, new MockMultipartFile("files", "签到.pdf", "application/pdf", pdf)))
                .andExpect(status().isNoContent());

        String listed = mvc.perform(getAs(secretary, "/api/v1/periods/" + id + "/objections")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].files[0].filename").value("签到.pdf"))
                .andExpect(jsonPath("$[0].files[0].contentType").value("application/pdf")).andReturn().getResponse().getContentAsString();
        long file = ((Number) JsonPath.read(listed, "$[0].files[0].id")).longValue();
        byte[] downloaded = mvc.perform(getAs(secretary, "/api/v1/objection-files/" + file)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        org.assertj.core.api.Assertions.assertThat(downloaded).isEqualTo(pdf);
        mvc.perform(getAs(bobToken, "/api/v1/objection-files/" + file)).andExpect(status().isOk());
        mvc.perform(getAs(aliceToken, "/api/v1/objection-files/" + file)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("证明材料不存在"));
        mvc.perform(getAs(outsider, "/api/v1/objection-files/" + file)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("证明材料不存在"));
    }

    @Test
    void refusalsAreProblemDetailsInChineseAndRevealNothingOutsideTheScope() throws Exception {
        long id = q1();
        mvc.perform(json(secretary, post("/api/v1/periods/" + id + "/close"), "{}")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.version").value("请提交读取时的版本号 version"));
        body(secretary, "/api/v1/periods/" + id + "/sign", "{\"version\":" + version(id) + "}", 409);
        mvc.perform(getAs(outsider, "/api/v1/periods/" + id)).andExpect(status().isNotFound());
        body(outsider, "/api/v1/periods/" + id + "/close", "{\"version\":0}", 404);
        body(aliceToken, "/api/v1/periods/" + id + "/close", "{\"version\":0}", 404);
        mvc.perform(getAs(aliceToken, "/api/v1/periods/" + id + "/publicity")).andExpect(status().isNotFound());
        body(aliceToken, "/api/v1/periods/" + id + "/objections", "{\"memberId\":" + alice + ",\"text\":\"不对\"}", 409);
    }
}
