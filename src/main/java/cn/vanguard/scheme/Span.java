package cn.vanguard.scheme;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The evaluated span of a cycle: the whole year, one evaluation period (a month, quarter or half), or the
 * cycle up to a date. Windows, allowances, thresholds and targets are evaluated over the span alone (scoring.md §3.4).
 *
 * @param year   the cycle (a calendar year)
 * @param period the kind of span; {@code null} for a year-to-date span
 * @param from   first day, inclusive
 * @param to     last day, inclusive
 */
public record Span(int year, Period period, LocalDate from, LocalDate to) {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12]))");

    public Span {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (from.getYear() != year || to.getYear() != year || to.isBefore(from)) {
            throw new IllegalArgumentException("span " + from + ".." + to + " is not inside cycle " + year);
        }
    }

    public static Span year(int year) {
        return new Span(year, Period.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static Span month(int year, int month) {
        YearMonth ym = YearMonth.of(year, month);
        return new Span(year, Period.MONTH, ym.atDay(1), ym.atEndOfMonth());
    }

    public static Span quarter(int year, int quarter) {
        YearMonth first = YearMonth.of(year, quarter * 3 - 2);
        return new Span(year, Period.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }

    public static Span half(int year, int half) {
        YearMonth first = YearMonth.of(year, half * 6 - 5);
        return new Span(year, Period.HALF, first.atDay(1), first.plusMonths(5).atEndOfMonth());
    }

    /** The cycle so far: 1 January up to and including {@code until}. */
    public static Span until(LocalDate until) {
        return new Span(until.getYear(), null, LocalDate.of(until.getYear(), 1, 1), until);
    }

    /** Parses {@code 2025-03}, {@code 2025-Q2} or {@code 2025-H1}. */
    public static Optional<Span> parsePeriod(String text) {
        Matcher m = PERIOD.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return Optional.of(month(year, Integer.parseInt(m.group(2))));
        }
        if (m.group(3) != null) {
            return Optional.of(quarter(year, Integer.parseInt(m.group(3))));
        }
        return Optional.of(half(year, Integer.parseInt(m.group(4))));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** Calendar months the span touches: 12 for the year, 3 for a quarter, 6 for January to mid-June. */
    public int months() {
        return to.getMonthValue() - from.getMonthValue() + 1;
    }

    public boolean isWholeYear() {
        return period == Period.YEAR;
    }

    /** The months of the span, each as a span of its own (for monthly tiers). */
    public List<Span> monthsInside() {
        List<Span> months = new ArrayList<>();
        for (int m = from.getMonthValue(); m <= to.getMonthValue(); m++) {
            Span month = month(year, m);
            // only the last month can end after the span does
            months.add(to.isBefore(month.to) ? new Span(year, Period.MONTH, month.from, to) : month);
        }
        return months;
    }

    /** {@code 2025}, {@code 2025-03}, {@code 2025-Q2}, {@code 2025-H1} or {@code 2025-01-01..2025-06-30}. */
    public String label() {
        if (period == null) {
            return from + ".." + to;
        }
        return switch (period) {
            case YEAR -> Integer.toString(year);
            case MONTH -> YearMonth.from(from).toString();
            case QUARTER -> year + "-Q" + ((from.getMonthValue() + 2) / 3);
            case HALF -> year + "-H" + ((from.getMonthValue() + 5) / 6);
        };
    }

    /** Chinese label for explanations: 2025年度, 2025年3月, 2025年第2季度, 2025年上半年, 2025年1月1日至6月30日. */
    public String chineseLabel() {
        if (period == null) {
            return year + "年1月1日至" + to.getMonthValue() + "月" + to.getDayOfMonth() + "日";
        }
        return switch (period) {
            case YEAR -> year + "年度";
            case MONTH -> year + "年" + from.getMonthValue() + "月";
            case QUARTER -> year + "年第" + ((from.getMonthValue() + 2) / 3) + "季度";
            case HALF -> year + (from.getMonthValue() == 1 ? "年上半年" : "年下半年");
        };
    }
}
