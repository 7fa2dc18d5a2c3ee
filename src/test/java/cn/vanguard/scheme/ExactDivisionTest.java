package cn.vanguard.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.vanguard.scheme.file.SchemeFiles;
import cn.vanguard.scheme.file.SchemeLoad;

/**
 * The formulas with a division multiply first and divide once, last (scoring.md §4): {@code max × earned ÷ target}
 * capped at max, {@code Σ(votes × weight) × max ÷ total votes}; only a quotient that does not terminate is cut to 34
 * significant digits. Worked examples, and a property against an oracle of exact fractions.
 */
class ExactDivisionTest {

    private static final long BASE_SEED = Long.getLong("vanguard.seed", 20261130L);
    private static final int RUNS = Integer.getInteger("vanguard.runs", 200) * 2;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            scoring.md §4 乘在前、除在最后：政治学习150/180，30×150÷180=25(不是30×0.8333…=24.99…9)；特色分3.125+5=8.125，评议合格7；总分25+20+10+10+8.125+7=80.125→80.13，与各板块相加一致 \
                | CZ_QUIZ*12 CZ_GROUP_STUDY#6 CZ_DUES_PAID*12 CZ_GRID=3.125 CZ_VOLUNTEER=5 CZ_APPRAISAL:合格 \
                | 80.13 | 25.00 20.00 10.00 10.00 8.13 7.00 | TRAINING_INCENTIVE AWARD_PRIORITY
            scoring.md §4 除不尽的商保留34位有效数字：政治学习55/180×30=9.1666…，组织生活5/6×20=16.666…，总分由未舍入的板块相加35.8333…→35.83 \
                | CZ_QUIZ*5 CZ_GROUP_STUDY CZ_HELD*6 CZ_ATTEND#5 | 35.83 | 9.17 16.67 0.00 10.00 0.00 0.00 |
            scoring.md §2 ATTAINMENT 以满分为上限：260/180仍为30 \
                | CZ_QUIZ*12 CZ_XUEXI#12=10 CZ_OTHER_STUDY#4 | 60.00 | 30.00 20.00 0.00 10.00 0.00 0.00 |
            """)
    void attainmentMultipliesBeforeItDivides(String rule, String ledger, String total, String sections, String flags) {
        MemberResult result = Scenario.score("changzhou-2021", ledger);

        assertThat(result.total().toPlainString()).as("total").isEqualTo(total);
        assertThat(String.join(" ", result.sections().values().stream().map(BigDecimal::toPlainString).toList()))
                .as("STUDY ORGLIFE DUES POLITICS FEATURE APPRAISAL").isEqualTo(sections);
        assertThat(String.join(" ", result.flags())).as("flags").isEqualTo(flags == null ? "" : flags);
    }

    @Test
    void theChangzhouStudySectionIsExactlyTwentyFive() {
        Tally tally = evaluate(Scenario.under("changzhou-2021").member("M1", "CZ_QUIZ*12 CZ_GROUP_STUDY#6"));

        // 30 × 150 ÷ 180 terminates, so it is exact: not 24.99…9, and not 25 written with 34 digits either.
        assertThat(tally.sections[0]).isEqualByComparingTo("25");
        assertThat(tally.sections[0].stripTrailingZeros().scale()).isLessThanOrEqualTo(0);
    }

    /**
     * A vote appraisal counted at 13 of 100: 5 好 and 8 差 of weight 1 and 0.6 give Σ = 9.8, and 9.8 × 13 ÷ 13 = 9.8
     * exactly, while (9.8 ÷ 13 × 100) × 13 ÷ 100 is 9.79…9. With a bonus of 0.005 the total is 9.805 → 9.81, not 9.80.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            scoring.md §4、§6 民主测评按13%计入：5好8差，(5×1+8×0.6)×13÷13=9.8(不是9.79…9)，加分0.005，总分9.805→9.81 | 5/0/8 | 0.005 | 9.80  | 9.81
            scoring.md §6 民主测评：测评得分80不影响计入值，(1+0.8+0.6)×13÷3=10.4                             | 1/1/1 | 0     | 10.40 | 10.40
            scoring.md §4 除不尽时保留34位有效数字：(3×1+2×0.8+2×0.6)×13÷7=10.7714…                          | 3/2/2 | 0     | 10.77 | 10.77
            scoring.md §6 民主测评：无人投票计0分，记“未评议”                                                 | 0/0/0 | 1     | 0.00  | 1.00
            """)
    void voteAppraisalMultipliesBeforeItDivides(String rule, String votes, String bonus, String section, String total) {
        Scheme scheme = scheme(APPRAISAL_13);
        Scenario scenario = Scenario.under(scheme).member("M1", "votes:" + votes + (new BigDecimal(bonus).signum() > 0 ? " EXTRA=" + bonus : ""));
        MemberResult result = scenario.result();

        assertThat(result.sections().get("APPRAISAL").toPlainString()).as("section").isEqualTo(section);
        assertThat(result.total().toPlainString()).as("total").isEqualTo(total);
    }

    @Test
    void theAppraisalOfFiveGoodAndEightPoorVotesIsExactlyNinePointEight() {
        Tally tally = evaluate(Scenario.under(scheme(APPRAISAL_13)).member("M1", "votes:5/0/8"));

        assertThat(tally.sections[0]).isEqualByComparingTo("9.8");
    }

    private static final String APPRAISAL_13 = """
            id: appraisal-thirteen
            name: 民主评议按13%计入
            scope: [FORMAL]
            sections:
              - code: APPRAISAL
                name: 民主评议
                mode: APPRAISAL
                max: 13
                votes:
                  - { code: good, label: 好, weight: 1 }
                  - { code: average, label: 一般, weight: 0.8 }
                  - { code: poor, label: 差, weight: 0.6 }
            bonus:
              items:
                - { code: EXTRA, name: 其他加分, range: [0.001, 5] }
            """;

    /**
     * For random maxima, targets, points, weights and ballots, each section is the exact fraction when its decimal
     * expansion ends and that fraction cut to 34 significant digits (half-even) otherwise, and the total is the sum of
     * those sections rounded half up to two decimals. The oracle works on integer numerators and denominators.
     */
    @Test
    void attainmentAndAppraisalEqualTheExactFractionRoundedAsTheSpecSays() {
        for (int run = 0; run < RUNS; run++) {
            long seed = BASE_SEED + run;
            try {
                checkOneScheme(new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed for seed " + seed + " (rerun with -Dvanguard.seed=" + seed + "): "
                        + e.getMessage(), e);
            }
        }
    }

    private static void checkOneScheme(Random random) {
        BigDecimal studyMax = decimal(random, 1, 60);
        BigDecimal perMonth = random.nextInt(10) == 0 ? BigDecimal.ZERO : decimal(random, 1, 40);
        BigDecimal appraisalMax = decimal(random, 1, 40);
        List<BigDecimal> weights = List.of(weight(random), weight(random), weight(random));
        Scheme scheme = scheme("""
                id: division-property
                name: 除法性质
                scope: [FORMAL]
                sections:
                  - code: STUDY
                    name: 政治学习
                    mode: ATTAINMENT
                    max: %s
                    target: { perMonth: %s }
                    items:
                      - { code: STUDY_APP, name: 学习, range: [0, 1000] }
                  - code: APPRAISAL
                    name: 民主评议
                    mode: APPRAISAL
                    max: %s
                    votes:
                      - { code: good, label: 好, weight: %s }
                      - { code: average, label: 一般, weight: %s }
                      - { code: poor, label: 差, weight: %s }
                bonus:
                  items:
                    - { code: EXTRA, name: 其他加分, range: [0.001, 100] }
                """.formatted(studyMax.toPlainString(), perMonth.toPlainString(), appraisalMax.toPlainString(),
                weights.get(0).toPlainString(), weights.get(1).toPlainString(), weights.get(2).toPlainString()));
        for (int member = 0; member < 5; member++) {
            List<Entry> entries = new ArrayList<>();
            BigDecimal earned = BigDecimal.ZERO;
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                BigDecimal points = decimal(random, 0, 300);
                earned = earned.add(points);
                entries.add(new Entry(scheme.item("STUDY_APP"), LocalDate.of(2025, 1 + random.nextInt(12), 1), BigDecimal.ONE, points,
                        null, i + 1));
            }
            BigDecimal bonus = random.nextBoolean() ? BigDecimal.ZERO : decimal(random, 0, 20);
            if (bonus.signum() > 0) {
                entries.add(new Entry(scheme.item("EXTRA"), LocalDate.of(2025, 6, 1), BigDecimal.ONE, bonus, null, 99));
            }
            List<Long> counts = List.of((long) random.nextInt(60), (long) random.nextInt(30), (long) random.nextInt(10));
            MemberInput input = new MemberInput(new Member("M" + member, "成员", "支部", MemberType.FORMAL, Category.IN_SERVICE, null),
                    entries, List.of(), List.of(new Votes("APPRAISAL", counts)), null);

            BigDecimal study = oracleAttainment(studyMax, perMonth.multiply(BigDecimal.valueOf(12)), earned);
            BigDecimal appraisal = oracleAppraisal(appraisalMax, weights, counts);
            Tally tally = MemberEvaluation.evaluate(new Plan(scheme, Span.year(2025)), input, false, "");
            String at = " (max " + studyMax + ", perMonth " + perMonth + ", earned " + earned + "; appraisal max " + appraisalMax
                    + ", weights " + weights + ", votes " + counts + ")";
            assertThat(tally.sections[0]).as("attainment" + at).isEqualByComparingTo(study);
            assertThat(tally.sections[1]).as("appraisal" + at).isEqualByComparingTo(appraisal);
            assertThat(tally.total).as("total" + at)
                    .isEqualTo(study.add(appraisal).add(bonus).setScale(2, RoundingMode.HALF_UP));
        }
    }

    /** max × earned ÷ target, at most max; a zero target gives max (scoring.md §2). */
    private static BigDecimal oracleAttainment(BigDecimal max, BigDecimal target, BigDecimal earned) {
        if (target.signum() == 0 || earned.compareTo(target) >= 0) {
            return max;
        }
        Fraction product = Fraction.of(max).times(Fraction.of(earned));
        return product.over(Fraction.of(target)).decimal();
    }

    /** Σ(votes × weight) × max ÷ Σ votes; no votes give 0 (scoring.md §6). */
    private static BigDecimal oracleAppraisal(BigDecimal max, List<BigDecimal> weights, List<Long> counts) {
        long total = counts.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return BigDecimal.ZERO;
        }
        Fraction weighted = new Fraction(BigInteger.ZERO, BigInteger.ONE);
        for (int i = 0; i < counts.size(); i++) {
            weighted = weighted.plus(Fraction.of(weights.get(i)).times(new Fraction(BigInteger.valueOf(counts.get(i)), BigInteger.ONE)));
        }
        return weighted.times(Fraction.of(max)).over(new Fraction(BigInteger.valueOf(total), BigInteger.ONE)).decimal();
    }

    /** An exact fraction of integers, with the two ways scoring.md §4 writes it as a decimal. */
    record Fraction(BigInteger numerator, BigInteger denominator) {

        static Fraction of(BigDecimal value) {
            BigInteger unscaled = value.unscaledValue();
            return value.scale() >= 0 ? new Fraction(unscaled, BigInteger.TEN.pow(value.scale()))
                    : new Fraction(unscaled.multiply(BigInteger.TEN.pow(-value.scale())), BigInteger.ONE);
        }

        Fraction plus(Fraction other) {
            return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                    denominator.multiply(other.denominator));
        }

        Fraction times(Fraction other) {
            return new Fraction(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
        }

        Fraction over(Fraction other) {
            return new Fraction(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
        }

        /**
         * The exact decimal when the denominator divides some power of ten (the property's fractions need at most 40
         * places when they terminate at all); otherwise the 34 leading
         * significant digits, the last one rounded half to even (a half cannot occur when the expansion never ends).
         */
        BigDecimal decimal() {
            for (int k = 0; k <= 40; k++) {
                BigInteger[] qr = numerator.multiply(BigInteger.TEN.pow(k)).divideAndRemainder(denominator);
                if (qr[1].signum() == 0) {
                    return new BigDecimal(qr[0], k);
                }
            }
            BigInteger n = numerator.abs();
            BigInteger d = denominator.abs();
            int sign = numerator.signum() * denominator.signum();
            int first = 32 - (n.toString().length() - d.toString().length());
            for (int scale = first; scale <= first + 3; scale++) {
                BigInteger scaledN = scale >= 0 ? n.multiply(BigInteger.TEN.pow(scale)) : n;
                BigInteger scaledD = scale >= 0 ? d : d.multiply(BigInteger.TEN.pow(-scale));
                BigInteger[] qr = scaledN.divideAndRemainder(scaledD);
                if (qr[0].toString().length() == 34) {
                    int half = qr[1].shiftLeft(1).compareTo(scaledD);
                    BigInteger digits = half > 0 || (half == 0 && qr[0].testBit(0)) ? qr[0].add(BigInteger.ONE) : qr[0];
                    return new BigDecimal(sign < 0 ? digits.negate() : digits, scale);
                }
            }
            throw new IllegalStateException("no 34-digit scale for " + this);
        }
    }

    /** A positive decimal with 0 to 3 places, between min and max. */
    private static BigDecimal decimal(Random random, int min, int max) {
        int scale = random.nextInt(4);
        int factor = (int) Math.pow(10, scale);
        return BigDecimal.valueOf(min * (long) factor + random.nextInt((max - min) * factor + 1), scale);
    }

    private static BigDecimal weight(Random random) {
        return BigDecimal.valueOf(1 + random.nextInt(100), 2);
    }

    private static Scheme scheme(String yaml) {
        SchemeLoad load = SchemeFiles.read(yaml);
        assertThat(load.problems()).as("scheme problems").isEmpty();
        return load.scheme();
    }

    private static Tally evaluate(Scenario scenario) {
        return MemberEvaluation.evaluate(new Plan(scenario.scheme(), Span.year(Scenario.YEAR)), scenario.inputs().get(0), false, "");
    }
}
