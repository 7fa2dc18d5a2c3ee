package cn.vanguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Page;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.demo.DemoOrganisation;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.review.Review;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;

/**
 * 积分台账 in Chromium on the demo organisation: the first branch's secretary pages, searches by name and reads a
 * reversed entry at 1280 px, then reads the ledger on a 375 px phone, one entry in two lines, details on tap.
 * Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:vanguard-ledger-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vanguard.key-file=target/test-id-card.key"})
@EnabledIf("cn.vanguard.browser.Browser#available")
class LedgerBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Guard guard;
    @Autowired
    DemoOrganisation demo;
    @Autowired
    Ledger ledger;
    @Autowired
    Review review;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void aSecretaryPagesSearchesAndReadsTheLedgerOnTheDesktopAndThePhone() {
        long admin = accounts.createTrusted("taizhang", "台账管理员", "Ledger2026pass", null, List.of(new Grant(Role.SYSTEM_ADMIN, null)),
                AuditLog.Actor.SYSTEM);
        SignIn.as(admin, "taizhang");
        String password = demo.load(guard.current()).password();
        LedgerEntry reversal = reverseOneApprovedEntryOfTheFirstBranch();
        try (Browser browser = new Browser("http://localhost:" + port)) {
            Page desk = browser.desktop("shuji1", password);
            desk.navigate("/entries");
            assertThat(desk.textContent(".ledger-summary")).containsPattern("共\\d+条记录，第1/\\d+页，每页50条");
            assertThat(desk.locator(".ledger-table tbody tr").count()).isEqualTo(50);
            assertThat(desk.textContent(".ledger-table")).contains("第一党支部 / 第一党小组");
            Browser.shoot(desk, "ledger-desktop");

            desk.click("nav[aria-label=分页] >> text=2");
            desk.waitForURL("**/entries?page=2");
            assertThat(desk.textContent(".ledger-summary")).contains("第2/");

            String name = desk.textContent(".ledger-table tbody tr td:nth-child(3) a").strip();
            desk.fill("#f-q", name);
            desk.press("#f-q", "Enter");
            desk.waitForURL(url -> url.contains("q="));
            desk.waitForSelector(".ledger-table");
            assertThat(desk.locator(".ledger-table tbody tr td:nth-child(3) a").allTextContents()).isNotEmpty().allMatch(name::equals);
            Browser.shoot(desk, "ledger-search-desktop");

            desk.navigate("/entries?q=" + reversal.memberCode());
            assertThat(desk.textContent(".ledger-table")).contains("已冲销").contains("被#" + reversal.id() + "冲销");
            desk.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("ledger-reversed-desktop.png")));
            desk.click("a:text('被#" + reversal.id() + "冲销')");
            desk.waitForURL("**/entries/" + reversal.id());
            assertThat(desk.textContent(".page-header")).contains("冲销#" + reversal.reversesId());
            desk.click(".page-header a:text('冲销#" + reversal.reversesId() + "')");
            desk.waitForURL("**/entries/" + reversal.reversesId());
            assertThat(desk.textContent(".page-header .entry-state")).isEqualTo("已冲销");
            desk.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("entry-reversed-desktop.png")));

            Page phone = browser.phone("shuji1", password);
            phone.navigate("/entries");
            assertThat(phone.locator(".ledger-table").isVisible()).as("no wide table on a phone").isFalse();
            assertThat(phone.locator(".ledger-item").count()).isEqualTo(50);
            assertThat(((Number) phone.evaluate("document.documentElement.scrollWidth")).intValue())
                    .as("nothing wider than the phone").isLessThanOrEqualTo(375);
            assertThat(phone.locator("details.ledger-more[open]").count()).as("the filters beyond the search folded on a phone").isZero();
            Browser.shoot(phone, "ledger-phone");
            phone.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("ledger-phone-top.png")));
            phone.locator(".ledger-item summary").first().click();
            assertThat(phone.locator(".ledger-item").first().textContent()).contains("详情").contains("录入");
            phone.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("ledger-phone-open.png")));

            phone.navigate("/entries?q=" + reversal.memberCode());
            com.microsoft.playwright.Locator reversed = phone.locator(".ledger-item:has(.entry-state:text('已冲销'))").first();
            reversed.locator("summary").click();
            assertThat(reversed.textContent()).contains("被#" + reversal.id() + "冲销");
            reversed.scrollIntoViewIfNeeded();
            phone.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("ledger-phone-reversed.png")));
            assertThat(browser.problems()).as("no script error, no CSP violation").isEmpty();
        }
    }

    /** The demo's scorer reverses an approved entry of the first branch and its secretary approves the reversal. */
    private LedgerEntry reverseOneApprovedEntryOfTheFirstBranch() {
        long branch = jdbc.sql("select id from org_unit where name = '第一党支部'").query(Long.class).single();
        long original = jdbc.sql("""
                select max(e.id) from ledger_entry e join member m on m.id = e.member_id join org_unit u on u.id = m.unit_id
                where e.status = 'APPROVED' and e.reverses_id is null and e.entry_date < current_date - 3
                  and m.id not in (select a.member_id from account a where a.member_id is not null) and u.path like (select path from org_unit where id = :b) || '%'""")
                .param("b", branch).query(Long.class).single();
        Accounts.Account scorer = accounts.findByUsername("jifen1").orElseThrow();
        Accounts.Account secretary = accounts.findByUsername("shuji1").orElseThrow();
        SignIn.as(scorer.id(), scorer.username());
        LedgerEntry reversal = ledger.reverse(original, "重复录入", "browser-reverse");
        SignIn.as(secretary.id(), secretary.username());
        review.approve(reversal.id(), reversal.version());
        SignIn.out();
        return ledger.get(reversal.id());
    }
}
