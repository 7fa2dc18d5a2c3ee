package cn.vanguard.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.vanguard.calendar.HolidayCalendar;
import cn.vanguard.security.Role;
import cn.vanguard.testing.Fixtures;

/** The calendar through the API: a year's days, working days and windows on the stored calendar, a year replaced all or nothing. */
abstract class CalendarApiContract extends ApiTesting {

    Fixtures.Tree tree;
    String admin;
    String secretary;
    String member;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        admin = token(fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id()));
        secretary = token(fixtures.account(Role.SECRETARY, tree.branch().id()));
        member = token(fixtures.account(Role.MEMBER, tree.branch().id()));
    }

    @Test
    void anyCallerReadsTheShippedYearAndItsWorkingDays() throws Exception {
        mvc.perform(getAs(member, "/api/v1/calendar/years/2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.covered").value(true))
                .andExpect(jsonPath("$.days", hasSize(HolidayCalendar.china2026().days().size())))
                .andExpect(jsonPath("$.days[0].date").value("2026-01-01"))
                .andExpect(jsonPath("$.days[0].kind").value("HOLIDAY"))
                .andExpect(jsonPath("$.days[0].kindLabel").value("节假日"))
                .andExpect(jsonPath("$.days[0].name").value("元旦"));
        mvc.perform(getAs(member, "/api/v1/calendar/years/2039")).andExpect(status().isOk())
                .andExpect(jsonPath("$.covered").value(false)).andExpect(jsonPath("$.days", hasSize(0)));
        mvc.perform(getAs(member, "/api/v1/calendar/dates/2026-10-10")).andExpect(status().isOk())
                .andExpect(jsonPath("$.workingDay").value(true)).andExpect(jsonPath("$.listed.kind").value("MAKEUP_WORKDAY"))
                .andExpect(jsonPath("$.listed.name").value("国庆节调休上班")).andExpect(jsonPath("$.yearCovered").value(true));
        mvc.perform(getAs(member, "/api/v1/calendar/dates/2026-10-01")).andExpect(jsonPath("$.workingDay").value(false));
        mvc.perform(getAs(member, "/api/v1/calendar/dates/2026-10-09")).andExpect(jsonPath("$.workingDay").value(true))
                .andExpect(jsonPath("$.listed").doesNotExist());
        mvc.perform(getAs(member, "/api/v1/calendar/years/1999")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("2000至2100")));
    }

    @Test
    void theSpecsWindowEndsOnTheEighthOfOctober() throws Exception {
        mvc.perform(getAs(secretary, "/api/v1/calendar/window?start=2026-09-24&days=5&unit=WORKING_DAYS"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days", contains("2026-09-24", "2026-09-28", "2026-09-29", "2026-09-30", "2026-10-08")))
                .andExpect(jsonPath("$.last").value("2026-10-08"))
                .andExpect(jsonPath("$.ends").value("2026-10-09T00:00:00+08:00"))
                .andExpect(jsonPath("$.wording").value("公示时间：2026年9月24日至10月8日（5个工作日）"))
                .andExpect(jsonPath("$.uncoveredYears", hasSize(0)));
        mvc.perform(getAs(secretary, "/api/v1/calendar/window?start=2026-09-24&days=7&unit=CALENDAR_DAYS"))
                .andExpect(jsonPath("$.last").value("2026-09-30"));
        mvc.perform(getAs(secretary, "/api/v1/calendar/window?start=2038-12-30&days=5"))
                .andExpect(jsonPath("$.uncoveredYears", contains(2038, 2039)));
        mvc.perform(getAs(secretary, "/api/v1/calendar/window?start=2026-09-24&days=0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.days").value("公示天数应为1至60天，不是0"));
        mvc.perform(getAs(secretary, "/api/v1/calendar/window?start=2026-09-24&days=5&unit=WEEKS")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.unit").exists());
    }

    @Test
    void anAdministratorReplacesAYearAndTheWindowFollowsIt() throws Exception {
        mvc.perform(getAs(member, "/api/v1/calendar/window?start=2036-09-29&days=3")).andExpect(jsonPath("$.last").value("2036-10-01"));
        mvc.perform(json(admin, put("/api/v1/calendar/years/2036"), """
                        {"days":[{"date":"2036-10-01","kind":"HOLIDAY","name":"国庆节"},
                                 {"date":"2036-10-02","kind":"节假日","name":"国庆节"},
                                 {"date":"2036-09-28","kind":"MAKEUP_WORKDAY","name":"国庆节调休上班"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.covered").value(true))
                .andExpect(jsonPath("$.days[*].date", contains("2036-09-28", "2036-10-01", "2036-10-02")))
                .andExpect(jsonPath("$.days[0].kind").value("MAKEUP_WORKDAY"));
        mvc.perform(getAs(member, "/api/v1/calendar/window?start=2036-09-27&days=3"))
                .andExpect(jsonPath("$.days", contains("2036-09-28", "2036-09-29", "2036-09-30")));
        mvc.perform(getAs(member, "/api/v1/calendar/window?start=2036-09-30&days=2"))
                .andExpect(jsonPath("$.days", contains("2036-09-30", "2036-10-03")));
    }

    @Test
    void aBadListChangesNothingAndNamesEveryItem() throws Exception {
        mvc.perform(json(admin, put("/api/v1/calendar/years/2037"), "{\"days\":[{\"date\":\"2037-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}]}"))
                .andExpect(status().isOk());
        mvc.perform(json(admin, put("/api/v1/calendar/years/2037"), """
                        {"days":[{"date":"2037-10-01","kind":"HOLIDAY","name":"国庆节"},
                                 {"date":"2037-02-30","kind":"HOLIDAY","name":"春节"},
                                 {"date":"2037-10-02","kind":"休假","name":"国庆节"},
                                 {"date":"2037-10-05","kind":"MAKEUP_WORKDAY","name":""}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("日历未改动"))
                .andExpect(jsonPath("$.problems[*].path", contains("days[1].date", "days[2].kind", "days[3].name", "days[3].kind")))
                .andExpect(jsonPath("$.problems[0].line").value(2))
                .andExpect(jsonPath("$.problems[0].message").value("日期：“2037-02-30”不是日期：请写成 2026-10-01 的格式"))
                .andExpect(jsonPath("$.problems[3].message").value(containsString("调休上班日应是周六或周日")));
        mvc.perform(getAs(admin, "/api/v1/calendar/years/2037")).andExpect(jsonPath("$.days[*].date", contains("2037-01-01")));
    }

    @Test
    void aSecretaryOrMemberIsRefusedAndLearnsNothing() throws Exception {
        for (String token : new String[] {secretary, member}) {
            mvc.perform(json(token, put("/api/v1/calendar/years/2038"), "{\"days\":[{\"date\":\"2038-13-01\",\"kind\":\"X\",\"name\":\"\"}]}"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.title").value("无权操作"))
                    .andExpect(jsonPath("$.problems").doesNotExist())
                    .andExpect(content().string(not(containsString("2038-13-01"))));
        }
        mvc.perform(getAs(admin, "/api/v1/calendar/years/2038")).andExpect(jsonPath("$.covered").value(false));
    }
}
