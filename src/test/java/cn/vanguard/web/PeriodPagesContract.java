package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.cycle.EvaluationPeriod;
import cn.vanguard.cycle.PeriodActions;
import cn.vanguard.cycle.Periods;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;
import cn.vanguard.testing.SettableClock;

/**
 * The cycle's pages: the periods list, a period's page and its actions for each role, refusals shown on the page with
 * what was typed, and the publicity list, which shows the unit's members only the fields the rule needs, once published.
 */
abstract class PeriodPagesContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SettableClock clock;
    @Autowired
    Periods periods;
    @Autowired
    PeriodActions actions;
    @Autowired
    Ledger ledger;
    @Autowired
    cn.vanguard.rules.Schemes schemes;

    Fixtures.Tree tree;
    long alice;
    Fixtures.Account secretary;
    Fixtures.Account committee;
    Fixtures.Account aliceAccount;
    Fixtures.Account outsider;

    @BeforeEach
    void branch() {
        clock.set("2026-07-10T09:00+08:00");
        tree = fixtures.tree("changzhou-2021");
        alice = fixtures.member(tree.branch().id(), "爱丽丝");
        fixtures.member(tree.branch().id(), "鲍勃");
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        committee = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        aliceAccount = fixtures.memberAccount(alice, tree.branch().id());
        outsider = fixtures.account(Role.SECRETARY, tree.otherBranch().id());
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private String page(String url, Fixtures.Account who) throws Exception {
        return mvc.perform(get(url).with(who.request())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** A period of the branch as it is now (read as the secretary, who stays signed in for service calls). */
    private EvaluationPeriod period(String label) {
        secretary.signIn();
        return periods.ofUnit(tree.branch().id(), 2026).stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void theSecretaryClosesFromThePageAndARefusalKeepsTheReasonTyped() throws Exception {
        String list = page("/periods?year=2026", secretary);
        assertThat(list).contains(tree.branch().name()).contains("2026年第一季度").contains("记录中").contains("公示后报上级审核");
        EvaluationPeriod q2 = period("2026-Q2");
        String refused = mvc.perform(post("/periods/" + q2.id() + "/close").param("version", "" + q2.version())
                        .param("reason", "先汇总二季度").with(secretary.request()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("请先汇总2026年第一季度，再汇总2026年第二季度");

        EvaluationPeriod q1 = period("2026-Q1");
        mvc.perform(post("/periods/" + q1.id() + "/close").param("version", "" + q1.version()).with(secretary.request()).with(csrf()))
                .andExpect(redirectedUrl("/periods/" + q1.id())).andExpect(flash().attribute("flash", "2026年第一季度已汇总，结果已冻结为快照，请党员确认"));
        String shown = page("/periods/" + q1.id(), secretary);
        assertThat(shown).contains("已汇总").contains("第1版快照").contains("爱丽丝").contains("未答复 <b>2</b>")
                .contains("支部委员会已评定");
    }

    @Test
    void aMemberConfirmsOrDisputesOnlyTheirOwnLineAndSeesNobodyElsesBeforePublication() throws Exception {
        EvaluationPeriod first = period("2026-Q1");
        EvaluationPeriod q1 = actions.close(first.id(), first.version(), null);
        SignIn.out();
        String own = page("/periods/" + q1.id(), aliceAccount);
        assertThat(own).contains("我的本期结果").contains("确认无误").doesNotContain("鲍勃").doesNotContain("汇总（冻结本期结果）");
        mvc.perform(get("/periods/" + q1.id() + "/publicity").with(aliceAccount.request())).andExpect(status().isNotFound());

        String refused = mvc.perform(post("/periods/" + q1.id() + "/dispute").param("text", "").param("claimed", "两分")
                        .with(aliceAccount.request()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("认为正确的分值应为数字").contains("两分");
        mvc.perform(post("/periods/" + q1.id() + "/confirm").with(aliceAccount.request()).with(csrf()))
                .andExpect(redirectedUrl("/periods/" + q1.id()));
        assertThat(page("/periods/" + q1.id(), aliceAccount)).contains("您已答复：<b>确认无误</b>");
    }

    /** The first quarter with alice's study in it, closed, signed and published on Thursday 24 September. */
    private EvaluationPeriod publishedFirstQuarter() {
        ledger.seedTrusted(List.of(new Ledger.Seed(alice, "CZ_GROUP_STUDY", LocalDate.parse("2026-02-10"), BigDecimal.ONE, null, null,
                "测试", null, EntrySource.SCORER, EntryStatus.APPROVED, secretary.id(), null, committee.id(), null)), AuditLog.Actor.SYSTEM);
        EvaluationPeriod first = period("2026-Q1");
        EvaluationPeriod q1 = actions.close(first.id(), first.version(), null);
        q1 = actions.sign(q1.id(), q1.version());
        clock.set("2026-09-24T09:00+08:00");
        q1 = actions.publish(q1.id(), q1.version());
        SignIn.out();
        return q1;
    }

    @Test
    void thePublicityListShowsTheWindowAndOnlyNameTotalAndGradeToTheUnit() throws Exception {
        EvaluationPeriod q1 = publishedFirstQuarter();
        String list = page("/periods/" + q1.id() + "/publicity", aliceAccount);
        assertThat(list).contains("公示时间：2026年9月24日至10月8日（5个工作日）").contains("爱丽丝").contains("鲍勃")
                .contains("<th>姓名</th>").contains("<th class=\"num\">积分</th>").doesNotContain("排名</th>").doesNotContain("所在组织</th>");
        mvc.perform(get("/periods/" + q1.id() + "/publicity").with(outsider.request())).andExpect(status().isNotFound());
        String asMember = page("/periods/" + q1.id(), aliceAccount);
        assertThat(asMember).contains("提出异议").contains("查看公示名单");
        assertThat(mvc.perform(post("/periods/" + q1.id() + "/approve").param("version", "" + period("2026-Q1").version())
                        .with(committee.request()).with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("公示期内不能审核");
    }

    @Test
    void aSchemeNamesWhatItsListShowsAndHowManyRanksItLists() throws Exception {
        String yaml = cn.vanguard.scheme.file.Presets.text("changzhou-2021").orElseThrow().replace(
                "publicity: { days: 5, workingDays: true, after: SIGN_OFF }",
                "publicity: { days: 5, workingDays: true, after: SIGN_OFF, shows: [name, total], showRankToMembers: true, top: 1 }");
        committee.signIn();
        schemes.publishFile(tree.committee().id(), 2026, yaml, null);
        ledger.seedTrusted(List.of(new Ledger.Seed(alice, "CZ_GROUP_STUDY", LocalDate.parse("2026-02-10"), BigDecimal.ONE, null, null,
                "测试", null, EntrySource.SCORER, EntryStatus.APPROVED, secretary.id(), null, committee.id(), null)), AuditLog.Actor.SYSTEM);
        EvaluationPeriod first = period("2026-Q1");
        EvaluationPeriod q1 = actions.close(first.id(), first.version(), null);
        q1 = actions.sign(q1.id(), q1.version());
        actions.publish(q1.id(), q1.version());
        SignIn.out();
        String list = page("/periods/" + q1.id() + "/publicity", aliceAccount);
        assertThat(list).contains("爱丽丝").doesNotContain("鲍勃").contains("<th class=\"num\">排名</th>").contains("积分</th>")
                .doesNotContain("等次</th>");
    }

    @Test
    void anObjectionCarriesPhotosThatTheSecretaryOpensAndABadFileKeepsWhatWasTyped() throws Exception {
        EvaluationPeriod q1 = publishedFirstQuarter();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        String url = "/periods/" + q1.id() + "/objections";

        String refused = mvc.perform(multipart(url).file(new MockMultipartFile("files", "说明.txt", "text/plain", "文字".getBytes(StandardCharsets.UTF_8)))
                        .param("memberId", "" + alice).param("text", "二月学习记录的时长不对").with(aliceAccount.request()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("文件“说明.txt”不是照片（JPG、PNG、WebP、GIF）或PDF").contains("二月学习记录的时长不对");

        mvc.perform(multipart(url).file(new MockMultipartFile("files", "签到表.png", "image/png", png))
                        .param("memberId", "" + alice).param("text", "二月学习记录的时长不对").with(aliceAccount.request()).with(csrf()))
                .andExpect(redirectedUrl("/periods/" + q1.id()));
        String shown = page("/periods/" + q1.id(), secretary);
        assertThat(shown).contains("证明材料：").contains("签到表.png");
        String link = shown.replaceAll("(?s).*href=\"(/objection-files/\\d+)\".*", "$1");
        assertThat(link).matches("/objection-files/\\d+");
        byte[] body = mvc.perform(get(link).with(secretary.request())).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body).isEqualTo(png);
        mvc.perform(get(link).with(outsider.request())).andExpect(status().isNotFound());
        assertThat(page("/periods/" + q1.id(), aliceAccount)).contains("补充材料");
    }

    @Test
    void nobodyOutsideTheUnitReachesItsPeriodOrItsActions() throws Exception {
        EvaluationPeriod q1 = period("2026-Q1");
        mvc.perform(get("/periods/" + q1.id()).with(outsider.request())).andExpect(status().isNotFound());
        mvc.perform(post("/periods/" + q1.id() + "/close").param("version", "" + q1.version()).with(outsider.request()).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/periods/" + q1.id() + "/close").param("version", "" + q1.version()).with(aliceAccount.request()).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(period("2026-Q1").status().name()).isEqualTo("OPEN");
    }
}
