package cn.vanguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.org.Gender;
import cn.vanguard.org.MemberForm;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.org.Units;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Role;

/**
 * 党员账号 in Chromium: the branch secretary opens the roster, creates accounts for every member without one and
 * downloads their slips (PDF); a member types the username and code of their slip on the phone, sets a password and
 * signs in with it. Screenshots at 1280 and 375 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:vanguard-member-accounts-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vanguard.key-file=target/test-id-card.key"})
@EnabledIf("cn.vanguard.browser.Browser#available")
class MemberAccountsBrowserTest {

    static final String PASSWORD = "Secretary2026pass";
    static final String[] NAMES = {"王秀英", "李建国", "张丽华", "刘志强", "陈晓燕", "杨卫东", "赵红梅", "黄海涛", "周文静", "吴国庆"};

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Units units;
    @Autowired
    Members members;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecretaryCreatesAccountsForTheBranchAndAMemberActivatesWithTheSlip() throws Exception {
        Unit committee = units.createTrusted(null, "中共市直机关工委", UnitKind.COMMITTEE, AuditLog.Actor.SYSTEM);
        Unit branch = units.createTrusted(committee.id(), "第一党支部", UnitKind.BRANCH, AuditLog.Actor.SYSTEM);
        Unit group = units.createTrusted(branch.id(), "第一党小组", UnitKind.GROUP, AuditLog.Actor.SYSTEM);
        List<MemberForm> forms = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            forms.add(new MemberForm(null, NAMES[i], i % 2 == 0 ? Gender.FEMALE : Gender.MALE, LocalDate.of(1980 + i, 3, 1), null, null,
                    LocalDate.of(2005 + i, 7, 1), MemberType.FORMAL, Category.IN_SERVICE, MemberStatus.ACTIVE, i < 4 ? branch.id() : group.id()));
        }
        List<Long> ids = members.createTrusted(forms, AuditLog.Actor.SYSTEM);
        accounts.createTrusted("shuji", NAMES[0], PASSWORD, ids.get(0), List.of(new Grant(Role.SECRETARY, branch.id())), AuditLog.Actor.SYSTEM);

        try (Browser browser = new Browser("http://localhost:" + port)) {
            Page secretary = browser.desktop("shuji", PASSWORD);
            secretary.navigate("/members");
            secretary.click("text=开通党员账号");
            secretary.waitForURL("**/member-accounts**");
            assertThat(secretary.textContent("#create-all")).contains("为全部未开通的 9 名党员开通");
            Browser.shoot(secretary, "member-accounts-before-desktop");

            Download download = secretary.waitForDownload(() -> secretary.click("#create-all"));
            Path pdf = Browser.SCREENSHOTS.resolve("member-accounts-slips.pdf");
            Files.createDirectories(Browser.SCREENSHOTS);
            download.saveAs(pdf);
            String text;
            try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
                assertThat(document.getNumberOfPages()).isEqualTo(2);
                text = new PDFTextStripper().getText(document);
            }
            // the unit path may wrap beside the QR code: compared without the line breaks
            assertThat(text.replaceAll("\\s", "")).contains(NAMES[9], "第一党支部/第一党小组");
            assertThat(text).as("the secretary already has an account: no slip").doesNotContain(NAMES[0]);
            String username = jdbc.sql("select username from account where member_id = :m").param("m", ids.get(9)).query(String.class).single();
            Matcher slip = Pattern.compile(Pattern.quote(NAMES[9]) + "[\\s\\S]*?" + Pattern.quote(username) + "[\\s\\S]*?([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})")
                    .matcher(text);
            assertThat(slip.find()).as("the slip of %s names %s and a code", NAMES[9], username).isTrue();
            String code = slip.group(1);

            secretary.navigate("/member-accounts");
            assertThat(secretary.textContent("tbody")).contains(username).contains("待激活");
            assertThat(secretary.locator("#create-all").isDisabled()).isTrue();
            Browser.shoot(secretary, "member-accounts-after-desktop");
            Page secretaryPhone = browser.phone("shuji", PASSWORD);
            secretaryPhone.navigate("/member-accounts");
            Browser.shoot(secretaryPhone, "member-accounts-after-phone");

            Page member = browser.anonymous(375, 800);
            member.navigate("/login");
            member.click("text=首次登录？用激活单上的激活码激活账号");
            member.waitForURL("**/activate");
            member.fill("#username", username);
            member.fill("#code", "WRNG-CODE-2345");
            member.fill("#password", "MyOwnPass2026");
            member.fill("#repeat", "MyOwnPass2026");
            member.click("button[type=submit]");
            member.waitForSelector(".alert-danger");
            assertThat(member.textContent(".alert-danger")).contains("用户名或激活码不正确");
            Browser.shoot(member, "activate-wrong-code-phone");

            member.fill("#code", code.toLowerCase());
            member.fill("#password", "MyOwnPass2026");
            member.fill("#repeat", "MyOwnPass2026");
            member.click("button[type=submit]");
            member.waitForURL("**/login?activated**");
            assertThat(member.textContent(".alert-success")).contains("账号已激活");
            assertThat(member.inputValue("#username")).isEqualTo(username);
            Browser.shoot(member, "activate-done-phone");
            member.fill("#password", "MyOwnPass2026");
            member.click("button[type=submit]");
            member.waitForURL(url -> !url.contains("/login"));
            assertThat(member.textContent("body")).contains(NAMES[9]);
            Browser.shoot(member, "member-signed-in-phone");

            Page desktopActivation = browser.anonymous(1280, 900);
            desktopActivation.navigate("/activate?username=" + username);
            Browser.shoot(desktopActivation, "activate-desktop");

            assertThat(browser.problems()).as("no script error, no CSP violation").isEmpty();
        }
    }
}
