package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/** The audit log page: scope, filters, Chinese labels, before → after, and reading on page by page. H2 and PostgreSQL. */
abstract class AuditPagesContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AuditLog audit;

    Fixtures.Tree tree;
    Fixtures.Tree otherTree;
    Fixtures.Account supervisor;
    Fixtures.Account system;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        otherTree = fixtures.tree("city-direct-organs");
        supervisor = fixtures.account(Role.SUPERVISOR, tree.committee().id());
        system = fixtures.account(Role.SYSTEM_ADMIN, null);
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private String page(String url, Fixtures.Account who) throws Exception {
        return mvc.perform(get(url).with(who.request())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void line(String summary, Long unitId) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("name", "旧名称");
        before.put("kind", "BRANCH");
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", "新名称");
        after.put("kind", "BRANCH");
        audit.record(new AuditLog.Actor(null, "tester"), "UNIT_RENAMED", "unit", unitId, unitId, summary, before, after);
    }

    @Test
    void aSupervisorSeesTheLinesOfTheirCommitteeOnly() throws Exception {
        String mine = Fixtures.unique("本委");
        String theirs = Fixtures.unique("他委");
        line(mine, tree.branch().id());
        line(theirs, otherTree.branch().id());
        line(Fixtures.unique("无组织"), null);
        String html = page("/audit", supervisor);
        assertThat(html).contains(mine).doesNotContain(theirs);
        assertThat(page("/audit?text=" + theirs, system)).contains(theirs);
        assertThat(page("/audit", supervisor)).contains(tree.committee().name()).doesNotContain(otherTree.committee().name());
    }

    @Test
    void theTextFilterFindsPercentAndUnderscoreLiterally() {
        String tag = Fixtures.unique("进度");
        line(tag + "完成50%", tree.branch().id());
        line(tag + "完成500", tree.branch().id());
        line(tag + "a_b", tree.branch().id());
        line(tag + "axb", tree.branch().id());
        List<Long> units = List.of(tree.branch().id());
        assertThat(audit.recent(units, tag + "完成50%", null, null, 10)).extracting(AuditLog.Line::summary).containsExactly(tag + "完成50%");
        assertThat(audit.recent(units, "_b", null, null, 100)).extracting(AuditLog.Line::summary).containsExactly(tag + "a_b");
    }

    @Test
    void onlyThoseWhoMayViewTheLogOpenIt() throws Exception {
        mvc.perform(get("/audit").with(fixtures.account(Role.SCORER, tree.branch().id()).request())).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(fixtures.account(Role.SECRETARY, tree.branch().id()).request())).andExpect(status().isForbidden());
        page("/audit", fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id()));
    }

    @Test
    void linesReadInChineseWithTheirChanges() throws Exception {
        String summary = Fixtures.unique("更名");
        line(summary, tree.branch().id());
        String html = page("/audit?text=" + summary, supervisor);
        assertThat(html).contains("组织更名").contains("名称：").contains("旧名称").contains("新名称").contains("tester")
                .doesNotContain("党支部 →");
        assertThat(SchemePagesContract.count(html, "class=\"audit-line\"")).isEqualTo(1);
    }

    @Test
    void textAndDatesFilterTheLines() throws Exception {
        String summary = Fixtures.unique("筛选");
        line(summary, tree.branch().id());
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(page("/audit?text=" + summary + "&from=" + today + "&to=" + today, supervisor)).contains(summary);
        assertThat(page("/audit?text=" + summary + "&from=" + today.plusDays(1), supervisor)).doesNotContain(summary + "<").contains("没有符合条件的记录");
        assertThat(page("/audit?text=" + summary + "&to=" + today.minusDays(1), supervisor)).contains("没有符合条件的记录");
        assertThat(page("/audit?text=" + Fixtures.unique("无此"), supervisor)).contains("没有符合条件的记录");
        assertThat(page("/audit?from=2026-13-01", supervisor)).contains("日期格式应为");
    }

    @Test
    void olderLinesComePageByPage() throws Exception {
        String prefix = Fixtures.unique("分页");
        for (int i = 1; i <= AuditController.PAGE + 5; i++) {
            line(prefix + "-" + i + "号", tree.branch().id());
        }
        String first = page("/audit?text=" + prefix, supervisor);
        assertThat(SchemePagesContract.count(first, "class=\"audit-line\"")).isEqualTo(AuditController.PAGE);
        assertThat(first).contains(prefix + "-55号").doesNotContain(prefix + "-5号<").contains("更早的记录");
        String more = first.substring(first.indexOf("hx-get=\"") + 8);
        more = more.substring(0, more.indexOf('"')).replace("&amp;", "&");
        String rows = mvc.perform(get(java.net.URI.create(more)).header("HX-Request", "true").with(supervisor.request())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(rows).doesNotContain("<html").contains(prefix + "-5号").contains(prefix + "-1号").doesNotContain(prefix + "-6号");
        assertThat(SchemePagesContract.count(rows, "class=\"audit-line\"")).isEqualTo(5);
        assertThat(rows).doesNotContain("更早的记录");
    }
}
