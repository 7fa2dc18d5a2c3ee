package cn.vanguard.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Publicity windows counted on the 2026 calendar (cycle.md §3): its example, every holiday as a boundary, and every day of the year. */
class PublicityWindowTest {

    private static final HolidayCalendar CHINA_2026 = HolidayCalendar.china2026();

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void theSpecsExampleFiveWorkingDaysFromTheThursdayBeforeMidAutumn() {
        PublicityWindow window = PublicityWindow.of(d("2026-09-24"), 5, WindowUnit.WORKING_DAYS, CHINA_2026);
        assertThat(window.days()).containsExactly(d("2026-09-24"), d("2026-09-28"), d("2026-09-29"), d("2026-09-30"), d("2026-10-08"));
        assertThat(window.ends()).isEqualTo(ZonedDateTime.of(2026, 10, 9, 0, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
        assertThat(window.wording()).isEqualTo("公示时间：2026年9月24日至10月8日（5个工作日）");
    }

    @Test
    void publishedOnADayOffTheWindowStartsOnTheNextWorkingDayAndAMakeUpDayCounts() {
        assertThat(PublicityWindow.of(d("2026-10-01"), 3, WindowUnit.WORKING_DAYS, CHINA_2026).days())
                .containsExactly(d("2026-10-08"), d("2026-10-09"), d("2026-10-10"));
        assertThat(PublicityWindow.of(d("2026-09-19"), 2, WindowUnit.WORKING_DAYS, CHINA_2026).days())
                .containsExactly(d("2026-09-20"), d("2026-09-21"));
        assertThat(PublicityWindow.of(d("2026-02-13"), 3, WindowUnit.WORKING_DAYS, CHINA_2026).days())
                .containsExactly(d("2026-02-13"), d("2026-02-14"), d("2026-02-24"));
        assertThat(PublicityWindow.of(d("2025-12-31"), 2, WindowUnit.WORKING_DAYS, CHINA_2026).days())
                .containsExactly(d("2025-12-31"), d("2026-01-04"));
    }

    @Test
    void calendarDaysCountEveryDayFromThePublicationDay() {
        PublicityWindow window = PublicityWindow.of(d("2026-09-30"), 7, WindowUnit.CALENDAR_DAYS, CHINA_2026);
        assertThat(window.first()).isEqualTo(d("2026-09-30"));
        assertThat(window.last()).isEqualTo(d("2026-10-06"));
        assertThat(window.wording()).isEqualTo("公示时间：2026年9月30日至10月6日（7天）");
        assertThat(PublicityWindow.of(d("2026-12-28"), 7, WindowUnit.CALENDAR_DAYS, CHINA_2026).wording())
                .isEqualTo("公示时间：2026年12月28日至2027年1月3日（7天）");
    }

    @Test
    void fromEveryDayOf2026EveryLengthCountsExactlyTheWorkingDaysAndSkipsNone() {
        for (LocalDate published = d("2026-01-01"); published.getYear() == 2026; published = published.plusDays(1)) {
            for (int length = 1; length <= 10; length++) {
                PublicityWindow window = PublicityWindow.of(published, length, WindowUnit.WORKING_DAYS, CHINA_2026);
                List<LocalDate> expected = new ArrayList<>();
                for (LocalDate day = CHINA_2026.workingDayFrom(published); expected.size() < length; day = day.plusDays(1)) {
                    if (CHINA_2026.isWorkingDay(day)) {
                        expected.add(day);
                    }
                }
                assertThat(window.days()).as("%s, %d working days", published, length).isEqualTo(expected);
                assertThat(window.first()).isEqualTo(CHINA_2026.workingDayFrom(published));
            }
        }
    }

    @Test
    void aWindowLastsOneToSixtyDays() {
        assertThatIllegalArgumentException().isThrownBy(() -> PublicityWindow.of(d("2026-09-24"), 0, WindowUnit.WORKING_DAYS, CHINA_2026));
        assertThatIllegalArgumentException().isThrownBy(() -> PublicityWindow.of(d("2026-09-24"), 61, WindowUnit.CALENDAR_DAYS, CHINA_2026));
        assertThat(PublicityWindow.of(d("2026-09-24"), 60, WindowUnit.CALENDAR_DAYS, CHINA_2026).days()).hasSize(60);
    }
}
