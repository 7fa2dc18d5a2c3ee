package cn.vanguard.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What the engine adds around each member's own evaluation: one result per member and never two, per-month flags
 * (scoring.md §8) over a month and over longer spans, with or without explanations, attendance warnings only where
 * attendance is recorded (§10), and the result of a member who is not scored.
 */
class ScoringEngineTest {

    @Test
    void refusesARosterThatNamesAMemberTwice() {
        List<MemberInput> twice = Scenario.under(EngineRulesTest.SCHEME).member("M1", "ACT_RANGE=10").member("M2", "").inputs();
        List<MemberInput> roster = List.of(twice.get(0), twice.get(1), twice.get(0));

        assertThatThrownBy(() -> ScoringEngine.score(EngineRulesTest.SCHEME, Span.year(2025), roster, ScoringOptions.explained()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("member M1 appears twice");
    }

    @Test
    void aMonthsOwnFlagsCarryNoMonthInTheirCode() {
        // MONTH_FIVE: 5 points in the month; MONTH_TOP: first five of the branch with a total above 0
        MemberResult june = Scenario.under(EngineRulesTest.SCHEME).member("M1", "ACT_RANGE=6").score(Span.month(2025, 6))
                .members().get(0);

        assertThat(june.flags()).containsExactly("BEST", "MONTH_FIVE", "MONTH_TOP").doesNotHaveDuplicates();
        assertThat(june.explanation()).extracting(ExplanationLine::rule)
                .contains("本月积分6分，达到5分：月度荣誉证书", "本月排名第1，在前5名之内：月度前五名公示");
    }

    @Test
    void overAYearEachMonthIsFlaggedOnItsOwnEntriesWithExplanationsOnOrOff() {
        Scenario scenario = Scenario.under(EngineRulesTest.SCHEME)
                .member("M1", "ACT_RANGE=6@2025-03-10 ACT_RANGE=3@2025-04-10")
                .member("M2", "ACT_RANGE=1@2025-04-20");
        String explained = flags(scenario.score());
        String bulk = flags(ScoringEngine.score(EngineRulesTest.SCHEME, Span.year(2025), scenario.inputs(), ScoringOptions.bulk()));

        assertThat(explained).isEqualTo("M1 [BEST, MONTH_FIVE@2025-03, MONTH_TOP@2025-03, MONTH_TOP@2025-04]; "
                + "M2 [MONTH_TOP@2025-04]");
        assertThat(bulk).isEqualTo(explained);
        assertThat(scenario.result("M1").explanation()).extracting(ExplanationLine::rule)
                .contains("2025年3月积分6分，达到5分：月度荣誉证书", "2025年4月排名第1，在前5名之内：月度前五名公示");
    }

    @Test
    void aFailedMemberGetsNoMonthlyFlagsEvenInAMonthBeforeTheVeto() {
        MemberResult result = Scenario.under(EngineRulesTest.SCHEME)
                .member("M1", "ACT_RANGE=10@2025-03-10 VETO_FAIL@2025-09-01").result();

        assertThat(result.flags()).isEmpty();
        assertThat(result.grade()).isEqualTo("不合格");
    }

    @Test
    void attendanceIsTrackedWhenAnybodyRecordedItInTheSpanScoredOrNot() {
        // city-organs-100 scores FORMAL and PROBATIONARY members; an activist is listed, not scored, but attends
        Member activist = new Member("A1", "A1", "第一支部", MemberType.ACTIVIST, Category.IN_SERVICE, null);
        Scenario tracked = Scenario.under("city-organs-100").member("M1", "").member(activist, "ORGLIFE_ATTEND#3@2025-02-01");
        Scenario later = Scenario.under("city-organs-100").member("M1", "").member(activist, "ORGLIFE_ATTEND#3@2025-06-01");
        Scenario nobody = Scenario.under("city-organs-100").member("M1", "").member(activist, "");
        Scenario otherItem = Scenario.under("city-organs-100").member("M1", "")
                .member(activist, nobody.scheme().items().stream().filter(i -> i.kind() == ItemKind.PER_UNIT && !i.code().equals("ORGLIFE_ATTEND"))
                        .findFirst().orElseThrow().code() + "@2025-02-01");

        assertThat(tracked.result("M1").warnings()).containsExactly("ORGLIFE_SHORT");
        assertThat(later.score(Span.quarter(2025, 1)).members().get(0).warnings()).isEmpty();
        assertThat(later.score(Span.year(2025)).members().get(0).warnings()).containsExactly("ORGLIFE_SHORT");
        assertThat(nobody.result("M1").warnings()).isEmpty();
        assertThat(otherItem.result("M1").warnings()).as("an entry of another item is no attendance").isEmpty();
        assertThat(ScoringEngine.score(nobody.scheme(), Span.year(2025), nobody.inputs(),
                ScoringOptions.explained().withAttendanceTracked(true)).members().get(0).warnings()).containsExactly("ORGLIFE_SHORT");
        assertThat(ScoringEngine.score(tracked.scheme(), Span.year(2025), tracked.inputs(),
                ScoringOptions.explained().withAttendanceTracked(false)).members().get(0).warnings()).isEmpty();
    }

    @Test
    void aMemberWhoIsNotScoredHasAReasonAndNoFigures() {
        Member activist = new Member("A1", "A1", "第一支部", MemberType.ACTIVIST, Category.IN_SERVICE, null);
        ScoreSheet sheet = Scenario.under("fuxian-organs")
                .member("D1", "VETO_DISQUALIFY@2025-05-01")
                .member(activist, "VETO_DISQUALIFY@2025-05-01")
                .score();
        MemberResult disqualified = sheet.members().get(0);
        MemberResult outOfScope = sheet.members().get(1);

        assertThat(disqualified.scored()).isFalse();
        assertThat(disqualified.reason()).isEqualTo(Reasons.DISQUALIFIED);
        assertThat(disqualified.grade()).isEqualTo(Reasons.DISQUALIFIED);
        assertThat(disqualified.vetoes()).containsExactly("VETO_DISQUALIFY");
        assertThat(disqualified.total()).isNull();
        assertThat(disqualified.sections()).isEmpty();
        assertThat(outOfScope.scored()).isFalse();
        assertThat(outOfScope.reason()).isEqualTo(Reasons.OUT_OF_SCOPE);
        assertThat(outOfScope.grade()).isNull();
        assertThat(outOfScope.vetoes()).isEmpty();
        assertThat(outOfScope.explanation()).isNotEmpty();
    }

    @Test
    void aScoredMembersFiguresAreRoundedToTheCent() {
        MemberResult result = Scenario.under(EngineRulesTest.SCHEME).member("M1", "ACT_RANGE=10.005 EXTRA=0.015").result();

        assertThat(result.sections()).containsEntry("ACT", new java.math.BigDecimal("10.01"));
        assertThat(result.bonus()).isEqualTo(new java.math.BigDecimal("0.02"));
        assertThat(result.deductions()).isEqualTo(new java.math.BigDecimal("0.00"));
        assertThat(result.member().id()).isEqualTo("M1");
    }

    private static String flags(ScoreSheet sheet) {
        return String.join("; ", sheet.members().stream().map(r -> r.member().id() + " " + r.flags()).toList());
    }
}
