package cn.vanguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.org.Units;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Role;

/**
 * 节假日日历 in Chromium: the committee administrator reads 2026, imports a file with mistakes (listed, nothing
 * changed) and then a good one; a member reads the year on the phone. Screenshots at 1280 and 375 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:vanguard-calendar-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vanguard.key-file=target/test-id-card.key"})
@EnabledIf("cn.vanguard.browser.Browser#available")
class CalendarPageBrowserTest {

    static final String PASSWORD = "Calendar2026pass";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Units units;

    @Test
    void anAdministratorImportsAYearAndAMemberReadsItOnThePhone() {
        Unit committee = units.createTrusted(null, "日历测试党委", UnitKind.COMMITTEE, AuditLog.Actor.SYSTEM);
        accounts.createTrusted("rili", "刘管理", PASSWORD, null, List.of(new Grant(Role.COMMITTEE_ADMIN, committee.id())), AuditLog.Actor.SYSTEM);
        accounts.createTrusted("duzhe", "陈党员", PASSWORD, null, List.of(new Grant(Role.MEMBER, committee.id())), AuditLog.Actor.SYSTEM);
        try (Browser browser = new Browser("http://localhost:" + port)) {
            Page admin = browser.desktop("rili", PASSWORD);
            admin.navigate("/calendar?year=2026");
            assertThat(admin.textContent("#calendar-days")).contains("国庆节调休上班");
            Browser.shoot(admin, "calendar-2026-desktop");

            admin.click("[aria-label=下一年]");
            admin.waitForURL("**/calendar?year=2027");
            admin.waitForSelector("text=2027年节假日日历");
            admin.setInputFiles("#calendar-file", new FilePayload("2027年.csv", "text/csv",
                    "日期,类型,名称\n2027-01-01,节假日,元旦\n2027-02-30,节假日,春节\n2027-10-08,调休上班,国庆节调休上班\n".getBytes(StandardCharsets.UTF_8)));
            admin.click("#calendar-import button[type=submit]");
            admin.waitForSelector(".alert-danger");
            assertThat(admin.textContent(".alert-danger")).contains("没有导入").contains("有 2 处需要修改");
            assertThat(admin.textContent("body")).contains("第3行").contains("第4行").contains("2027年还没有录入节假日安排。");
            Browser.shoot(admin, "calendar-import-problems-desktop");

            admin.setInputFiles("#calendar-file", new FilePayload("2027年.csv", "text/csv",
                    "日期,类型,名称\n2027-01-01,节假日,元旦\n2027-10-09,调休上班,国庆节调休上班\n".getBytes(StandardCharsets.UTF_8)));
            admin.click("#calendar-import button[type=submit]");
            admin.waitForSelector(".alert-success");
            assertThat(admin.textContent("#calendar-days")).contains("10月9日 周六");

            Page member = browser.phone("duzhe", PASSWORD);
            member.navigate("/calendar?year=2026");
            assertThat(member.locator("#calendar-import").count()).isZero();
            Browser.shoot(member, "calendar-2026-phone");
            assertThat(browser.problems()).as("no script error, no CSP violation").isEmpty();
        }
    }
}
