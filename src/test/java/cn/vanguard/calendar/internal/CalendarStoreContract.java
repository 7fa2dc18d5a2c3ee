package cn.vanguard.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.calendar.CalendarProblem;
import cn.vanguard.calendar.CalendarRejected;
import cn.vanguard.calendar.Calendars;
import cn.vanguard.calendar.Calendars.DayInput;
import cn.vanguard.calendar.DayKind;
import cn.vanguard.calendar.HolidayCalendar;
import cn.vanguard.calendar.WindowUnit;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * The stored calendar: the shipped year loaded once, windows counted on what is stored, changes all or nothing with
 * every problem named, only by committee and system administrators, each audited. Each test changes a year of its own.
 */
abstract class CalendarStoreContract {

    @Autowired
    Calendars calendars;
    @Autowired
    ShippedYears shipped;
    @Autowired
    AuditLog audit;
    @Autowired
    Fixtures fixtures;

    Fixtures.Tree tree;
    Fixtures.Account admin;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    private static DayInput row(int row, String date, String kind, String name) {
        return new DayInput(row, date, kind, name);
    }

    @Test
    void theShippedYearIsStoredAndTheSpecsWindowIsCountedOnIt() {
        assertThat(calendars.years()).contains(2026);
        assertThat(calendars.year(2026)).hasSize(HolidayCalendar.china2026().days().size());
        assertThat(calendars.year(2026).stream().map(Calendars.StoredDay::day).toList()).isEqualTo(HolidayCalendar.china2026().days());
        assertThat(calendars.window(d("2026-09-24"), 5, WindowUnit.WORKING_DAYS).last()).isEqualTo(d("2026-10-08"));
        assertThat(calendars.window(d("2026-09-24"), 7, WindowUnit.CALENDAR_DAYS).last()).isEqualTo(d("2026-09-30"));
        assertThat(audit.recent(null, "2026 年载入随产品发布的官方日历", null, null, 10))
                .singleElement().satisfies(line -> assertThat(line.username()).isEqualTo("system"));
    }

    @Test
    void theLoaderFillsAnEmptyYearOnceAndLeavesAYearWithDaysAlone() {
        List<HolidayCalendar.Day> days = List.of(new HolidayCalendar.Day(d("2041-10-01"), DayKind.HOLIDAY, "国庆节"));
        assertThat(shipped.loadIfAbsent(2041, days, "测试")).isTrue();
        assertThat(shipped.loadIfAbsent(2041, List.of(new HolidayCalendar.Day(d("2041-10-02"), DayKind.HOLIDAY, "国庆节")), "测试"))
                .isFalse();
        assertThat(calendars.year(2041)).extracting(s -> s.day().date()).containsExactly(d("2041-10-01"));
        assertThat(calendars.inForce().isWorkingDay(d("2041-10-01"))).isFalse();
    }

    @Test
    void aYearReplacedIsInForceAtOnceAndAudited() {
        admin.signIn();
        calendars.replaceYear(2031, List.of(row(2, "2031-10-01", "节假日", "国庆节"), row(3, "2031/10/2", "HOLIDAY", "国庆节"),
                row(4, "2031-09-27", "调休上班", "国庆节调休上班")), "测试文件.csv");
        HolidayCalendar calendar = calendars.inForce();
        assertThat(calendar.isWorkingDay(d("2031-10-01"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2031-09-27"))).as("a Saturday made a working day").isTrue();
        assertThat(calendars.window(d("2031-09-26"), 3, WindowUnit.WORKING_DAYS).days())
                .containsExactly(d("2031-09-26"), d("2031-09-27"), d("2031-09-29"));
        calendars.replaceYear(2031, List.of(row(2, "2031-01-01", "节假日", "元旦")), "第二个文件.xlsx");
        assertThat(calendars.year(2031)).extracting(s -> s.day().date()).containsExactly(d("2031-01-01"));
        assertThat(calendars.year(2031).get(0).updatedBy()).isEqualTo(admin.username());
        assertThat(calendars.inForce().isWorkingDay(d("2031-10-01"))).as("the first file's days are gone").isTrue();
        List<AuditLog.Line> lines = audit.recent(null, "节假日日历 2031 年整年替换", null, null, 10);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).username()).isEqualTo(admin.username());
        assertThat(lines.get(0).summary()).contains("第二个文件.xlsx").contains("原 3 天，现 1 天");
        assertThat(lines.get(0).beforeFields().get("days")).contains("2031-09-27 调休上班 国庆节调休上班");
        assertThat(lines.get(0).afterFields().get("days")).isEqualTo("2031-01-01 节假日 元旦");
    }

    @Test
    void aListWithAnyBadRowChangesNothingAndNamesEveryProblem() {
        admin.signIn();
        calendars.replaceYear(2032, List.of(row(2, "2032-10-01", "节假日", "国庆节")), "原来的");
        List<DayInput> bad = List.of(
                row(2, "2032-10-02", "节假日", "国庆节"),
                row(3, "2032-13-01", "节假日", "国庆节"),
                row(4, "2033-01-01", "节假日", "元旦"),
                row(5, "2032-10-03", "放几天", "国庆节"),
                row(6, "2032-10-04", "节假日", ""),
                row(7, "2032-10-02", "节假日", "国庆节"),
                row(8, "2032-10-08", "调休上班", "国庆节调休上班"),
                row(9, "2032-10-05", "节假日", "国".repeat(41)));
        assertThatThrownBy(() -> calendars.replaceYear(2032, bad, "坏文件.csv")).isInstanceOfSatisfying(CalendarRejected.class, e ->
                assertThat(e.problems()).extracting(CalendarProblem::row, CalendarProblem::field).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "日期"), org.assertj.core.groups.Tuple.tuple(4, "日期"),
                        org.assertj.core.groups.Tuple.tuple(5, "类型"), org.assertj.core.groups.Tuple.tuple(6, "名称"),
                        org.assertj.core.groups.Tuple.tuple(7, "日期"), org.assertj.core.groups.Tuple.tuple(8, "类型"),
                        org.assertj.core.groups.Tuple.tuple(9, "名称")));
        assertThatThrownBy(() -> calendars.replaceYear(2032, bad, "坏文件.csv")).isInstanceOfSatisfying(CalendarRejected.class, e -> {
            List<String> messages = e.problems().stream().map(CalendarProblem::message).toList();
            assertThat(messages.get(0)).isEqualTo("“2032-13-01”不是日期：请写成 2026-10-01 的格式");
            assertThat(messages.get(1)).isEqualTo("2033-01-01 不在 2032 年：请删除该行，或把它导入 2033 年的日历");
            assertThat(messages.get(2)).isEqualTo("“放几天”无法识别：请填写“节假日”或“调休上班”");
            assertThat(messages.get(3)).startsWith("不能为空：请写明所属节日");
            assertThat(messages.get(4)).isEqualTo("2032-10-02 已在第 2 行列过：每个日期只能列一次，请删除其中一行");
            assertThat(messages.get(5)).isEqualTo("2032-10-08 是周五，本来就上班：调休上班日应是周六或周日，请改日期或删除该行");
            assertThat(messages.get(6)).isEqualTo("名称不超过40字");
        });
        assertThatThrownBy(() -> calendars.replaceYear(2032, List.of(), "空文件.csv")).isInstanceOf(CalendarRejected.class)
                .hasMessageContaining("没有任何日期");
        assertThat(calendars.year(2032)).extracting(s -> s.day().date()).containsExactly(d("2032-10-01"));
        assertThat(audit.recent(null, "节假日日历 2032 年整年替换", null, null, 10)).hasSize(1);
    }

    @Test
    void aDayIsAddedEditedAndRemovedEachAudited() {
        admin.signIn();
        calendars.put(null, row(0, "2033-05-01", "节假日", "劳动节"));
        assertThat(calendars.inForce().isWorkingDay(d("2033-05-02"))).isTrue();
        calendars.put(d("2033-05-01"), row(0, "2033-05-02", "节假日", "劳动节"));
        assertThat(calendars.year(2033)).extracting(s -> s.day().date()).containsExactly(d("2033-05-02"));
        assertThat(calendars.inForce().isWorkingDay(d("2033-05-02"))).isFalse();
        calendars.put(null, row(0, "2033-05-07", "调休上班", "劳动节调休上班"));
        assertThatThrownBy(() -> calendars.put(null, row(0, "2033-05-07", "节假日", "重复"))).isInstanceOf(CalendarRejected.class)
                .hasMessageContaining("2033-05-07 已列为“劳动节调休上班”（调休上班）");
        calendars.remove(d("2033-05-07"));
        assertThat(calendars.inForce().isWorkingDay(d("2033-05-07"))).as("a Saturday again").isFalse();
        assertThat(audit.recent(null, "节假日日历新增 2033", null, null, 10)).hasSize(2);
        AuditLog.Line changed = audit.recent(null, "节假日日历修改 2033-05-02", null, null, 10).get(0);
        assertThat(changed.beforeFields()).containsEntry("date", "2033-05-01");
        assertThat(changed.afterFields()).containsEntry("date", "2033-05-02").containsEntry("kind", "节假日");
        assertThat(audit.recent(null, "节假日日历删除 2033-05-07", null, null, 10)).singleElement()
                .satisfies(line -> assertThat(line.action()).isEqualTo("CALENDAR_DAY_REMOVED"));
    }

    @Test
    void onlyCommitteeAndSystemAdministratorsChangeItAndARefusalChangesNothing() {
        fixtures.account(Role.SYSTEM_ADMIN, null).signIn();
        assertThat(calendars.mayChange()).isTrue();
        calendars.put(null, row(0, "2034-01-01", "节假日", "元旦"));
        for (Role role : List.of(Role.SECRETARY, Role.SCORER, Role.GROUP_LEADER, Role.MEMBER, Role.SUPERVISOR)) {
            fixtures.account(role, tree.branch().id()).signIn();
            assertThat(calendars.mayChange()).as(role.name()).isFalse();
            assertThatThrownBy(() -> calendars.put(null, row(0, "2034-01-02", "节假日", "元旦"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> calendars.remove(d("2034-01-01"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> calendars.remove(d("2034-06-01"))).as("a refusal says nothing of what is listed")
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> calendars.replaceYear(2034, List.of(row(2, "2034-02-01", "节假日", "春节")), "x.csv"))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(calendars.year(2034)).extracting(s -> s.day().date()).containsExactly(d("2034-01-01"));
    }
}
