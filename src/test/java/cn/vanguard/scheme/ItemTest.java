package cn.vanguard.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An item's fields must fit its kind; the scheme file reader reports a user's mistakes with their path, and these guards
 * catch a program that builds an item the engine could not score.
 */
class ItemTest {

    private static final List<Level> LEVELS = List.of(new Level("A", "优秀", new BigDecimal("10")), new Level("B", "合格", new BigDecimal("6")));
    private static final List<VetoEffect> FAIL = List.of(VetoEffect.of(VetoEffect.Kind.FAIL));

    /** Every column an item of the row's kind may leave empty is empty: {@code -}. */
    @ParameterizedTest(name = "{0} {1} section={2} points={3} range={4}..{5} max={6} levels={7} effects={8} forfeits={9} freeCount={10} cap={11}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            PER_UNIT  | SECTION   | ACT | 1  | -  | -  | -  | no  | no  | -  | -  | -  | -
            PER_UNIT  | SECTION   | ACT | -  | -  | -  | -  | no  | no  | -  | -  | -  | PER_UNIT needs points
            PER_UNIT  | BONUS     | -   | 1  | -  | -  | -  | no  | no  | -  | 2  | 5  | -
            RANGE     | BONUS     | -   | -  | 1  | 1  | -  | no  | no  | -  | -  | 5  | -
            RANGE     | BONUS     | -   | -  | 2  | 1  | -  | no  | no  | -  | -  | -  | RANGE needs min <= max
            RANGE     | BONUS     | -   | -  | -  | 1  | -  | no  | no  | -  | -  | -  | RANGE needs min <= max
            RANGE     | BONUS     | -   | -  | 1  | -  | -  | no  | no  | -  | -  | -  | RANGE needs min <= max
            CRITERION | SECTION   | ACT | -  | -  | -  | 0  | no  | no  | -  | -  | -  | -
            CRITERION | SECTION   | ACT | -  | -  | -  | -1 | no  | no  | -  | -  | -  | CRITERION needs a max and a section
            CRITERION | SECTION   | ACT | -  | -  | -  | -  | no  | no  | -  | -  | -  | CRITERION needs a max and a section
            CRITERION | DEDUCTION | ACT | -  | -  | -  | 5  | no  | no  | -  | -  | -  | CRITERION needs a max and a section
            LEVEL     | SECTION   | ACT | -  | -  | -  | -  | yes | no  | -  | -  | -  | -
            LEVEL     | SECTION   | ACT | -  | -  | -  | -  | no  | no  | -  | -  | -  | LEVEL needs levels and a section
            LEVEL     | BONUS     | -   | -  | -  | -  | -  | yes | no  | -  | -  | -  | LEVEL needs levels and a section
            VETO      | NONE      | -   | -  | -  | -  | -  | no  | yes | -  | -  | -  | -
            VETO      | NONE      | -   | -  | -  | -  | -  | no  | no  | -  | -  | -  | VETO needs effects and no pool
            VETO      | DEDUCTION | -   | -  | -  | -  | -  | no  | yes | -  | -  | -  | VETO needs effects and no pool
            FORFEIT   | NONE      | -   | -  | -  | -  | -  | no  | no  | C1 | -  | -  | -
            FORFEIT   | NONE      | -   | -  | -  | -  | -  | no  | no  | -  | -  | -  | FORFEIT names a criterion and has no pool
            FORFEIT   | BONUS     | -   | -  | -  | -  | -  | no  | no  | C1 | -  | -  | FORFEIT names a criterion and has no pool
            PER_UNIT  | SECTION   | -   | 1  | -  | -  | -  | no  | no  | -  | -  | -  | only SECTION and DEDUCTION items name a section
            PER_UNIT  | BONUS     | ACT | 1  | -  | -  | -  | no  | no  | -  | -  | -  | only SECTION and DEDUCTION items name a section
            PER_UNIT  | DEDUCTION | ACT | -1 | -  | -  | -  | no  | no  | -  | -  | -  | -
            PER_UNIT  | DEDUCTION | -   | -1 | -  | -  | -  | no  | no  | -  | -  | -  | -
            RANGE     | BONUS     | -   | -  | 1  | 2  | -  | no  | no  | -  | 1  | -  | freeCount is only for PER_UNIT items
            CRITERION | SECTION   | ACT | -  | -  | -  | 5  | no  | no  | -  | -  | 5  | caps are only for PER_UNIT and RANGE items
            """)
    void anItemsFieldsMustFitItsKind(ItemKind kind, Pool pool, String section, BigDecimal points, BigDecimal min,
                                     BigDecimal max, BigDecimal criterionMax, String levels, String effects, String forfeits,
                                     BigDecimal freeCount, BigDecimal cap, String refusal) {
        Runnable build = () -> new Item("X", "项目", kind, pool, section, points, min, max == null ? criterionMax : max,
                levels.equals("yes") ? LEVELS : null, cap == null ? null : new Cap(cap, Window.YEAR), freeCount, null, null,
                forfeits, effects.equals("yes") ? FAIL : null, null, null, null, null);
        if (refusal == null) {
            build.run();
        } else {
            assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class).hasMessage(refusal);
        }
    }

    @Test
    void leftOutListsUnitAndEvidenceTakeTheirDefaults() {
        Item item = new Item("X", "项目", ItemKind.PER_UNIT, Pool.BONUS, null, BigDecimal.ONE, null, null, null, null, null,
                null, null, null, null, null, null, null, null);

        assertThat(item.levels()).isEmpty();
        assertThat(item.vetoEffects()).isEmpty();
        assertThat(item.unit()).isEqualTo("次");
        assertThat(item.evidence()).isEqualTo(Evidence.NONE);
        assertThat(item.earnsPoints()).isTrue();
        assertThat(item.isDeduction()).isFalse();
    }

    @Test
    void aLevelItemFindsItsLevelsByLabelOrCodeAndGivesAtMostItsBestLevel() {
        Item item = new Item("POST", "岗位评定", ItemKind.LEVEL, Pool.SECTION, "ACT", null, null, null,
                List.of(new Level("B", "合格", new BigDecimal("6")), new Level("A", "优秀", new BigDecimal("10")),
                        new Level(null, "不合格", BigDecimal.ZERO)),
                null, null, null, null, null, null, null, null, null, null);

        assertThat(item.level("优秀").points()).isEqualByComparingTo("10");
        assertThat(item.level("b").label()).isEqualTo("合格");
        assertThat(item.level("不合格").points()).isEqualByComparingTo("0");
        assertThat(item.level("良好")).isNull();
        assertThat(item.maxValue()).isEqualByComparingTo("10");
        assertThat(item.earnsPoints()).isFalse();
    }

    @Test
    void aCriterionGivesAtMostItsMaxAndADeductionSaysSo() {
        Item criterion = new Item("C", "评议", ItemKind.CRITERION, Pool.SECTION, "ACT", null, null, new BigDecimal("4"), null,
                null, null, null, null, null, null, null, null, null, null);
        Item deduction = new Item("D", "违纪", ItemKind.RANGE, Pool.DEDUCTION, null, null, new BigDecimal("-5"), BigDecimal.ZERO,
                null, null, null, null, null, null, null, "项", Evidence.MATERIALS, null, null);

        assertThat(criterion.maxValue()).isEqualByComparingTo("4");
        assertThat(criterion.earnsPoints()).isFalse();
        assertThat(deduction.isDeduction()).isTrue();
        assertThat(deduction.earnsPoints()).isTrue();
        assertThat(deduction.unit()).isEqualTo("项");
        assertThat(deduction.evidence()).isEqualTo(Evidence.MATERIALS);
    }
}
