package cn.vanguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.audit.Channel;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.org.Units;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Role;

/**
 * 审计日志 in Chromium: a supervisor reads lines of every channel with people by name and IPv4 addresses, filters by
 * action, and downloads the export. Screenshots at 1280 and 375 px; the workbook is kept as
 * target/screenshots/audit-export.xlsx for looking at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:vanguard-audit-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vanguard.key-file=target/test-id-card.key"})
@EnabledIf("cn.vanguard.browser.Browser#available")
class AuditPageBrowserTest {

    static final String PASSWORD = "Audit2026pass";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Units units;
    @Autowired
    AuditLog audit;

    @Test
    void aSupervisorReadsWhoDidWhatFromWhereAndExportsIt() throws IOException {
        Unit committee = units.createTrusted(null, "审计测试党委", UnitKind.COMMITTEE, AuditLog.Actor.SYSTEM);
        Unit branch = units.createTrusted(committee.id(), "第一党支部", UnitKind.BRANCH, AuditLog.Actor.SYSTEM);
        accounts.createTrusted("shenji", "孙监督", PASSWORD, null, List.of(new Grant(Role.SUPERVISOR, committee.id())), AuditLog.Actor.SYSTEM);
        long scorer = accounts.createTrusted("zhangsan", "张三", PASSWORD, null, List.of(new Grant(Role.SCORER, branch.id())), AuditLog.Actor.SYSTEM);
        AuditLog.Actor zhang = new AuditLog.Actor(scorer, "zhangsan");
        inRequest("0:0:0:0:0:0:0:1", null, () -> audit.record(zhang, "ATTACHMENT_VIEWED", "ledger_entry", 1024, branch.id(),
                "查看证明材料“表彰.png”（李四 市级表彰）", null, Map.of("file", "表彰.png", "fileId", 7)));
        inRequest("::ffff:192.168.1.20", "考勤机", () -> audit.record(zhang, "ENTRY_SCORER", "ledger_entry", 1025, branch.id(),
                "记分员录入：李四 参加集中学习 2026-11-28", null, Map.of("member", "M0012", "item", "STUDY", "status", "PENDING")));
        audit.record(zhang.through(Channel.IMPORT), "ROSTER_IMPORTED", "roster", null, branch.id(), "导入花名册“一支部.xlsx”：新增3名，修改1名，转接0名",
                null, Map.of("file", "一支部.xlsx", "rows", 4, "added", 3, "updated", 1, "transferred", 0));
        audit.record(AuditLog.Actor.SYSTEM, "PERIOD_FINAL", "evaluation_period", 3, branch.id(), "2026年第三季度公示期满：公示结束",
                Map.of("status", "PUBLISHED"), Map.of("status", "FINAL"));

        try (Browser browser = new Browser("http://localhost:" + port)) {
            Page desktop = browser.desktop("shenji", PASSWORD);
            desktop.navigate("/audit");
            String text = desktop.textContent("#audit-results");
            assertThat(text).contains("张三（zhangsan）").contains("API（考勤机）").contains("192.168.1.20").contains("127.0.0.1")
                    .contains("查看证明材料").contains("导入花名册").contains("状态：").contains("公示中").contains("系统")
                    .doesNotContain("0:0:0:0:0:0:0:1").doesNotContain("ROSTER_IMPORTED");
            Browser.shoot(desktop, "audit-desktop");

            desktop.selectOption("#action", "ROSTER_IMPORTED");
            desktop.click("#audit-filter button[type=submit]");
            desktop.waitForURL("**action=ROSTER_IMPORTED**");
            assertThat(desktop.textContent("#audit-total")).contains("共 1 条记录（已筛选）");
            APIResponse export = desktop.request().get("/audit/export?who=张三");
            assertThat(export.status()).isEqualTo(200);
            Files.createDirectories(Browser.SCREENSHOTS);
            Files.write(Browser.SCREENSHOTS.resolve("audit-export.xlsx"), export.body());

            Page phone = browser.phone("shenji", PASSWORD);
            phone.navigate("/audit");
            assertThat(phone.textContent("#audit-results")).contains("张三（zhangsan）");
            Browser.shoot(phone, "audit-phone");
            assertThat(browser.problems()).isEmpty();
        }
    }

    private static void inRequest(String address, String token, Runnable work) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        if (token != null) {
            request.setAttribute(AuditLog.API_TOKEN_ATTRIBUTE, token);
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            work.run();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
