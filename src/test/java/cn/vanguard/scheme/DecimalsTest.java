package cn.vanguard.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine's decimal conventions (scoring.md §4), as figures a member can check by hand. */
class DecimalsTest {

    @ParameterizedTest(name = "{0} ÷ {1} = {2}")
    @CsvSource(textBlock = """
            4500,  180,  25
            1,     8,    0.125
            -3,    -4,   0.75
            3,     -4,   -0.75
            0,     7,    0
            21,    0.3,  7E+1
            7,     0.02, 3.5E+2
            10,    3,    3.333333333333333333333333333333333
            1,     6,    0.1666666666666666666666666666666667
            -2,    3,    -0.6666666666666666666666666666666667
            5,     15,   0.3333333333333333333333333333333333
            """)
    void dividesExactlyWhenTheQuotientEndsAndToThirtyFourDigitsWhenItDoesNot(BigDecimal n, BigDecimal d, BigDecimal quotient) {
        assertThat(Decimals.quotient(n, d)).isEqualTo(quotient);
    }

    @ParameterizedTest(name = "{0} ÷ {1}: {2}")
    @CsvSource(textBlock = """
            1,    2,    true
            1,    5,    true
            1,    40,   true
            1,    3,    false
            3,    6,    true
            7,    14,   true
            1,    7,    false
            1,    -8,   true
            1,    -6,   false
            0.9,  0.3,  true
            1,    1,    true
            """)
    void aQuotientEndsWhenTheReducedDenominatorHasNoPrimeButTwoAndFive(BigDecimal n, BigDecimal d, boolean terminates) {
        assertThat(Decimals.terminates(n, d)).isEqualTo(terminates);
    }

    @Test
    void aQuotientThatEndsKeepsEveryDigitEvenPastThirtyFour() {
        BigDecimal twoToThe120 = BigDecimal.valueOf(2).pow(120);
        BigDecimal quotient = Decimals.quotient(BigDecimal.ONE, twoToThe120);

        assertThat(quotient.precision()).isEqualTo(84);
        assertThat(quotient.multiply(twoToThe120)).isEqualByComparingTo("1");
    }

    @Test
    void refusesToDivideByZero() {
        assertThatThrownBy(() -> Decimals.quotient(BigDecimal.ONE, new BigDecimal("0.00")))
                .isInstanceOf(ArithmeticException.class).hasMessage("division by zero");
    }

    @ParameterizedTest(name = "{0}: {1}, {2}, {3}")
    @CsvSource(textBlock = """
            2.345,    2.35,   2.35,   2.345
            2.344,    2.34,   2.34,   2.344
            -2.345,   -2.35,  -2.35,  -2.345
            0.00,     0.00,   0.00,   0
            0E+3,     0.00,   0.00,   0
            12,       12.00,  12.00,  12
            12.50,    12.50,  12.50,  12.5
            -0.005,   -0.01,  -0.01,  -0.005
            1E+2,     100.00, 100.00, 100
            """)
    void printsFiguresRoundedHalfUpToTheCentOrPlain(BigDecimal value, BigDecimal rounded, String fixed, String plain) {
        assertThat(Decimals.round(value)).isEqualTo(rounded);
        assertThat(Decimals.fixed(value)).isEqualTo(fixed);
        assertThat(Decimals.plain(value)).isEqualTo(plain);
    }

    @Test
    void roundsNothingToNothing() {
        assertThat(Decimals.round(null)).isNull();
    }

    @ParameterizedTest(name = "clamp({0}, {1}, {2}) = {3}")
    @CsvSource(textBlock = """
            5,    0,   10,  5
            -1,   0,   10,  0
            11,   0,   10,  10
            0,    0,   10,  0
            10,   0,   10,  10
            -99,  ,    10,  -99
            99,   0,   ,    99
            99,   ,    ,    99
            """)
    void clampsBetweenBoundsThatMayBeOpen(BigDecimal value, BigDecimal min, BigDecimal max, BigDecimal clamped) {
        assertThat(Decimals.clamp(value, min, max)).isEqualTo(clamped);
    }

    @Test
    void theSmallerAndTheLargerOfTwoAndWhetherTheyAreTheSameNumber() {
        BigDecimal two = new BigDecimal("2");
        BigDecimal three = new BigDecimal("3");

        assertThat(Decimals.min(two, three)).isSameAs(two);
        assertThat(Decimals.min(three, two)).isSameAs(two);
        assertThat(Decimals.max(two, three)).isSameAs(three);
        assertThat(Decimals.max(three, two)).isSameAs(three);
        assertThat(Decimals.same(two, new BigDecimal("2.00"))).isTrue();
        assertThat(Decimals.same(two, three)).isFalse();
    }
}
