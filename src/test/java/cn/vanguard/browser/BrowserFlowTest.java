package cn.vanguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Role;

/**
 * The product in a real browser (Chromium): a system administrator loads the demo organisation; a scorer records an
 * entry; a member declares one on the phone with a photo; the branch secretary checks and approves both; the member's
 * score and its explanation change. Screenshots of the main pages at desktop and phone width go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:vanguard-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vanguard.key-file=target/test-id-card.key"})
@EnabledIf("cn.vanguard.browser.Browser#available")
class BrowserFlowTest {

    static final String ADMIN_PASSWORD = "Admin2026pass";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void scorerMemberAndSecretaryChangeAScoreTogether() throws Exception {
        accounts.createTrusted("boss", "系统管理员", ADMIN_PASSWORD, null, List.of(new Grant(Role.SYSTEM_ADMIN, null)), AuditLog.Actor.SYSTEM);
        try (Browser browser = new Browser("http://localhost:" + port)) {
            Page login = browser.anonymous(1280, 900);
            login.navigate("/login");
            Browser.shoot(login, "login-desktop");
            Page loginPhone = browser.anonymous(375, 800);
            loginPhone.navigate("/login");
            Browser.shoot(loginPhone, "login-phone");
            // the API's documentation (Swagger UI) works under its Content-Security-Policy too
            login.navigate("/api/v1/docs");
            login.waitForSelector(".opblock");

            Page admin = browser.desktop("boss", ADMIN_PASSWORD);
            assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'boss'").query(Integer.class).single())
                    .as("the sign-in session is kept in the database").isEqualTo(1);
            assertThat(admin.textContent("body")).contains("加载演示组织");
            Browser.shoot(admin, "home-empty-desktop");
            admin.click("text=加载演示组织");
            String password = admin.textContent(".password-once").strip();
            assertThat(password).hasSizeGreaterThan(8);
            Browser.shoot(admin, "home-demo-loaded-desktop");

            String memberName = jdbc.sql("select m.name from account a join member m on m.id = a.member_id where a.username = 'dangyuan1'")
                    .query(String.class).single();
            Page member = browser.phone("dangyuan1", password);
            member.navigate("/me");
            BigDecimal before = new BigDecimal(member.textContent("#total").strip());
            Browser.shoot(member, "me-before-phone");

            Page scorer = browser.desktop("jifen1", password);
            scorer.navigate("/entries/new");
            scorer.selectOption("#defaultItem", "RWD_CITY_DEPT");
            scorer.fill("input[name='rows[0].member']", memberName);
            scorer.fill("input[name='rows[0].note']", "市直部门表彰：优秀共产党员");
            // the demo committee asks proof of every award: the form says so, and two witnesses are enough
            assertThat(scorer.textContent("#defaultItem option[value=RWD_CITY_DEPT]")).contains("或至少2名党员群众证明");
            scorer.fill("input[name='rows[0].witnesses']", "王建国、李红梅");
            Browser.shoot(scorer, "entries-new-desktop");
            scorer.click("button:has-text('保存全部')");
            assertThat(scorer.textContent(".alert-success")).contains("已录入1条");
            Browser.shoot(scorer, "entries-list-desktop");

            member.navigate("/declare");
            member.selectOption("#item", "RWD_CITY");
            member.fill("#note", "获市级优秀共产党员表彰，附表彰文件照片");
            member.setInputFiles("#files", new FilePayload("表彰文件.png", "image/png", png()));
            Browser.shoot(member, "declare-phone");
            member.click("button:has-text('提交申报')");
            assertThat(member.textContent(".alert-success")).contains("申报已提交");

            Page secretary = browser.desktop("shuji1", password);
            secretary.navigate("/review");
            Browser.shoot(secretary, "review-desktop");
            secretary.locator("tr", new Page.LocatorOptions().setHasText("获市级优秀共产党员表彰")).locator("button:has-text('初审通过')").click();
            // first-checked: orange, waiting for approval (green means in force, only)
            secretary.waitForSelector("tr.table-warning");
            secretary.navigate("/review");
            secretary.locator("tr", new Page.LocatorOptions().setHasText("获市级优秀共产党员表彰")).locator("button:has-text('通过')").click();
            secretary.waitForSelector("tr.table-success");
            secretary.navigate("/review");
            secretary.locator("tr", new Page.LocatorOptions().setHasText("市直部门表彰：优秀共产党员")).locator("button:has-text('通过')").click();
            secretary.waitForSelector("tr.table-success");

            member.navigate("/me");
            BigDecimal after = new BigDecimal(member.textContent("#total").strip());
            assertThat(after.subtract(before)).isEqualByComparingTo("5");
            member.click("summary");
            assertThat(member.textContent("body")).contains("受到市直部门性表彰：1次 × 2分 = 2分", "受到市级(省直部门)表彰：1次 × 3分 = 3分");
            Browser.shoot(member, "me-after-phone");

            tour(browser, password);
            scriptsWithoutInlineCode(admin, scorer, secretary, memberName);
            aResetEndsTheSessionsInTheDatabase(admin, scorer);
            assertThat(browser.problems()).as("Content Security Policy violations and script errors on any page").isEmpty();
        }
    }

    /** What pages do through app.js now that no page carries inline script: each of the data- attributes, once. */
    private void scriptsWithoutInlineCode(Page admin, Page scorer, Page secretary, String memberName) {
        scorer.navigate("/entries/new");
        int rows = scorer.locator("#rows tr").count();
        scorer.click("button:has-text('再加5行')");
        scorer.waitForCondition(() -> scorer.locator("#rows tr").count() == rows + 5);

        long branch = jdbc.sql("select id from org_unit where name = '第一党支部'").query(Long.class).single();
        secretary.navigate("/scores?unitId=" + branch);
        secretary.selectOption("#type", "FORMAL");
        secretary.waitForURL(url -> url.contains("type=FORMAL"));

        String code = jdbc.sql("select code from member where name = :n").param("n", memberName).query(String.class).single();
        admin.navigate("/accounts/new");
        admin.fill("input[name='q']", memberName);
        admin.click("#member-results button:has-text('选择')");
        assertThat(admin.inputValue("#memberCode")).isEqualTo(code);
        admin.press("input[name='q']", "Enter");
        assertThat(admin.url()).as("Enter in the search does not send the form around it").endsWith("/accounts/new");
    }

    /** A password reset (asked to confirm first) ends the scorer's open session, whose row is deleted from the database. */
    private void aResetEndsTheSessionsInTheDatabase(Page admin, Page scorer) {
        long scorerAccount = jdbc.sql("select id from account where username = 'jifen1'").query(Long.class).single();
        assertThat(sessionRows("jifen1")).isPositive();
        admin.navigate("/accounts/" + scorerAccount);
        admin.onceDialog(dialog -> dialog.dismiss());
        admin.click("button:has-text('重置密码')");
        assertThat(admin.locator(".password-once").count()).as("a dismissed confirmation sends nothing").isZero();
        admin.onceDialog(dialog -> dialog.accept());
        admin.click("button:has-text('重置密码')");
        admin.waitForSelector(".password-once");
        assertThat(sessionRows("jifen1")).isZero();
        // the session's row is gone, so the browser's cookie names no session any more: it is asked to sign in
        scorer.navigate("/entries");
        assertThat(scorer.url()).endsWith("/login");
        assertThat(scorer.isVisible("#password")).isTrue();
    }

    private int sessionRows(String username) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :u").param("u", username).query(Integer.class).single();
    }

    /** Every main page at desktop and phone width, for people to look at: target/screenshots/PAGE-desktop|phone.png. */
    private void tour(Browser browser, String password) {
        long committee = jdbc.sql("select id from org_unit where parent_id is null").query(Long.class).list().get(0);
        long branch = jdbc.sql("select id from org_unit where name = '第一党支部'").query(Long.class).single();
        long someMember = jdbc.sql("select m.id from account a join member m on m.id = a.member_id where a.username = 'jifen1'").query(Long.class).single();
        long someEntry = jdbc.sql("select max(id) from ledger_entry where status = 'APPROVED'").query(Long.class).single();
        long scheme = jdbc.sql("select max(id) from scheme_version").query(Long.class).single();
        long scorerAccount = jdbc.sql("select id from account where username = 'jifen1'").query(Long.class).single();
        String[][] pages = {
                {"shuji1", "/", "home-secretary"},
                {"dangwei", "/units", "units"},
                {"dangwei", "/units/" + committee, "unit"},
                {"dangwei", "/members?unitId=" + branch, "members"},
                {"dangwei", "/members/" + someMember, "member"},
                {"dangwei", "/members/new", "member-new"},
                {"dangwei", "/members/import", "members-import"},
                {"shuji1", "/scores?unitId=" + branch, "scores"},
                {"shuji1", "/members/" + someMember + "/score", "member-score"},
                {"jifen1", "/entries", "entries"},
                {"jifen1", "/entries/" + someEntry, "entry"},
                {"jifen1", "/entries/import", "entries-import"},
                {"shuji1", "/review", "review"},
                {"shuji1", "/assessments?unitId=" + branch, "assessments"},
                {"dangwei", "/schemes", "schemes"},
                {"dangwei", "/schemes/" + scheme, "scheme"},
                {"dangwei", "/schemes/publish", "scheme-publish"},
                {"dangwei", "/schemes/upload", "scheme-upload"},
                {"dangwei", "/accounts", "accounts"},
                {"dangwei", "/accounts/new", "account-new"},
                {"dangwei", "/accounts/" + scorerAccount, "account"},
                {"jiandu", "/audit", "audit"},
                {"jifen1", "/account", "my-account"},
                {"dangyuan1", "/me", "me"},
                {"dangyuan1", "/declare", "declare"},
                {"shuji3", "/periods", "periods"},
                {"dangyuan3", "/periods/" + jdbc.sql("select min(id) from evaluation_period").query(Long.class).single(), "period-member"},
        };
        java.util.Map<String, Page> desktops = new java.util.HashMap<>();
        java.util.Map<String, Page> phones = new java.util.HashMap<>();
        for (String[] page : pages) {
            Page desktop = desktops.computeIfAbsent(page[0], user -> browser.desktop(user, password));
            com.microsoft.playwright.Response response = desktop.navigate(page[1]);
            assertThat(response.status()).as(page[1]).isEqualTo(200);
            Browser.shoot(desktop, "tour-" + page[2] + "-desktop");
            Page phone = phones.computeIfAbsent(page[0], user -> browser.phone(user, password));
            phone.navigate(page[1]);
            Browser.shoot(phone, "tour-" + page[2] + "-phone");
        }
        // the ranking on a phone: one member a line or two, not a stack of labelled cells
        Page phone = phones.get("shuji1");
        phone.navigate("/scores?unitId=" + branch);
        assertThat(phone.locator(".ranking-table tbody tr").first().boundingBox().height).as("a ranking row on a phone").isLessThan(64);
        Page rosterPhone = phones.get("dangwei");
        rosterPhone.navigate("/members?unitId=" + branch);
        assertThat(rosterPhone.locator("table.list-phone tbody tr").first().boundingBox().height).as("a roster row on a phone").isLessThan(64);
        // and on paper: landscape A4, without menu or filters, the header on every sheet
        Page desktop = desktops.get("shuji1");
        desktop.navigate("/scores?unitId=" + branch);
        java.nio.file.Path pdf = java.nio.file.Path.of("target/screenshots/print-ranking.pdf");
        desktop.pdf(new Page.PdfOptions().setPath(pdf).setPreferCSSPageSize(true));
        assertThat(pdf).exists();
    }

    /** A small valid PNG (a red square). */
    static byte[] png() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillRect(0, 0, 40, 40);
        g.dispose();
        Path file = Files.createTempFile("evidence", ".png");
        javax.imageio.ImageIO.write(image, "png", file.toFile());
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        return bytes;
    }
}
