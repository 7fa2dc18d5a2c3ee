package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.vanguard.calendar.Calendars;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/** 节假日日历: read by everybody, changed by committee administrators only, a file imported all or nothing. H2 and PostgreSQL. */
abstract class CalendarPagesContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Calendars calendars;
    @Autowired
    Clock clock;

    Fixtures.Tree tree;
    Fixtures.Account admin;
    Fixtures.Account secretary;
    Fixtures.Account member;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        member = fixtures.memberAccount(fixtures.member(tree.branch().id(), "日历读者"), tree.branch().id());
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private String page(String url, Fixtures.Account who) throws Exception {
        return mvc.perform(get(url).with(who.request())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static MockMultipartFile csv(String name, String text) {
        return new MockMultipartFile("file", name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private List<LocalDate> dates(int year) {
        return calendars.year(year).stream().map(d -> d.day().date()).toList();
    }

    @Test
    void aMemberReadsTheYearAsAListAndMonthGridsWithoutTheForms() throws Exception {
        String html = page("/calendar?year=2026", member);
        assertThat(html).contains("2026年节假日日历", "2026年：节假日 33 天，调休上班 6 天", "国庆节调休上班", "10月1日 周四", "id=\"day-2026-10-01\"")
                .contains("class=\"cal-holiday\"", "class=\"cal-makeup\"", "class=\"cal-weekend\"", "2026-10-10 周六 国庆节调休上班（调休上班）")
                .doesNotContain("calendar-import", "calendar-add", "/calendar/days/2026-10-01/remove");
        String fragment = mvc.perform(get("/calendar?year=2025").header("HX-Request", "true").with(member.request()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("id=\"calendar-body\"", "2025年还没有录入节假日安排。").doesNotContain("<html", "navbar");
        mvc.perform(get("/calendar?year=1999").with(member.request())).andExpect(status().isNotFound());
    }

    @Test
    void thePageWarnsWhenThisYearOrTheNextHasNoCalendar() throws Exception {
        int year = LocalDate.now(clock).getYear();
        Set<Integer> years = calendars.years();
        String html = page("/calendar", member);
        for (int y : List.of(year, year + 1)) {
            if (years.contains(y)) {
                assertThat(html).doesNotContain(y + "年的节假日安排尚未录入").doesNotContain("、" + y + "年的节假日安排尚未录入");
            } else {
                assertThat(html).contains("id=\"calendar-missing\"").containsPattern(y + "年(、\\d+年)?的节假日安排尚未录入");
            }
        }
        if (!years.contains(year) || !years.contains(year + 1)) {
            assertThat(html).contains("请联系党委管理员录入");
            assertThat(page("/calendar", admin)).contains("用下方“导入”录入该年的日历");
        }
    }

    @Test
    void anAdministratorImportsAFileAndDownloadsItBackInBothFormats() throws Exception {
        mvc.perform(multipart("/calendar/import").file(csv("2035年.csv", "日期,类型,名称\n2035-10-01,节假日,国庆节\n2035/10/2,节假日,国庆节\n"
                        + "2035-09-29,调休上班,国庆节调休上班\n")).param("year", "2035").with(admin.request()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/calendar?year=2035"))
                .andExpect(flash().attribute("flash", "已导入“2035年.csv”：2035年的日历现为文件中的 3 天。"));
        assertThat(dates(2035)).containsExactly(LocalDate.parse("2035-09-29"), LocalDate.parse("2035-10-01"), LocalDate.parse("2035-10-02"));
        byte[] csv = mvc.perform(get("/calendar/2035/days.csv").with(member.request())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFF日期,类型,名称\r\n2035-09-29,调休上班,国庆节调休上班\r\n"
                + "2035-10-01,节假日,国庆节\r\n2035-10-02,节假日,国庆节\r\n");
        byte[] xlsx = mvc.perform(get("/calendar/2035/days.xlsx").with(member.request())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        mvc.perform(multipart("/calendar/import").file(csv("2035年.csv", "date,kind,name\n2035-01-01,HOLIDAY,元旦\n")).param("year", "2035")
                .with(admin.request()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(dates(2035)).containsExactly(LocalDate.parse("2035-01-01"));
        mvc.perform(multipart("/calendar/import").file(new MockMultipartFile("file", "2035年.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx)).param("year", "2035")
                        .with(admin.request()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(dates(2035)).as("the downloaded workbook reads back as it was")
                .containsExactly(LocalDate.parse("2035-09-29"), LocalDate.parse("2035-10-01"), LocalDate.parse("2035-10-02"));
        assertThat(new String(mvc.perform(get("/calendar/2043/days.csv").with(member.request())).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8)).as("an empty year is the template").isEqualTo("\uFEFF日期,类型,名称\r\n");
    }

    @Test
    void aBadFileChangesNothingAndEveryProblemIsListedByRowAndField() throws Exception {
        admin.signIn();
        calendars.replaceYear(2044, List.of(new Calendars.DayInput(2, "2044-01-01", "节假日", "元旦")), "测试");
        SignIn.out();
        String html = mvc.perform(multipart("/calendar/import").file(csv("坏.csv", "日期,类型,名称\n2044-10-01,节假日,国庆节\n"
                        + "2044-10-32,节假日,国庆节\n2045-01-01,节假日,元旦\n2044-10-03,放假吗,国庆节\n2044-10-04,节假日,\n"
                        + "2044-10-01,节假日,国庆节\n2044-10-10,调休上班,国庆节调休上班\n")).param("year", "2044")
                        .with(admin.request()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("“坏.csv”没有导入，2044年的日历没有改动：有 6 处需要修改，见下方列表。")
                .contains("第3行", "“2044-10-32”不是日期：请写成 2026-10-01 的格式")
                .contains("第4行", "2045-01-01 不在 2044 年：请删除该行，或把它导入 2045 年的日历")
                .contains("第5行", "“放假吗”无法识别：请填写“节假日”或“调休上班”")
                .contains("第6行", "不能为空：请写明所属节日")
                .contains("第7行", "2044-10-01 已在第 2 行列过")
                .contains("第8行", "2044-10-10 是周一，本来就上班");
        String missing = mvc.perform(multipart("/calendar/import").file(csv("缺列.csv", "日期,名称\n2044-10-01,国庆节\n")).param("year", "2044")
                .with(admin.request()).with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(missing).contains("缺少列“类型”：表头应为“日期,类型,名称”");
        assertThat(dates(2044)).containsExactly(LocalDate.parse("2044-01-01"));
    }

    @Test
    void anAdministratorAddsEditsAndRemovesADay() throws Exception {
        mvc.perform(post("/calendar/days").param("year", "2045").param("date", "2045-05-01").param("kind", "HOLIDAY").param("name", "劳动节")
                .with(admin.request()).with(csrf())).andExpect(redirectedUrl("/calendar?year=2045"));
        mvc.perform(post("/calendar/days/2045-05-01").param("newDate", "2045-05-02").param("kind", "HOLIDAY").param("name", "劳动节")
                .with(admin.request()).with(csrf())).andExpect(redirectedUrl("/calendar?year=2045"));
        assertThat(dates(2045)).containsExactly(LocalDate.parse("2045-05-02"));
        String refused = mvc.perform(post("/calendar/days").param("year", "2045").param("date", "2045-05-02").param("kind", "HOLIDAY")
                .param("name", "重复").with(admin.request()).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("这一天没有加入日历：日期：2045-05-02 已列为“劳动节”（节假日）");
        assertThat(page("/calendar?year=2045", admin)).contains("/calendar/days/2045-05-02/remove", "calendar-import", "calendar-add");
        mvc.perform(post("/calendar/days/2045-05-02/remove").with(admin.request()).with(csrf())).andExpect(redirectedUrl("/calendar?year=2045"));
        assertThat(dates(2045)).isEmpty();
    }

    @Test
    void onlyCommitteeAdministratorsChangeItAndARefusalRevealsNothing() throws Exception {
        admin.signIn();
        calendars.replaceYear(2046, List.of(new Calendars.DayInput(2, "2046-01-01", "节假日", "元旦保密名")), "测试");
        SignIn.out();
        for (Fixtures.Account who : List.of(secretary, member)) {
            assertThat(page("/calendar?year=2046", who)).doesNotContain("calendar-import", "calendar-add", "/remove");
            for (var request : List.of(
                    post("/calendar/days").param("year", "2046").param("date", "2046-02-01").param("kind", "HOLIDAY").param("name", "春节"),
                    post("/calendar/days/2046-01-01").param("newDate", "2046-01-02").param("kind", "HOLIDAY").param("name", "x"),
                    post("/calendar/days/2046-01-01/remove"), post("/calendar/days/2046-07-01/remove"),
                    multipart("/calendar/import").file(csv("x.csv", "日期,类型,名称\n2046-13-01,节假日,国庆节\n")).param("year", "2046"))) {
                String body = mvc.perform(request.with(who.request()).with(csrf())).andExpect(status().isForbidden()).andReturn()
                        .getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(body).doesNotContain("元旦保密名", "2046-13-01", "不是日期", "日历中没有");
            }
        }
        assertThat(calendars.year(2046)).singleElement().satisfies(d -> assertThat(d.day().name()).isEqualTo("元旦保密名"));
    }

    @Test
    void hostileNamesAreShownAsTextDownloadedInertAndReadBackAsTheyWere() throws Exception {
        String formula = "=HYPERLINK(\"http://x\",\"<b>节</b>\")";
        mvc.perform(post("/calendar/days").param("year", "2047").param("date", "2047-10-01").param("kind", "HOLIDAY").param("name", formula)
                .with(admin.request()).with(csrf())).andExpect(redirectedUrl("/calendar?year=2047"));
        assertThat(page("/calendar?year=2047", member)).contains("&lt;b&gt;节&lt;/b&gt;").doesNotContain("<b>节</b>");
        String csv = new String(mvc.perform(get("/calendar/2047/days.csv").with(member.request())).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("2047-10-01,节假日,\"'=HYPERLINK(");
        mvc.perform(multipart("/calendar/import").file(csv("2047.csv", csv)).param("year", "2047").with(admin.request()).with(csrf()))
                .andExpect(redirectedUrl("/calendar?year=2047"));
        assertThat(calendars.year(2047)).singleElement().satisfies(d -> assertThat(d.day().name()).isEqualTo(formula));
        String refused = mvc.perform(post("/calendar/days").param("year", "2047").param("date", "2047-10-02").param("kind", "HOLIDAY")
                .param("name", "国庆\u202E节").with(admin.request()).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("名称含有不可见的控制字符或无效字符（第3个字）");
        assertThat(dates(2047)).containsExactly(LocalDate.parse("2047-10-01"));
    }
}
