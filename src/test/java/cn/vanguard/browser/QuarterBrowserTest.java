package cn.vanguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Page;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.cycle.PeriodActions;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Role;
import cn.vanguard.testing.Fixtures;
import cn.vanguard.testing.SettableClock;

/**
 * A branch's first quarter in the browser, as its rule document runs it (changzhou-2021: quarterly, 5 working days of
 * publicity, then the committee): the secretary closes; one member confirms on the phone, another disputes; the
 * secretary answers, signs and publishes; during the window the second member objects to an entry of the first; the
 * objection is upheld, the entry reversed and the reversal approved; the secretary republishes; the window ends; the
 * committee administrator approves. Screenshots at 1280 and 375 px go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:vanguard-quarter;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vanguard.key-file=target/test-id-card.key", "vanguard.cycle.window-check-first=P1D"})
@Import({Fixtures.class, SettableClock.Config.class})
@EnabledIf("cn.vanguard.browser.Browser#available")
class QuarterBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SettableClock clock;
    @Autowired
    Ledger ledger;
    @Autowired
    PeriodActions actions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aQuarterFromCloseToTheCommitteesApproval() throws Exception {
        clock.set("2026-04-08T09:00+08:00");
        Fixtures.Tree tree = fixtures.tree("changzhou-2021");
        long alice = fixtures.member(tree.branch().id(), "王丽华");
        long bob = fixtures.member(tree.branch().id(), "李建国");
        fixtures.member(tree.branch().id(), "张晓明");
        Fixtures.Account secretary = fixtures.account(fixtures.member(tree.branch().id(), "赵书记"),
                new Grant(Role.SECRETARY, tree.branch().id()), new Grant(Role.MEMBER, tree.branch().id()));
        Fixtures.Account committee = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        Fixtures.Account aliceAccount = fixtures.memberAccount(alice, tree.branch().id());
        Fixtures.Account bobAccount = fixtures.memberAccount(bob, tree.branch().id());
        ledger.seedTrusted(List.of(
                seed(alice, "2026-02-12", secretary, committee), seed(alice, "2026-03-05", secretary, committee),
                seed(bob, "2026-03-05", secretary, committee)), AuditLog.Actor.SYSTEM);
        long studyOfAlice = jdbc.sql("select min(id) from ledger_entry where member_id = :m").param("m", alice).query(Long.class).single();

        try (Browser browser = new Browser("http://localhost:" + port)) {
            Page sec = browser.desktop(secretary.username(), Fixtures.PASSWORD);
            sec.navigate("/periods");
            assertThat(sec.textContent("body")).contains("2026年第一季度").contains("记录中");
            sec.click("text=2026年第一季度");
            long period = Long.parseLong(sec.url().replaceAll(".*/periods/(\\d+).*", "$1"));
            sec.click("text=汇总（冻结本期结果）");
            assertThat(sec.textContent(".alert-success")).contains("已汇总");
            Browser.shoot(sec, "period-closed-desktop");

            Page a = browser.phone(aliceAccount.username(), Fixtures.PASSWORD);
            a.navigate("/notices");
            assertThat(a.textContent("body")).contains("请确认您2026年第一季度的积分结果");
            a.click("text=请确认您2026年第一季度的积分结果");
            Browser.shoot(a, "period-confirm-phone");
            a.click("button:has-text('确认无误')");
            assertThat(a.textContent("body")).contains("您已答复：确认无误");

            Page b = browser.phone(bobAccount.username(), Fixtures.PASSWORD);
            b.navigate("/periods/" + period);
            b.click("summary:has-text('有异议')");
            b.fill("#dispute-text", "三月份我还参加了一次集中学习，没有记上");
            b.fill("#dispute-claimed", "10");
            b.click("button:has-text('提交异议')");
            assertThat(b.textContent("body")).contains("您已答复：有异议");

            sec.navigate("/periods/" + period);
            assertThat(sec.textContent("body")).contains("确认无误 1").contains("有异议 1").contains("李建国");
            sec.fill("textarea[name=answer]", "经核实，三月集中学习签到表无本人签名");
            sec.click("button:has-text('异议不成立')");
            sec.click("button:has-text('支部委员会已评定')");
            sec.click("button:has-text('公示')");
            assertThat(sec.textContent("body")).contains("公示时间：2026年4月8日至4月14日（5个工作日）");
            Browser.shoot(sec, "period-published-desktop");
            sec.click("text=查看公示名单");
            Browser.shoot(sec, "publicity-list-desktop");

            b.navigate("/periods/" + period + "/publicity");
            assertThat(b.textContent("body")).contains("王丽华").contains("公示时间");
            Browser.shoot(b, "publicity-list-phone");
            b.navigate("/periods/" + period);
            b.selectOption("#obj-member", Long.toString(alice));
            b.fill("#obj-entry", Long.toString(studyOfAlice));
            b.fill("#obj-claimed", "0");
            b.fill("#obj-text", "2月12日的集中学习王丽华同志请假了");
            b.setInputFiles("#obj-files", new com.microsoft.playwright.options.FilePayload("请假条.png", "image/png", BrowserFlowTest.png()));
            b.click("button:has-text('提出异议')");
            assertThat(b.textContent(".alert-success")).contains("已提交异议");
            assertThat(b.textContent("body")).contains("证明材料：").contains("请假条.png");
            Browser.shoot(b, "objection-filed-phone");

            sec.navigate("/notices");
            assertThat(sec.textContent("body")).contains("有1条异议待答复");
            sec.navigate("/periods/" + period);
            assertThat(sec.textContent("body")).contains("请假条.png");
            Browser.shoot(sec, "objection-with-evidence-desktop");
            sec.fill("textarea[name=answer]", "经核实请假属实，予以更正");
            sec.click("button:has-text('异议成立')");
            sec.navigate("/entries/" + studyOfAlice);
            sec.fill("#reason", "异议成立：本人请假");
            sec.click("button:has-text('冲销')");

            Page boss = browser.desktop(committee.username(), Fixtures.PASSWORD);
            boss.navigate("/review");
            boss.click("button:has-text('通过')");
            boss.waitForSelector("text=已审核通过");

            clock.set("2026-04-10T10:00+08:00");
            sec.navigate("/periods/" + period);
            sec.click("button:has-text('更正后重新公示')");
            assertThat(sec.textContent("body")).contains("公示时间：2026年4月10日至4月16日（5个工作日）").contains("第2版快照");
            Browser.shoot(sec, "period-republished-desktop");

            clock.set("2026-04-17T08:00+08:00");
            actions.endWindows();
            boss.navigate("/notices");
            assertThat(boss.textContent("body")).contains("2026年第一季度待上级审核");
            boss.click("text=2026年第一季度待上级审核");
            boss.click("button:has-text('审核通过')");
            assertThat(boss.textContent("body")).contains("已审核");
            Browser.shoot(boss, "period-approved-desktop");
            Page bossPhone = browser.phone(committee.username(), Fixtures.PASSWORD);
            bossPhone.navigate("/periods/" + period);
            Browser.shoot(bossPhone, "period-approved-phone");
            assertThat(browser.problems()).isEmpty();
        }
    }

    private static Ledger.Seed seed(long member, String date, Fixtures.Account recorder, Fixtures.Account approver) {
        return new Ledger.Seed(member, "CZ_GROUP_STUDY", LocalDate.parse(date), BigDecimal.ONE, null, null, "集中学习", null,
                EntrySource.SCORER, EntryStatus.APPROVED, recorder.id(), null, approver.id(), null);
    }
}
