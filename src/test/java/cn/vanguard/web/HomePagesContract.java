package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.security.Role;
import cn.vanguard.testing.Fixtures;

/**
 * Start pages by role: each says the state of what its reader answers for (what waits, how the unit's members stand,
 * this month's entries, or the member's own result) and links only to pages the reader may open.
 */
abstract class HomePagesContract {

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#?]*)(?:\\?[^\"]*)?\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Ledger ledger;
    @Autowired
    java.time.Clock clock;

    private String home(Fixtures.Account who) throws Exception {
        return mvc.perform(get("/").with(who.request())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Every page the start page links to (menu included) opens for its reader. */
    private void everyLinkOpens(String html, Fixtures.Account who) throws Exception {
        Matcher m = HREF.matcher(html);
        List<String> links = new ArrayList<>();
        while (m.find()) {
            String href = m.group(1);
            if (!href.startsWith("/webjars") && !href.startsWith("/css") && !href.startsWith("/js") && !href.startsWith("/favicon")
                    && !href.equals("/logout") && !links.contains(href)) {
                links.add(href);
            }
        }
        assertThat(links).isNotEmpty();
        for (String link : links) {
            int code = mvc.perform(get(link).with(who.request())).andReturn().getResponse().getStatus();
            assertThat(code).as(who.username() + " opens " + link).isIn(200, 302);
        }
    }

    @Test
    void eachStartPageSaysTheStateOfWhatItsReaderAnswersForAndLinksOnlyWhereTheyMayGo() throws Exception {
        Fixtures.Tree tree = fixtures.tree("city-direct-organs");
        long alice = fixtures.member(tree.branch().id(), "首页甲");
        long bob = fixtures.member(tree.branch().id(), "首页乙");
        Fixtures.Account secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        Fixtures.Account scorer = fixtures.account(Role.SCORER, tree.branch().id());
        // the application's date (China): from 16:00 UTC it is already tomorrow there
        LocalDate today = LocalDate.now(clock);
        ledger.seedTrusted(List.of(
                new Ledger.Seed(alice, "ACT_MEETING", today, BigDecimal.ONE, null, null, "支部党员大会", null, EntrySource.SCORER,
                        EntryStatus.APPROVED, scorer.id(), null, secretary.id(), null),
                new Ledger.Seed(bob, "ACT_MEETING", today, BigDecimal.ONE, null, null, "支部党员大会", null, EntrySource.SCORER,
                        EntryStatus.PENDING, scorer.id(), null, null, null)), AuditLog.Actor.SYSTEM);

        String forSecretary = home(secretary);
        assertThat(forSecretary).contains("待办").contains("条积分记录等待您审核").contains(tree.branch().name() + " " + today.getYear() + "年度积分分布")
                .contains("data-chart=").contains("以表格查看").contains("分（含）至").contains("本月积分记录").contains("首页乙 · ")
                .contains("href=\"/entries/new\"").doesNotContain("href=\"/audit\"");
        everyLinkOpens(forSecretary, secretary);

        Fixtures.Account supervisor = fixtures.account(Role.SUPERVISOR, tree.committee().id());
        String forSupervisor = home(supervisor);
        assertThat(forSupervisor).contains("href=\"/audit\"").contains("审计日志").contains("积分分布")
                .doesNotContain("href=\"/entries/new\"").doesNotContain("条积分记录等待您审核");
        everyLinkOpens(forSupervisor, supervisor);

        Fixtures.Account member = fixtures.memberAccount(alice, tree.branch().id());
        String forMember = home(member);
        assertThat(forMember).contains("我的" + today.getYear() + "年度积分").contains("每一分的来由").doesNotContain("积分分布")
                .doesNotContain("本月积分记录").doesNotContain("href=\"/entries/new\"").doesNotContain("href=\"/members\"");
        everyLinkOpens(forMember, member);
    }
}
