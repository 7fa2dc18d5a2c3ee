package cn.vanguard.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shipped 2026 calendar, date by date, and the reading of a calendar file. */
class HolidayCalendarTest {

    private static final HolidayCalendar CHINA_2026 = HolidayCalendar.china2026();

    @Test
    void everyDayOffAndEveryMakeUpDayOf2026IsWhatTheStateCouncilSaid() {
        List<String> off = List.of("01-01", "01-02", "01-03", "02-15", "02-16", "02-17", "02-18", "02-19", "02-20", "02-21", "02-22",
                "02-23", "04-04", "04-05", "04-06", "05-01", "05-02", "05-03", "05-04", "05-05", "06-19", "06-20", "06-21", "09-25",
                "09-26", "09-27", "10-01", "10-02", "10-03", "10-04", "10-05", "10-06", "10-07");
        List<String> makeUp = List.of("01-04", "02-14", "02-28", "05-09", "09-20", "10-10");
        for (String day : off) {
            assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-" + day))).as(day).isFalse();
        }
        for (String day : makeUp) {
            LocalDate date = LocalDate.parse("2026-" + day);
            assertThat(date.getDayOfWeek()).as(day).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(CHINA_2026.isWorkingDay(date)).as(day).isTrue();
        }
        assertThat(CHINA_2026.days()).hasSize(off.size() + makeUp.size());
        // every other date of the year: Monday to Friday work, the weekend rests
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            String md = d.toString().substring(5);
            if (!off.contains(md) && !makeUp.contains(md)) {
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                assertThat(CHINA_2026.isWorkingDay(d)).as(d.toString()).isEqualTo(!weekend);
            }
        }
        assertThat(CHINA_2026.covers(2026)).isTrue();
        assertThat(CHINA_2026.covers(2027)).isFalse();
    }

    @Test
    void theNextWorkingDaySkipsDaysOffAndStopsOnAMakeUpDay() {
        assertThat(CHINA_2026.workingDayFrom(LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(CHINA_2026.workingDayFrom(LocalDate.of(2026, 10, 10))).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(CHINA_2026.workingDayFrom(LocalDate.of(2026, 10, 11))).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(CHINA_2026.workingDayFrom(LocalDate.of(2026, 2, 14))).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(CHINA_2026.workingDayFrom(LocalDate.of(2026, 2, 15))).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void aCalendarFileIsReadLineByLineAndEveryLineItCannotReadIsNamed() {
        HolidayCalendar.Parsed parsed = HolidayCalendar.parse("""
                date,kind,name
                # 2027 (a draft)
                2027-01-01,HOLIDAY,元旦
                2027-02-07,上班,春节调休
                2027-13-01,HOLIDAY,不存在的日期
                2027/01/02,HOLIDAY,斜杠
                2027-01-03,REST,未知类型
                2027-01-01,WORKDAY,重复
                2027-01-04
                """);
        assertThat(parsed.calendar().days()).extracting(HolidayCalendar.Day::kind).containsExactly(DayKind.HOLIDAY, DayKind.WORKDAY);
        assertThat(parsed.calendar().isWorkingDay(LocalDate.of(2027, 2, 7))).isTrue();
        assertThat(parsed.problems()).containsExactly(
                "第5行：日期“2027-13-01”应写成 2026-10-01 的格式",
                "第6行：日期“2027/01/02”应写成 2026-10-01 的格式",
                "第7行：类型“REST”应为 HOLIDAY（放假）或 WORKDAY（调休上班）",
                "第8行：2027-01-01 已在前面列过",
                "第9行：应为“日期,类型,名称”三列，例如 2026-10-01,HOLIDAY,国庆节");
        assertThatIllegalArgumentException().isThrownBy(() -> HolidayCalendar.of(List.of(
                new HolidayCalendar.Day(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦"),
                new HolidayCalendar.Day(LocalDate.of(2027, 1, 1), DayKind.WORKDAY, "又一次"))));
    }
}
