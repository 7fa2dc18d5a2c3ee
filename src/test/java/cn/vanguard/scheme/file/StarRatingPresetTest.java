package cn.vanguard.scheme.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.CriteriaDefault;
import cn.vanguard.scheme.Member;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.scheme.Period;
import cn.vanguard.scheme.RankScope;
import cn.vanguard.scheme.Reasons;
import cn.vanguard.scheme.Scenario;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.ScoreSheet;
import cn.vanguard.scheme.Span;

/**
 * The preset {@code star-rating} (presets.md; seed 001_7e018541ae6c27e2.txt, 某某区党员评星定级量化管理实施办法). Every
 * expected figure below was worked out by hand from the seed text. In a ledger, {@code {FULL}} assesses every criterion
 * the row does not assess itself at its maximum (60 + 40 = 100).
 */
class StarRatingPresetTest {

    private static final String ID = "star-rating";
    private static final List<String> COMMON = List.of("C_IDEAL", "C_PURPOSE", "C_DISCIPLINE", "C_WORKSTYLE", "C_LIFESTYLE", "C_INTEGRITY");
    private static final List<String> STAR = List.of("S_DUTY", "S_SKILL", "S_STUDY", "S_CONNECT", "S_VOLUNTEER");
    private static final String NO_STAR_POINTS = "S_DUTY:0 S_SKILL:0 S_STUDY:0 S_CONNECT:0 S_VOLUNTEER:0";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # rule (seed clause) and the arithmetic                              | ledger                                             | total | COMMON | STAR | warnings
        criteriaDefault ZERO: nothing assessed, 0 (below 60 and below 50)      |                                                    | 0     | 0      | 0    | TALK;DOUBLE_WARNING
        四 考核总分为100分: 基础分60 + 评星分40                               | {FULL}                                             | 100   | 60     | 40   |
        四 assessed criteria add up: 10+7.5 and 8+6                            | C_IDEAL:10 C_PURPOSE:7.5 S_DUTY:8 S_SKILL:6        | 31.5  | 17.5   | 14   | TALK;DOUBLE_WARNING
        六(二) 低于60分诫勉谈话: exactly 60 is not below                       | {FULL} %s                                          | 60    | 60     | 0    |
        六(二) 低于60分诫勉谈话: 59.99                                         | {FULL} %s C_IDEAL:9.99                             | 59.99 | 59.99  | 0    | TALK
        六(二) 低于50分双预警: exactly 50 is only 诫勉谈话                     | {FULL} %s C_IDEAL:0                                | 50    | 50     | 0    | TALK
        六(二) 低于50分双预警: 49.99 gets both                                 | {FULL} %s C_IDEAL:0 C_PURPOSE:9.99                 | 49.99 | 49.99  | 0    | TALK;DOUBLE_WARNING
        """)
    void workedExamples(String rule, String ledger, BigDecimal total, BigDecimal common, BigDecimal star, String warnings) {
        String expanded = ledger == null ? null : ledger.replace("%s", NO_STAR_POINTS);
        MemberResult result = Scenario.score(ID, PresetTesting.ledger(scheme(), expanded));

        assertThat(result.scored()).isTrue();
        assertThat(result.total()).isEqualByComparingTo(total);
        assertThat(result.sections().get("COMMON")).isEqualByComparingTo(common);
        assertThat(result.sections().get("STAR")).isEqualByComparingTo(star);
        assertThat(result.warnings()).containsExactlyElementsOf(PresetTesting.codes(warnings));
        assertThat(result.graded()).isFalse(); // the source has no grades, only stars
    }

    /** 10 party members: quotas round_half_up(10% × 10) = 1, (15% × 10 = 1.5) → 2, (20% × 10) = 2. */
    @Test
    void quotasOfTenMembers() {
        ScoreSheet sheet = rate(
                member("M01", "60", "35"),   // 95
                member("M02", "60", "30"),   // 90
                member("M03", "60", "28"),   // 88
                member("M04", "60", "25"),   // 85
                member("M05", "60", "20"),   // 80
                member("M06", "58", "20"),   // 78: quotas are full
                member("M07", "55", "20"),   // 75
                member("M08", "52", "20"),   // 72
                member("M09", "50", "15"),   // 65
                member("M10", "50", "10"));  // 60

        assertThat(stars(sheet)).containsExactly(5, 4, 4, 3, 3, null, null, null, null, null);
        assertThat(totals(sheet)).containsExactly("95.00", "90.00", "88.00", "85.00", "80.00", "78.00", "75.00", "72.00", "65.00", "60.00");
        assertThat(sheet.members()).allSatisfy(r -> assertThat(r.warnings()).isEmpty());
    }

    /** Ties with the last one admitted are admitted too, and each level keeps its own count (scoring.md §9). */
    @Test
    void tiesOnTheBoundaryOverflowTheQuota() {
        ScoreSheet sheet = rate(
                member("M01", "60", "35"),   // 95 5★
                member("M02", "60", "35"),   // 95 5★ tied with the only 5★ place
                member("M03", "60", "30"),   // 90 4★
                member("M04", "60", "28"),   // 88 4★
                member("M05", "60", "28"),   // 88 4★ tied with the second 4★ place
                member("M06", "60", "25"),   // 85 3★ (the 4★ overflow does not shrink the 3★ quota of 2)
                member("M07", "60", "20"),   // 80 3★
                member("M08", "58", "20"),   // 78
                member("M09", "55", "20"),   // 75
                member("M10", "52", "20"));  // 72

        assertThat(stars(sheet)).containsExactly(5, 5, 4, 4, 4, 3, 3, null, null, null);
        // equal totals share a rank and the next rank skips (scoring.md §8)
        assertThat(sheet.members()).extracting(MemberResult::rank).containsExactly(1, 1, 3, 4, 4, 6, 7, 8, 9, 10);
    }

    /** 五(二) 共性分低于50分的取消评星资格; 三星级起评，考核总分不低于70分: ineligible members still count in N. */
    @Test
    void ineligibleMembersGetNoStarButCountInThePopulation() {
        ScoreSheet sheet = rate(
                member("M01", "49", "40"),      // 89 but COMMON 49 < 50: no star
                member("M02", "60", "28"),      // 88 5★
                member("M03", "60", "26"),      // 86 4★
                member("M04", "60", "24"),      // 84 4★: needs N = 10 (N = 9 would give one 4★ place)
                member("M05", "60", "22"),      // 82 3★
                member("M06", "60", "20"),      // 80 3★
                member("M07", "49.99", "28"),   // 77.99, COMMON 49.99 < 50: no star
                member("M08", "60", "10"),      // 70
                member("M09", "60", "9.99"),    // 69.99
                member("M10", "50", "0"));      // 50

        assertThat(stars(sheet)).containsExactly(null, 5, 4, 4, 3, 3, null, null, null, null);
        assertThat(sheet.members().get(9).warnings()).containsExactly("TALK");
    }

    /** N = 5: 10% × 5 = 0.5 → 1, 15% × 5 = 0.75 → 1, 20% × 5 = 1; 总分不低于70分 and 共性分 50 are inclusive. */
    @Test
    void eligibilityBoundariesAndHalfUpQuotas() {
        ScoreSheet sheet = rate(
                member("M1", "60", "30"),     // 90 5★
                member("M2", "55", "25"),     // 80 4★
                member("M3", "50", "20"),     // 70, COMMON exactly 50: 3★
                member("M4", "60", "9.99"),   // 69.99: below 70
                member("M5", "60", "0"));     // 60

        assertThat(stars(sheet)).containsExactly(5, 4, 3, null, null);
    }

    /** N = 2: 0.2, 0.3 and 0.4 all round to 0 places: nobody is starred. */
    @Test
    void aVerySmallPopulationHasNoStarPlaces() {
        ScoreSheet sheet = rate(member("M1", "60", "40"), member("M2", "60", "30"));

        assertThat(stars(sheet)).containsExactly(null, null);
        assertThat(sheet.members()).extracting(MemberResult::rank).containsExactly(1, 2);
    }

    /**
     * 五(一) 预备党员、入党积极分子参照执行: activists are scored, ranked and warned, but are not 党员: no star, not in N.
     * 9 party members: quotas 0.9 → 1, 1.35 → 1, 1.8 → 2 (counting the activist, N = 10 would give two 4★ places).
     */
    @Test
    void activistsAreScoredAndWarnedButNeitherStarredNorCounted() {
        ScoreSheet sheet = rate(
                member("A1", MemberType.ACTIVIST, "60", "40"),        // 100: no star
                member("M1", MemberType.FORMAL, "60", "35"),          // 95 5★
                member("M2", MemberType.PROBATIONARY, "60", "30"),    // 90 4★ (预备党员 are party members)
                member("M3", MemberType.FORMAL, "60", "28"),          // 88 3★
                member("M4", MemberType.FORMAL, "60", "25"),          // 85 3★
                member("M5", MemberType.FORMAL, "60", "20"),          // 80
                member("M6", MemberType.FORMAL, "60", "18"),          // 78
                member("M7", MemberType.FORMAL, "60", "15"),          // 75
                member("M8", MemberType.FORMAL, "60", "12"),          // 72
                member("M9", MemberType.FORMAL, "60", "10"),          // 70
                member("A2", MemberType.ACTIVIST, "40", "5"));        // 45: both warnings

        assertThat(stars(sheet)).containsExactly(null, 5, 4, 3, 3, null, null, null, null, null, null);
        assertThat(sheet.members().get(0).rank()).isEqualTo(1);
        assertThat(sheet.members().get(1).rank()).isEqualTo(2);
        assertThat(sheet.members().get(10).total()).isEqualByComparingTo("45");
        assertThat(sheet.members().get(10).warnings()).containsExactly("TALK", "DOUBLE_WARNING");
    }

    /** 五(二) 党工委复审、定星: the committee rates and ranks all its branches together. */
    @Test
    void theCommitteeIsTheRatingAndRankingUnit() {
        ScoreSheet sheet = rate(
                member("A1", "第一支部", MemberType.FORMAL, "60", "30"),   // 90 4★
                member("B1", "第二支部", MemberType.FORMAL, "60", "35"),   // 95 5★
                member("A2", "第一支部", MemberType.FORMAL, "60", "20"),   // 80 3★
                member("B2", "第二支部", MemberType.FORMAL, "60", "10"),   // 70
                member("A3", "第一支部", MemberType.FORMAL, "60", "0"));   // 60
        // N = 5 → 1/1/1; by branch, 第一支部 alone (N = 3: 0, 0, 1) would give A1 only 3★

        assertThat(stars(sheet)).containsExactly(4, 5, 3, null, null);
        assertThat(sheet.members()).extracting(MemberResult::rank).containsExactly(2, 1, 3, 4, 5);
    }

    @Test
    void exemptMembersAreOutsideThePopulation() {
        // 五(一) 个别年老体弱党员经申请可不纳入管理: N = 4 (not 5) → 10% × 4 = 0.4 → 0, 15% × 4 = 0.6 → 1, 20% × 4 = 0.8 → 1
        // (counting the exempt member, N = 5 would give one place at every level and M1 5★)
        ScoreSheet sheet = rate(
                member("M1", "60", "35"),   // 95 4★: there is no 5★ place
                member("M2", "60", "30"),   // 90 3★
                member("M3", "60", "25"),   // 85
                member("M4", "60", "20"),   // 80
                new Object[] {new Member("OLD", "OLD", "第一支部", MemberType.FORMAL, Category.RETIRED, true), marks("60", "40")});

        assertThat(stars(sheet)).containsExactly(4, 3, null, null, null);
        assertThat(sheet.members().get(4).scored()).isFalse();
        assertThat(sheet.members().get(4).reason()).isEqualTo(Reasons.EXEMPT);
        // no category is exempt by default: a retired member who did not apply is scored
        MemberResult retired = Scenario.under(ID)
                .member(new Member("R", "R", "第一支部", MemberType.FORMAL, Category.RETIRED, null), PresetTesting.ledger(scheme(), "{FULL}"))
                .result();
        assertThat(retired.scored()).isTrue();
        assertThat(retired.total()).isEqualByComparingTo("100");
    }

    @Test
    void starsAreAssignedAtEachHalfYearEvaluation() {
        // 五(一) 一般每半年组织一次: scoring the first half gives that evaluation's stars
        Scenario scenario = Scenario.under(ID);
        scenario.member("M1", marks("60", "35")).member("M2", marks("60", "30")).member("M3", marks("60", "25"))
                .member("M4", marks("60", "20")).member("M5", marks("60", "15"));

        ScoreSheet firstHalf = scenario.score(Span.half(Scenario.YEAR, 1));
        assertThat(firstHalf.members()).extracting(MemberResult::stars).containsExactly(5, 4, 3, null, null);
    }

    @Test
    void presetFileLoadsWithTheContractOfPresetsMd() {
        Scheme scheme = PresetTesting.load(ID);

        assertThat(scheme.id()).isEqualTo(ID);
        assertThat(scheme.name()).isEqualTo("某某区党员评星定级量化管理实施办法");
        assertThat(scheme.description()).isNotBlank();
        assertThat(scheme.source().file()).isEqualTo("001_7e018541ae6c27e2.txt");
        assertThat(scheme.source().heading()).isEqualTo("某某区党员评星定级量化管理实施办法");
        assertThat(scheme.evaluation()).isEqualTo(Period.HALF);
        assertThat(scheme.scope()).containsExactlyInAnyOrder(MemberType.FORMAL, MemberType.PROBATIONARY, MemberType.ACTIVIST);
        assertThat(scheme.exemptCategories()).isEmpty();
        assertThat(scheme.criteriaDefault()).isEqualTo(CriteriaDefault.ZERO);
        assertThat(scheme.ranking()).isEqualTo(RankScope.ALL);
        assertThat(PresetTesting.sections(scheme)).containsExactly("COMMON CRITERIA 60", "STAR CRITERIA 40");
        assertThat(PresetTesting.items(scheme)).containsExactlyInAnyOrder(PresetTesting.lines("""
                C_IDEAL COMMON max 10
                C_PURPOSE COMMON max 10
                C_DISCIPLINE COMMON max 10
                C_WORKSTYLE COMMON max 10
                C_LIFESTYLE COMMON max 10
                C_INTEGRITY COMMON max 10
                S_DUTY STAR max 8
                S_SKILL STAR max 8
                S_STUDY STAR max 8
                S_CONNECT STAR max 8
                S_VOLUNTEER STAR max 8
                """));
        assertThat(scheme.stars().scope()).isEqualTo(RankScope.ALL);
        assertThat(scheme.stars().minTotal()).isEqualByComparingTo("70");
        assertThat(scheme.stars().minSectionCode()).isEqualTo("COMMON");
        assertThat(scheme.stars().minSection()).isEqualByComparingTo("50");
        assertThat(scheme.stars().quotas()).extracting(q -> q.stars() + ":" + q.percent().stripTrailingZeros().toPlainString())
                .containsExactly("5:10", "4:15", "3:20");
        assertThat(scheme.stars().unitQuotas()).isEmpty();
        assertThat(scheme.warnings()).extracting(w -> w.code() + " " + w.atLeast() + " " + w.below() + " " + w.memberTypes())
                .containsExactly("TALK null 60 []", "DOUBLE_WARNING null 50 []");
        assertThat(scheme.grading().bands()).isEmpty();
    }

    @Test
    void everyInterpretationOfPresetsMdIsShownAndEveryRuleCitesItsClause() {
        Scheme scheme = scheme();

        // presets.md: COMMON (interpretation: the 共性分 of the eligibility rule is the 基础分); both sections (equal split)
        assertThat(scheme.section("COMMON").interpretation()).contains("共性分").contains("10分");
        assertThat(scheme.section("STAR").interpretation()).contains("8分");
        // scoring.md §9: quota = round_half_up (interpretation of 左右), ties admitted (interpretation)
        assertThat(scheme.interpretations()).anySatisfy(t -> assertThat(t).contains("左右").contains("四舍五入"));
        assertThat(scheme.interpretations()).anySatisfy(t -> assertThat(t).contains("总分相同"));
        assertThat(scheme.interpretations()).anySatisfy(t -> assertThat(t).contains("入党积极分子"));
        // the collective assessment with mass representatives, the 党工委's wider 5★ share: shown, not computed
        assertThat(scheme.remarks()).anySatisfy(t -> assertThat(t).contains("群众代表").contains("20%"));
        assertThat(scheme.remarks()).anySatisfy(t -> assertThat(t).contains("五星级党员比例"));

        assertThat(scheme.sections()).allSatisfy(s -> assertThat(s.clause()).as(s.code()).isNotBlank());
        assertThat(scheme.items()).allSatisfy(i -> assertThat(i.clause()).as(i.code()).isNotBlank());
        assertThat(scheme.stars().clause()).isNotBlank();
        assertThat(scheme.warnings()).allSatisfy(w -> assertThat(w.clause()).isNotBlank());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static Scheme scheme() {
        return Scenario.under(ID).scheme();
    }

    /** Assessments giving the section values: COMMON spread over its six criteria of 10, STAR over its five of 8. */
    private static String marks(String common, String star) {
        return PresetTesting.spread(new BigDecimal(common), COMMON, BigDecimal.TEN) + " "
                + PresetTesting.spread(new BigDecimal(star), STAR, BigDecimal.valueOf(8));
    }

    private static Object[] member(String id, String common, String star) {
        return member(id, MemberType.FORMAL, common, star);
    }

    private static Object[] member(String id, MemberType type, String common, String star) {
        return member(id, "第一支部", type, common, star);
    }

    private static Object[] member(String id, String unit, MemberType type, String common, String star) {
        return new Object[] {new Member(id, id, unit, type, Category.IN_SERVICE, null), marks(common, star)};
    }

    private static ScoreSheet rate(Object[]... members) {
        Scenario scenario = Scenario.under(ID);
        for (Object[] member : members) {
            scenario.member((Member) member[0], (String) member[1]);
        }
        return scenario.score();
    }

    private static List<Integer> stars(ScoreSheet sheet) {
        return sheet.members().stream().map(MemberResult::stars).toList();
    }

    private static List<String> totals(ScoreSheet sheet) {
        return sheet.members().stream().map(r -> r.total().toPlainString()).toList();
    }
}
