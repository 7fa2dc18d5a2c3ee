package cn.vanguard.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The explanation lines of grades, stars, warnings and the total that no preset's worked examples read (scoring.md §6,
 * §7, §9, §10, §12), on {@link EngineRulesTest#SCHEME} changed to show them: activists in scope, probationary members
 * not graded, one five-star place in four, and a warning of two low cycles in a row.
 */
class StandingsExplanationTest {

    private static Scheme variant() {
        SchemeTest.Parts parts = new SchemeTest.Parts(EngineRulesTest.SCHEME);
        Grading grading = EngineRulesTest.SCHEME.grading();
        parts.scope = Set.of(MemberType.FORMAL, MemberType.PROBATIONARY, MemberType.ACTIVIST);
        parts.grading = new Grading(grading.bands(), grading.failing(), Set.of(MemberType.PROBATIONARY), "第六条");
        StarRule stars = EngineRulesTest.SCHEME.stars();
        parts.stars = new StarRule(stars.scope(), stars.minTotal(), stars.minSectionCode(), stars.minSection(),
                List.of(new StarQuota(5, new BigDecimal("25"))), Map.of(), null);
        parts.warnings.add(new WarningRule("TWICE", "连续低分", null, new BigDecimal("60"), null, 2, null, false, null, null));
        return parts.build();
    }

    @Test
    void starsGoToTheFirstPlacesAndTheirTiesAndTheRestReadWhy() {
        ScoreSheet sheet = Scenario.under(variant())
                .member("F1", "ACT_RANGE=60")
                .member("F2", "ACT_RANGE=60")
                .member("F3", "ACT_RANGE=55")
                .member("P1", MemberType.PROBATIONARY, "ACT_RANGE=50")
                .member("A1", MemberType.ACTIVIST, "ACT_RANGE=60")
                .score();

        assertThat(sheet.members()).extracting(r -> r.member().id() + " " + r.stars())
                .containsExactly("F1 5", "F2 5", "F3 null", "P1 null", "A1 null");
        assertThat(lines(sheet, "F1", "F2")).contains("在具备资格的党员中按总分排第1位，评为五星级党员",
                "在具备资格的党员中按总分排第2位，评为五星级党员（与名额内最后一名同分，一并评定，名额顺延）");
        assertThat(lines(sheet, "F3")).contains("各星级名额已满，本次未评星", "未提供上一周期的结果，无法判断“连续低分”");
        assertThat(lines(sheet, "A1")).contains("入党积极分子参照执行积分管理，但不是党员，不参与评星定级");
    }

    @Test
    void aProbationaryMemberIsRankedButNotGraded() {
        MemberResult probationary = Scenario.under(variant()).member("P1", MemberType.PROBATIONARY, "ACT_RANGE=50").result();

        assertThat(probationary.graded()).isFalse();
        assertThat(probationary.grade()).isNull();
        assertThat(probationary.rank()).isEqualTo(1);
        assertThat(rules(probationary)).contains("预备党员纳入积分管理、参与排名，但不参与评定等次（第六条）");
    }

    @Test
    void aSchemeWithoutGradesLeavesTheGradeToTheOrganisation() {
        SchemeTest.Parts parts = new SchemeTest.Parts(EngineRulesTest.SCHEME);
        parts.grading = Grading.none();
        MemberResult result = Scenario.under(parts.build()).member("M1", "ACT_RANGE=60").result();

        assertThat(result.graded()).isFalse();
        assertThat(result.grade()).isNull();
        assertThat(rules(result)).contains("本方案未设等次，由党组织另行评定");
    }

    @Test
    void aFailVetoSaysTheGradeIsFailingAndATotalOfMoreThanTwoDecimalsSaysItWasRounded() {
        MemberResult failed = Scenario.under(EngineRulesTest.SCHEME).member("M1", "ACT_RANGE=60 VETO_FAIL").result();
        MemberResult rounded = Scenario.under(EngineRulesTest.SCHEME).member("M1", "ACT_RANGE=10.005").result();

        assertThat(rules(failed)).contains("因一票否决，等次直接评定为“不合格”，不享受任何激励");
        assertThat(rounded.explanation()).filteredOn(line -> line.step() == Step.TOTAL && line.rule().equals("总分四舍五入保留两位小数"))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.before()).isEqualByComparingTo("10.005");
                    assertThat(line.after()).isEqualByComparingTo("10.01");
                });
        assertThat(rules(Scenario.under(EngineRulesTest.SCHEME).member("M1", "ACT_RANGE=10.01").result()))
                .doesNotContain("总分四舍五入保留两位小数");
    }

    @Test
    void starEligibilityNamesTheMinimumThatWasMissed() {
        // stars need a total of 40 and ACT of 50
        assertThat(rules(Scenario.under(EngineRulesTest.SCHEME).member("M1", "ACT_RANGE=39.99").result()))
                .contains("总分39.99分低于40分，不具备评星资格");
        assertThat(rules(Scenario.under(EngineRulesTest.SCHEME).member("M1", "ACT_RANGE=40").result()))
                .contains("参加活动40分低于50分，取消评星资格")
                .noneMatch(rule -> rule.startsWith("总分40分低于"));
    }

    @Test
    void aMemberOutOfScopeGetsNoMonthlyFlags() {
        ScoreSheet sheet = Scenario.under(EngineRulesTest.SCHEME)
                .member("A1", MemberType.ACTIVIST, "ACT_RANGE=60")
                .member("F1", "ACT_RANGE=6")
                .score();

        assertThat(sheet.members()).extracting(r -> r.member().id() + " " + r.scored() + " " + r.flags())
                .containsExactly("A1 false []", "F1 true [BEST, MONTH_FIVE@2025-06, MONTH_TOP@2025-06]");
    }

    @Test
    void aDisqualifiedMemberReadsWhy() {
        MemberResult disqualified = Scenario.score("fuxian-organs", "VETO_DISQUALIFY@2025-05-01");

        assertThat(rules(disqualified)).anyMatch(rule -> rule.startsWith("一票否决：违法犯罪情节严重，取消其积分资格，不计总分、不参与排名"));
    }

    private static List<String> rules(MemberResult result) {
        return result.explanation().stream().map(ExplanationLine::rule).toList();
    }

    private static List<String> lines(ScoreSheet sheet, String... ids) {
        List<String> wanted = List.of(ids);
        return sheet.members().stream().filter(r -> wanted.contains(r.member().id())).flatMap(r -> rules(r).stream()).toList();
    }
}
