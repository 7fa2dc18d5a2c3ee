package cn.vanguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Numbers against a NUMERIC(14, 4) column: what it stores exactly passes, what it would round or overflow is refused. */
class NumericTest {

    private static String problem(String value) {
        return Numeric.LEDGER.problem("数量", new BigDecimal(value));
    }

    @Test
    void whatTheColumnStoresExactlyPasses() {
        for (String fine : new String[] {"0", "1", "0.0001", "-0.0001", "1.00000000", "9999999999.9999", "-9999999999.9999", "1E+9",
                "0E-20", "12.5"}) {
            assertThat(problem(fine)).as(fine).isNull();
        }
        assertThat(Numeric.LEDGER.problem("数量", null)).isNull();
    }

    @Test
    void moreDecimalsThanTheColumnKeepsAreRefusedNotRounded() {
        for (String rounded : new String[] {"0.00001", "1.00004", "-0.00005", "9999999999.99999", "1E-5"}) {
            assertThat(problem(rounded)).as(rounded).isEqualTo("数量最多保留4位小数");
        }
    }

    @Test
    void numbersBeyondTheColumnsRangeAreRefused() {
        for (String huge : new String[] {"10000000000", "99999999999", "-10000000000", "1E+10", "1E+999999999", "1E+2147483647"}) {
            assertThat(problem(huge)).as(huge).isEqualTo("数量超出范围：最大为9999999999.9999");
        }
        assertThat(Numeric.LEDGER.largest()).isEqualByComparingTo("9999999999.9999");
    }
}
