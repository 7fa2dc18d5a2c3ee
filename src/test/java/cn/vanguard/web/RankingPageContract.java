package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.security.Role;
import cn.vanguard.testing.Fixtures;

/** The ranking page at size: 50 members a page, sorted, searched and filtered in the database, the list alone for htmx, the export. */
abstract class RankingPageContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    Fixtures.Tree tree;
    Fixtures.Account secretary;
    Fixtures.Account outsider;
    String unit;

    @BeforeEach
    void sixtyMembers() {
        tree = fixtures.tree("city-direct-organs");
        for (int i = 1; i <= 60; i++) {
            String name = String.format("队员%02d", i);
            if (i % 10 == 0) {
                fixtures.member(tree.branch().id(), name, MemberType.PROBATIONARY, Category.IN_SERVICE);
            } else {
                fixtures.member(tree.branch().id(), name);
            }
        }
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        outsider = fixtures.account(Role.SECRETARY, tree.otherBranch().id());
        unit = Long.toString(tree.branch().id());
    }

    private String page(String... params) throws Exception {
        var request = get("/scores").param("unitId", unit).with(secretary.request());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static long count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void fiftyMembersAPageWithPageLinksThatKeepTheFilters() throws Exception {
        String first = page("sort", "name");
        assertThat(count(first, "队员\\d\\d</a>")).isEqualTo(50);
        assertThat(first).contains("队员01</a>").doesNotContain("队员51</a>").contains("共60人").contains("sort=name&amp;page=2");
        String second = page("sort", "name", "page", "2");
        assertThat(count(second, "队员\\d\\d</a>")).isEqualTo(10);
        assertThat(second).contains("队员51</a>").contains("队员60</a>").doesNotContain("队员01</a>");
        String descending = page("sort", "name", "dir", "desc");
        assertThat(descending.indexOf("队员60</a>")).isLessThan(descending.indexOf("队员59</a>"));
    }

    @Test
    void searchAndTypeFilterNarrowTheListAndTheSummary() throws Exception {
        String found = page("q", "队员0");
        assertThat(count(found, "队员\\d\\d</a>")).isEqualTo(9);
        assertThat(found).contains("共9人");
        String probationary = page("type", "PROBATIONARY");
        assertThat(count(probationary, "队员\\d\\d</a>")).isEqualTo(6);
        assertThat(probationary).contains("队员10</a>").doesNotContain("队员11</a>");
        assertThat(page("q", "没有这个人")).contains("没有符合条件的党员");
    }

    @Test
    void htmxGetsTheListAloneAndOthersAreRefused() throws Exception {
        String fragment = mvc.perform(get("/scores").param("unitId", unit).param("page", "2").header("HX-Request", "true").with(secretary.request()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).startsWith("<div id=\"ranking-list\"").doesNotContain("<html").contains("下一页");
        mvc.perform(get("/scores").param("unitId", unit).with(outsider.request())).andExpect(status().isForbidden());
        mvc.perform(get("/scores/export").param("unitId", unit).param("format", "csv").with(outsider.request())).andExpect(status().isForbidden());
    }

    @Test
    void theCsvExportHasEveryMatchingMemberInThePagesOrder() throws Exception {
        String csv = mvc.perform(get("/scores/export").param("unitId", unit).param("format", "csv").param("sort", "name")
                        .param("type", "FORMAL").with(secretary.request()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(55);
        assertThat(lines[0]).startsWith("\uFEFF排名,成员编号,姓名");
        assertThat(lines[1]).contains(",队员01,");
        assertThat(lines[54]).contains(",队员59,");
    }
}
