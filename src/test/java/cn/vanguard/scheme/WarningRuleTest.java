package cn.vanguard.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A warning's score band includes its lower bound and excludes its upper one (scoring.md §10). */
class WarningRuleTest {

    @ParameterizedTest(name = "[{0}, {1}) ∋ {2}: {3}")
    @CsvSource(textBlock = """
            60, 70, 60,    true
            60, 70, 59.99, false
            60, 70, 69.99, true
            60, 70, 70,    false
              , 60, -5,    true
              , 60, 60,    false
            60,   , 60,    true
            60,   , 1000,  true
            60,   , 59.99, false
            """)
    void aBandHoldsItsLowerBoundAndNotItsUpperOne(BigDecimal atLeast, BigDecimal below, BigDecimal total, boolean inside) {
        WarningRule rule = new WarningRule("W", "预警", atLeast, below, null, 1, null, false, null, null);

        assertThat(rule.bandContains(total)).isEqualTo(inside);
    }

    @Test
    void appliesToTheTypesItNamesOrToEveryoneWhenItNamesNone() {
        WarningRule probationary = new WarningRule("W", "预警", null, BigDecimal.TEN, Set.of(MemberType.PROBATIONARY), 1, null,
                false, null, null);
        WarningRule everyone = new WarningRule("W", "预警", null, BigDecimal.TEN, null, 1, null, false, null, null);

        assertThat(probationary.appliesTo(MemberType.PROBATIONARY)).isTrue();
        assertThat(probationary.appliesTo(MemberType.FORMAL)).isFalse();
        assertThat(everyone.memberTypes()).isEmpty();
        assertThat(everyone.appliesTo(MemberType.ACTIVIST)).isTrue();
    }

    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', textBlock = """
            -  | 60 | 0 | no  | cycles is at least 1
            -  | -  | 1 | no  | a warning needs a score band or an attendance requirement
            60 | -  | 1 | yes | a warning is either a score band or an attendance requirement
            -  | 60 | 1 | yes | a warning is either a score band or an attendance requirement
            """)
    void refusesAWarningThatIsNeitherABandNorAnAttendanceRule(String atLeast, String below, int cycles, String attendance,
                                                             String refusal) {
        assertThatThrownBy(() -> new WarningRule("W", "预警", decimal(atLeast), decimal(below), null, cycles,
                attendance.equals("yes") ? new Attendance("ACT_MEETING", Map.of(Category.IN_SERVICE, BigDecimal.TEN)) : null, false, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(refusal);
    }

    @Test
    void aWarningOfTwoCyclesOrOfAttendanceAloneIsAllowed() {
        assertThat(new WarningRule("W", "预警", null, BigDecimal.TEN, null, 2, null, true, null, null).cycles()).isEqualTo(2);
        assertThat(new WarningRule("W", "预警", null, null, null, 1, new Attendance("ACT_MEETING", Map.of(Category.IN_SERVICE, BigDecimal.TEN)), false, null, null)
                .attendance()).isNotNull();
    }

    private static BigDecimal decimal(String text) {
        return text.equals("-") ? null : new BigDecimal(text);
    }
}
