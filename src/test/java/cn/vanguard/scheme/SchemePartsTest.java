package cn.vanguard.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The smaller parts of a scheme and of a scoring run: what each refuses when a program builds it inconsistently (the
 * scheme file reader reports a user's mistakes itself), and the few rules each part decides on its own.
 */
class SchemePartsTest {

    private static final Item MEETING = new Item("M", "参加会议", ItemKind.PER_UNIT, Pool.BONUS, null, new BigDecimal("1.5"),
            null, null, null, null, null, null, null, null, null, null, null, null, null);

    @Test
    void refusesPartsThatCannotBeScored() {
        refused(() -> new Section("S", "板块", SectionMode.ATTAINMENT, BigDecimal.TEN, null, null, null, null, null),
                "an ATTAINMENT section needs a target and a max");
        refused(() -> new Section("S", "板块", SectionMode.ATTAINMENT, null, null, new Attainment(BigDecimal.ONE, null), null, null, null),
                "an ATTAINMENT section needs a target and a max");
        refused(() -> new Section("S", "板块", SectionMode.APPRAISAL, null, null, null, null, null, null), "an APPRAISAL section needs a max");
        refused(() -> new Attainment(null, null), "an attainment target is either per month or an expected item");
        refused(() -> new Attainment(BigDecimal.ONE, "M"), "an attainment target is either per month or an expected item");
        refused(() -> new GradeBand("合格", null, true), "a band without a bound cannot be exclusive");
        refused(() -> new FlagRule("F", "标记", null, null, false, false, null), "a flag is either a score threshold or a rank limit");
        refused(() -> new FlagRule("F", "标记", BigDecimal.ONE, 3, false, false, null), "a flag is either a score threshold or a rank limit");
        refused(() -> new FlagRule("F", "标记", BigDecimal.ONE, null, true, true, null), "a flag is judged per month or on the year, not both");
        refused(() -> new StarRule(RankScope.UNIT, BigDecimal.TEN, "S", null, List.of(), null, null), "a section minimum names its section");
        refused(() -> new StarRule(RankScope.UNIT, BigDecimal.TEN, null, BigDecimal.ONE, List.of(), null, null), "a section minimum names its section");
        refused(() -> new StarQuota(0, BigDecimal.TEN), "stars are 1 to 5");
        refused(() -> new StarQuota(6, BigDecimal.TEN), "stars are 1 to 5");
        refused(() -> new Cap(BigDecimal.ZERO, Window.MONTH), "cap must be positive: 0");
        refused(() -> new Publicity(0, false, false), "publicity lasts at least one day");
        refused(() -> new VetoEffect(VetoEffect.Kind.ZERO_SECTION, null), "only ZERO_SECTION names a section");
        refused(() -> new VetoEffect(VetoEffect.Kind.FAIL, "S"), "only ZERO_SECTION names a section");
        refused(() -> new Votes("V", List.of(1L, -1L)), "vote counts are never negative");
        refused(() -> new Assessment(MEETING, null, null, 1), "an assessment is a value or a level");
        refused(() -> new Assessment(MEETING, BigDecimal.ONE, new Level(null, "好", BigDecimal.ONE), 1), "an assessment is a value or a level");
        refused(() -> Checked.failed(List.of()), "a checked input is a value or problems");
        refused(() -> new Checked<>("值", List.of(new Problem("f", "m", "中"))), "a checked input is a value or problems");
    }

    @Test
    void theBoundaryValuesOfEachPartAreAllowed() {
        assertThat(new StarQuota(1, BigDecimal.ONE).stars()).isEqualTo(1);
        assertThat(new StarQuota(5, BigDecimal.ONE).stars()).isEqualTo(5);
        assertThat(new Cap(new BigDecimal("0.01"), Window.MONTH).points()).isEqualByComparingTo("0.01");
        assertThat(new Publicity(1, true, false).days()).isEqualTo(1);
        assertThat(new Votes("V", List.of(0L, 0L)).total()).isZero();
        assertThat(new Votes("V", List.of(3L, 4L)).total()).isEqualTo(7);
        assertThat(new StarRule(RankScope.UNIT, BigDecimal.TEN, "S", BigDecimal.ONE, List.of(), null, null).unitQuotas()).isEmpty();
        assertThat(new Section("S", "板块", SectionMode.APPRAISAL, BigDecimal.TEN, null, null, null, null, null).votes()).isEmpty();
        assertThat(new Grading(null, null, null, null)).isEqualTo(Grading.none());
        assertThat(new MemberInput(new Member("M", null, null, MemberType.FORMAL, null, null), null, null, null, null))
                .satisfies(input -> {
                    assertThat(input.entries()).isEmpty();
                    assertThat(input.assessments()).isEmpty();
                    assertThat(input.votes()).isEmpty();
                });
    }

    @Test
    void aVoteAppraisalHasBallotLevels() {
        List<VoteLevel> levels = List.of(new VoteLevel("G", "好", BigDecimal.ONE));

        assertThat(new Section("S", "测评", SectionMode.APPRAISAL, BigDecimal.TEN, null, null, levels, null, null).isVoteAppraisal()).isTrue();
        assertThat(new Section("S", "测评", SectionMode.APPRAISAL, BigDecimal.TEN, null, null, null, null, null).isVoteAppraisal()).isFalse();
        assertThat(new Section("S", "活动", SectionMode.ACCRUE, BigDecimal.TEN, null, null, levels, null, null).isVoteAppraisal()).isFalse();
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource(nullValues = "-", textBlock = """
            90, false, 90,    true
            90, false, 89.99, false
            70, true,  70,    false
            70, true,  70.01, true
            -,  false, -100,  true
            """)
    void aGradeBandAdmitsFromItsBound(BigDecimal bound, boolean exclusive, BigDecimal total, boolean admitted) {
        assertThat(new GradeBand("等次", bound, exclusive).admits(total)).isEqualTo(admitted);
    }

    @Test
    void aGradingFindsTheFirstBandThatAdmitsTheTotal() {
        Grading grading = new Grading(List.of(new GradeBand("优秀", new BigDecimal("90"), false),
                new GradeBand("合格", new BigDecimal("60"), false)), "不合格", null, null);

        assertThat(grading.bandOf(new BigDecimal("95")).grade()).isEqualTo("优秀");
        assertThat(grading.bandOf(new BigDecimal("60")).grade()).isEqualTo("合格");
        assertThat(grading.bandOf(new BigDecimal("59.99"))).isNull();
        assertThat(grading.wording(grading.bands().get(1))).isEqualTo("60分以上、低于90分");
    }

    @Test
    void anEntryEarnsItsItemsPointsTimesItsQuantityOrItsOwnPoints() {
        LocalDate day = LocalDate.of(2025, 3, 1);
        Item range = new Item("R", "酌情", ItemKind.RANGE, Pool.BONUS, null, null, BigDecimal.ZERO, BigDecimal.TEN, null, null, null,
                null, null, null, null, null, null, null, null);
        Item counter = new Item("C", "计次", ItemKind.FORFEIT, Pool.NONE, null, null, null, null, null, null, null, null, null, "X",
                null, null, null, null, null);

        assertThat(new Entry(MEETING, day, BigDecimal.ONE, null, null, 1).rawPoints()).isEqualByComparingTo("1.5");
        assertThat(new Entry(MEETING, day, new BigDecimal("3"), null, null, 1).rawPoints()).isEqualByComparingTo("4.5");
        assertThat(new Entry(MEETING, day, new BigDecimal("0.5"), null, null, 1).rawPoints()).isEqualByComparingTo("0.75");
        assertThat(new Entry(range, day, BigDecimal.ONE, new BigDecimal("7"), null, 1).rawPoints()).isEqualByComparingTo("7");
        assertThat(new Entry(counter, day, new BigDecimal("2"), null, null, 1).rawPoints()).isEqualByComparingTo("0");
    }

    @Test
    void aMemberLeftIncompleteGetsTheDefaults() {
        Member member = new Member("M", null, null, MemberType.PROBATIONARY, null, null);
        Member placed = new Member("M", "甲", "第一支部", MemberType.FORMAL, Category.RETIRED, true, "u-7");

        assertThat(member.name()).isEmpty();
        assertThat(member.unit()).isEmpty();
        assertThat(member.unitId()).isEmpty();
        assertThat(member.category()).isEqualTo(Category.IN_SERVICE);
        assertThat(new Member("M", "甲", "第一支部", MemberType.FORMAL, null, null).unitId()).isEqualTo("第一支部");
        assertThat(placed.unitId()).isEqualTo("u-7");
        assertThat(placed.category()).isEqualTo(Category.RETIRED);
        assertThat(MemberType.ACTIVIST.isPartyMember()).isFalse();
        assertThat(MemberType.PROBATIONARY.isPartyMember()).isTrue();
    }

    @Test
    void aLevelMatchesItsLabelExactlyOrItsCodeInAnyCase() {
        Level level = new Level("good", "优秀", BigDecimal.TEN);
        Level uncoded = new Level(null, "合格", BigDecimal.ONE);

        assertThat(level.matches("优秀")).isTrue();
        assertThat(level.matches("GOOD")).isTrue();
        assertThat(level.matches("良好")).isFalse();
        assertThat(uncoded.matches("合格")).isTrue();
        assertThat(uncoded.matches("null")).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}: {2} of {3}")
    @CsvSource(textBlock = """
            MONTH,   2025-01-31, 0,  12
            MONTH,   2025-12-01, 11, 12
            QUARTER, 2025-03-31, 0,  4
            QUARTER, 2025-04-01, 1,  4
            HALF,    2025-06-30, 0,  2
            HALF,    2025-07-01, 1,  2
            YEAR,    2025-12-31, 0,  1
            """)
    void aWindowNumbersItsPartsOfTheYear(Window window, LocalDate date, int index, int count) {
        assertThat(window.indexOf(date)).isEqualTo(index);
        assertThat(window.count()).isEqualTo(count);
    }

    @Test
    void scoringOptionsChangeOneThingAtATime() {
        ScoringOptions options = ScoringOptions.explained();

        assertThat(ScoringOptions.bulk()).isEqualTo(new ScoringOptions(false, "", null, false, true));
        assertThat(options).isEqualTo(new ScoringOptions(true, "", null, false, false));
        assertThat(options.withExplain(false)).isEqualTo(new ScoringOptions(false, "", null, false, false));
        assertThat(options.withEntryLabel("entries.csv:")).isEqualTo(new ScoringOptions(true, "entries.csv:", null, false, false));
        assertThat(options.withEntryLabel(null).entryLabel()).isEmpty();
        assertThat(options.withAttendanceTracked(true)).isEqualTo(new ScoringOptions(true, "", true, false, false));
        assertThat(options.withPreviousProvided(true)).isEqualTo(new ScoringOptions(true, "", null, true, false));
        assertThat(options.withParallel(true)).isEqualTo(new ScoringOptions(true, "", null, false, true));
    }

    @Test
    void aProblemSpeaksTheReadersLanguage() {
        Problem problem = new Problem("date", "date is outside the cycle", "日期不在积分周期内");

        assertThat(problem.message(true)).isEqualTo("日期不在积分周期内");
        assertThat(problem.message(false)).isEqualTo("date is outside the cycle");
    }

    private static void refused(ThrowingCallable build, String message) {
        assertThatThrownBy(build).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
