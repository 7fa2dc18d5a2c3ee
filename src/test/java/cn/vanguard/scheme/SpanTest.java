package cn.vanguard.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spans a cycle is scored over: their days, their months, their names in files and in explanations. */
class SpanTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2025       | 2025-01-01 | 2025-12-31 | 12 | 2025年度
            2025-01    | 2025-01-01 | 2025-01-31 | 1  | 2025年1月
            2025-12    | 2025-12-01 | 2025-12-31 | 1  | 2025年12月
            2024-02    | 2024-02-01 | 2024-02-29 | 1  | 2024年2月
            2025-Q1    | 2025-01-01 | 2025-03-31 | 3  | 2025年第1季度
            2025-Q4    | 2025-10-01 | 2025-12-31 | 3  | 2025年第4季度
            2025-H1    | 2025-01-01 | 2025-06-30 | 6  | 2025年上半年
            2025-H2    | 2025-07-01 | 2025-12-31 | 6  | 2025年下半年
            """)
    void aPeriodReadsBackAsItsDaysMonthsAndNames(String label, LocalDate from, LocalDate to, int months, String chinese) {
        Span span = label.length() == 4 ? Span.year(Integer.parseInt(label)) : Span.parsePeriod(" " + label + " ").orElseThrow();

        assertThat(span.from()).isEqualTo(from);
        assertThat(span.to()).isEqualTo(to);
        assertThat(span.months()).isEqualTo(months);
        assertThat(span.label()).isEqualTo(label);
        assertThat(span.chineseLabel()).isEqualTo(chinese);
        assertThat(span.isWholeYear()).isEqualTo(label.length() == 4);
        assertThat(span.monthsInside()).hasSize(months);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            2025
            2025-13
            2025-00
            2025-Q5
            2025-Q0
            2025-H3
            25-01
            2025-1
            """)
    void aTextThatIsNoPeriodIsNotParsed(String text) {
        assertThat(Span.parsePeriod(text)).isEmpty();
    }

    @Test
    void theCycleSoFarEndsOnItsDayAndItsLastMonthIsCut() {
        Span span = Span.until(LocalDate.of(2025, 3, 15));

        assertThat(span.period()).isNull();
        assertThat(span.isWholeYear()).isFalse();
        assertThat(span.from()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(span.label()).isEqualTo("2025-01-01..2025-03-15");
        assertThat(span.chineseLabel()).isEqualTo("2025年1月1日至3月15日");
        assertThat(span.months()).isEqualTo(3);
        assertThat(span.monthsInside()).containsExactly(Span.month(2025, 1), Span.month(2025, 2),
                new Span(2025, Period.MONTH, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 15)));
    }

    @Test
    void aCycleSoFarThatEndsOnAMonthsLastDayKeepsTheWholeMonth() {
        assertThat(Span.until(LocalDate.of(2025, 2, 28)).monthsInside()).containsExactly(Span.month(2025, 1), Span.month(2025, 2));
    }

    @Test
    void containsItsFirstAndLastDayAndNothingOutside() {
        Span q2 = Span.quarter(2025, 2);

        assertThat(q2.contains(LocalDate.of(2025, 4, 1))).isTrue();
        assertThat(q2.contains(LocalDate.of(2025, 6, 30))).isTrue();
        assertThat(q2.contains(LocalDate.of(2025, 3, 31))).isFalse();
        assertThat(q2.contains(LocalDate.of(2025, 7, 1))).isFalse();
    }

    @ParameterizedTest(name = "{0}..{1}")
    @CsvSource(textBlock = """
            2024-12-31, 2025-03-31
            2025-01-01, 2026-01-01
            2025-03-02, 2025-03-01
            """)
    void refusesASpanOutsideItsCycleOrEndingBeforeItStarts(LocalDate from, LocalDate to) {
        assertThatThrownBy(() -> new Span(2025, null, from, to))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("span " + from + ".." + to + " is not inside cycle 2025");
    }

    @Test
    void aSpanOfOneDayIsASpan() {
        LocalDate day = LocalDate.of(2025, 5, 5);

        assertThat(new Span(2025, null, day, day).months()).isEqualTo(1);
    }
}
