package cn.vanguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.demo.DemoOrganisation;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;

/**
 * A new secretary's first week in Chromium on the demo organisation, the points of issue 10 not walked by the other
 * browser tests: every role's start page, the Chinese error page, the Excel ledger template from download to import,
 * the messages that name the real problem (a date outside the cycle, an ID card against a birth date), the evidence
 * rules on the forms, the scheme named by its document, and the ledger, roster and member page on paper. Screenshots at
 * 1280 and 375 px and the printed PDFs go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:vanguard-first-week;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vanguard.key-file=target/test-id-card.key"})
@EnabledIf("cn.vanguard.browser.Browser#available")
class FirstWeekBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Guard guard;
    @Autowired
    DemoOrganisation demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void aNewSecretarysFirstWeekInTheBrowser() throws Exception {
        long admin = accounts.createTrusted("diyizhou", "第一周管理员", "FirstWeek2026pass", null, List.of(new Grant(Role.SYSTEM_ADMIN, null)),
                AuditLog.Actor.SYSTEM);
        SignIn.as(admin, "diyizhou");
        String password = demo.load(guard.current()).password();
        SignIn.out();
        try (Browser browser = new Browser("http://localhost:" + port)) {
            startPages(browser, password);
            errorPages(browser, password);
            excelTemplate(browser, password);
            messagesThatSayTheRealProblem(browser, password);
            evidenceRulesAndTheScheme(browser, password);
            onPaper(browser, password);
            assertThat(browser.problems()).as("no script error, no CSP violation").isEmpty();
        }
    }

    /** Each role's start page says what waits and how the unit stands, and links only to pages the person may open. */
    private void startPages(Browser browser, String password) {
        for (String user : List.of("shuji1", "jifen1", "jiandu", "dangyuan1")) {
            Page desk = browser.desktop(user, password);
            assertThat(desk.textContent(".card-title:text('待办')")).isEqualTo("待办");
            Browser.shoot(desk, "home-" + user + "-desktop");
            Page phone = browser.phone(user, password);
            assertThat(((Number) phone.evaluate("document.documentElement.scrollWidth")).intValue()).as(user + " on a phone").isLessThanOrEqualTo(375);
            Browser.shoot(phone, "home-" + user + "-phone");
            List<String> links = desk.locator(".row-cards a.card-link h3").allTextContents();
            for (String href : desk.locator(".row-cards a.card-link").all().stream().map(a -> a.getAttribute("href")).toList()) {
                Page other = desk.context().newPage();
                assertThat(other.navigate(href).status()).as(user + " opens " + href).isEqualTo(200);
                other.close();
            }
            switch (user) {
                case "jiandu" -> assertThat(links).contains("审计日志").doesNotContain("录入积分");
                case "dangyuan1" -> assertThat(desk.textContent("body")).contains("我的" + LocalDate.now(clock).getYear() + "年度积分");
                case "shuji1" -> {
                    // the chart is drawn, and the same figures are a table a click away
                    desk.waitForSelector(".home-chart svg");
                    desk.click("summary:text('以表格查看')");
                    assertThat(desk.locator("table.score-bands tbody tr").count()).isPositive();
                    assertThat(desk.textContent("body")).contains("条积分记录等待您审核", "本月积分记录", "合格");
                    Browser.shoot(desk, "home-shuji1-table-desktop");
                }
                default -> assertThat(links).contains("录入积分");
            }
        }
    }

    /** An address that does not exist answers one Chinese page, under the API too when a browser asks. */
    private void errorPages(Browser browser, String password) {
        Page desk = browser.desktop("shuji1", password);
        for (String address : List.of("/no-such-page", "/api/v1/no-such-thing")) {
            Response response = desk.navigate(address);
            assertThat(response.status()).as(address).isEqualTo(404);
            assertThat(desk.textContent("body")).as(address).contains("找不到页面", "不存在").doesNotContain("Not Found").doesNotContain("\"status\"");
        }
        Browser.shoot(desk, "error-404-desktop");
        Page phone = browser.phone("shuji1", password);
        phone.navigate("/no-such-page");
        Browser.shoot(phone, "error-404-phone");
    }

    /**
     * The scorer downloads the branch's Excel template, fills it as Excel would from its drop-downs, uploads it with one
     * row wrong and reads the problem in the template's own words, then uploads it corrected.
     */
    private void excelTemplate(Browser browser, String password) throws Exception {
        Page desk = browser.desktop("jifen1", password);
        desk.navigate("/entries/import");
        Download download = desk.waitForDownload(() -> desk.click("button:has-text('下载所选组织的 Excel 模板')"));
        Path template = Browser.SCREENSHOTS.resolve("ledger-template.xlsx");
        Files.createDirectories(Browser.SCREENSHOTS);
        download.saveAs(template);
        // the file's name is the server's to give (this Chromium under Playwright reports every download as "download")
        assertThat(desk.request().get(download.url()).headers().get("content-disposition"))
                .isEqualTo("attachment; filename=\"______.xlsx\"; filename*=UTF-8''%E7%A7%AF%E5%88%86%E5%8F%B0%E8%B4%A6%E6%A8%A1%E6%9D%BF.xlsx");
        assertThat(download.url()).as("no form token in an address").doesNotContain("_csrf");

        int year = LocalDate.now(clock).getYear();
        LocalDate day = LocalDate.now(clock).minusDays(1).getYear() == year ? LocalDate.now(clock).minusDays(1) : LocalDate.now(clock);
        Path filled = Files.createTempFile("template-filled", ".xlsx");
        String member;
        String item;
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2), book.getSheetName(3)))
                    .containsExactly("积分台账", "项目", "党员", "填写说明");
            XSSFSheet data = book.getSheet("积分台账");
            assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("成员编号");
            assertThat(data.getDataValidations()).as("drop-downs and checks on the data sheet").hasSizeGreaterThanOrEqualTo(4);
            member = book.getSheet("党员").getRow(1).getCell(0).getStringCellValue();
            item = label(book.getSheet("项目"), "ACT_STUDY");
            assertThat(member).matches("\\S+ \\S+");
            assertThat(item).isEqualTo("参加党支部(党小组)学习（ACT_STUDY）");
            fill(data.createRow(1), member, item, day.toString(), "支部集中学习（模板导入）");
            fill(data.createRow(2), member, item, (year - 1) + "-12-30", "去年的学习");
            try (var out = Files.newOutputStream(filled)) {
                book.write(out);
            }
        }
        desk.setInputFiles("#file", filled);
        desk.click("button:has-text('导入'):not(:has-text('模板'))");
        desk.waitForSelector("text=需要修改的行");
        String problems = desk.textContent("table:has(th:text('行号'))");
        assertThat(problems).contains("第3行", "日期", year + "年度积分周期").doesNotContain("entry_date").doesNotContain("itemCode");
        Browser.shoot(desk, "ledger-template-problem-desktop");

        try (InputStream in = Files.newInputStream(filled); XSSFWorkbook book = new XSSFWorkbook(in)) {
            book.getSheet("积分台账").removeRow(book.getSheet("积分台账").getRow(2));
            try (var out = Files.newOutputStream(filled)) {
                book.write(out);
            }
        }
        desk.setInputFiles("#file", filled);
        desk.click("button:has-text('导入'):not(:has-text('模板'))");
        desk.waitForSelector(".alert-success");
        assertThat(desk.textContent(".alert-success")).contains("已导入1条积分记录，等待审核");
        assertThat(desk.textContent(".ledger-table")).contains("参加党支部(党小组)学习", member.split(" ")[1], "待审核");
        Browser.shoot(desk, "ledger-template-imported-desktop");
        Files.delete(filled);
    }

    private static String label(Sheet items, String code) {
        for (Row row : items) {
            if (row.getRowNum() > 0 && code.equals(row.getCell(1).getStringCellValue())) {
                return row.getCell(0).getStringCellValue();
            }
        }
        throw new AssertionError(code + " is not on the template's sheet of items");
    }

    private static void fill(Row row, String member, String item, String date, String note) {
        row.createCell(0).setCellValue(member);
        row.createCell(1).setCellValue(item);
        row.createCell(2).setCellValue(date);
        row.createCell(6).setCellValue(note);
    }

    /** A date of last year names the cycle; an ID card that contradicts the birth date says which two disagree. */
    private void messagesThatSayTheRealProblem(Browser browser, String password) {
        int year = LocalDate.now(clock).getYear();
        Page scorer = browser.desktop("jifen1", password);
        scorer.navigate("/entries/new");
        scorer.selectOption("#defaultItem", "ACT_STUDY");
        String someone = scorer.getAttribute("#people option >> nth=0", "value");
        scorer.fill("input[name='rows[0].member']", someone);
        scorer.fill("input[name='rows[0].date']", (year - 1) + "-06-30");
        scorer.click("button:has-text('保存全部')");
        Browser.shoot(scorer, "entry-date-outside-cycle-desktop");
        assertThat(scorer.textContent("#rows tr.table-danger td:nth-child(4)")).contains("不在积分周期内", year + "年度积分周期", "请填写" + year + "年内的日期")
                .doesNotContain("发布");
        Browser.shoot(scorer, "entry-date-outside-cycle-desktop");

        Page admin = browser.desktop("dangwei", password);
        admin.navigate("/members/new");
        admin.fill("#name", "王核对");
        admin.selectOption("#gender", "FEMALE");
        admin.fill("#birthDate", "1985-03-12");
        admin.fill("#idCard", "11010519491231002X");
        admin.click("button:has-text('新增')");
        assertThat(admin.textContent("body")).contains("出生日期1985年3月12日与身份证号码中的出生日期1949年12月31日不一致");
        assertThat(admin.inputValue("#name")).as("nothing typed is lost").isEqualTo("王核对");
        Browser.shoot(admin, "member-id-card-desktop");
        Page phone = browser.phone("dangwei", password);
        phone.navigate("/members/new");
        phone.fill("#name", "王核对");
        phone.fill("#birthDate", "1985-03-12");
        phone.fill("#idCard", "11010519491231002X");
        phone.click("button:has-text('新增')");
        phone.locator(".invalid-feedback:has-text('不一致')").first().scrollIntoViewIfNeeded();
        phone.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("member-id-card-phone.png")));
    }

    /** The demo committee's proof rule on the member's declaration form, and its scheme named by its document. */
    private void evidenceRulesAndTheScheme(Browser browser, String password) {
        Page member = browser.phone("dangyuan1", password);
        member.navigate("/declare");
        assertThat(member.textContent("#item option[value=RWD_CITY]")).contains("需提供证明材料或至少2名党员群众证明");
        assertThat(member.textContent("#item option[value=ACT_ESSAY]")).doesNotContain("证明");
        Browser.shoot(member, "declare-evidence-phone");

        Page admin = browser.desktop("dangwei", password);
        long scheme = jdbc.sql("select max(id) from scheme_version where scheme_id = 'city-direct-organs-proof'").query(Long.class).single();
        admin.navigate("/schemes/" + scheme);
        String page = admin.textContent("body");
        assertThat(page).contains("XX市直党员积分制管理办法", "本党委另规定").doesNotContain(".txt").doesNotContain("000_");
        Browser.shoot(admin, "scheme-desktop");
    }

    /** The ledger, a roster and a member's page printed: no menu or filters, the table's header on every sheet. */
    private void onPaper(Browser browser, String password) throws Exception {
        long branch = jdbc.sql("select id from org_unit where name = '第一党支部'").query(Long.class).single();
        long someone = jdbc.sql("select m.id from account a join member m on m.id = a.member_id where a.username = 'dangyuan1'").query(Long.class).single();
        Page secretary = browser.desktop("shuji1", password);
        // the page, a heading of its table, and a label of its filters (or of the menu) that paper does not need
        String[][] pages = {{"/entries", "ledger", "日期", "项目编码"}, {"/members?unitId=" + branch, "roster", "联系电话", "姓名、编号或电话"},
                {"/members/" + someone + "/score", "member-score", "板块", "积分台账"}};
        for (String[] p : pages) {
            secretary.navigate(p[0]);
            Path pdf = Browser.SCREENSHOTS.resolve("print-" + p[1] + ".pdf");
            secretary.pdf(new Page.PdfOptions().setPath(pdf).setPreferCSSPageSize(true).setPrintBackground(true));
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).as(p[0] + " on paper").contains(p[2]).doesNotContain(p[3]).doesNotContain("退出登录").doesNotContain("首页");
                PDPage first = document.getPage(0);
                assertThat(first.getMediaBox().getWidth()).as("A4 width or height, in points").isBetween(590f, 845f);
            }
        }
    }
}
