package cn.vanguard.cycle;

import java.time.LocalDate;

import cn.vanguard.calendar.PublicityWindow;
import cn.vanguard.calendar.WindowUnit;
import cn.vanguard.scheme.Span;

/**
 * A period of a unit (考评期, cycle.md §1): {@code 2026-09}, {@code 2026-Q3}, {@code 2026-H2} or {@code 2026}, where it
 * stands, and its publicity window once published (first and last day, China time; the last ends at 24:00).
 */
public record EvaluationPeriod(long id, long unitId, int year, String label, LocalDate startsOn, LocalDate endsOn,
                               PeriodStatus status, LocalDate windowStarts, LocalDate windowEnds, Integer windowDays,
                               Boolean windowWorking, int version) {

    /** The span the engine scores the period over. */
    public Span span() {
        return label.length() == 4 ? Span.year(year) : Span.parsePeriod(label).orElseThrow();
    }

    /** 2026年第三季度, 2026年9月, 2026年下半年, 2026年度. */
    public String chineseLabel() {
        return chinese(span());
    }

    /** A span's Chinese name as the cycle writes it (quarters in Chinese numerals, as the seeds do). */
    public static String chinese(Span span) {
        String label = span.chineseLabel();
        for (int q = 1; q <= 4; q++) {
            label = label.replace("第" + q + "季度", "第" + "一二三四".charAt(q - 1) + "季度");
        }
        return label;
    }

    /** Whether the publicity window is running on {@code day} (China time). */
    public boolean inWindow(LocalDate day) {
        return status == PeriodStatus.PUBLISHED && windowStarts != null && !day.isAfter(windowEnds);
    }

    /** 公示时间：2026年9月24日至10月8日（5个工作日）, or null before publication. */
    public String windowWording() {
        if (windowStarts == null) {
            return null;
        }
        return PublicityWindow.wording(windowStarts, windowEnds,
                Boolean.TRUE.equals(windowWorking) ? WindowUnit.WORKING_DAYS : WindowUnit.CALENDAR_DAYS, windowDays);
    }
}
