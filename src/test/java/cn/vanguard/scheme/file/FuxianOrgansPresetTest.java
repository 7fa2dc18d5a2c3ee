package cn.vanguard.scheme.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.vanguard.scheme.CriteriaDefault;
import cn.vanguard.scheme.Member;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.scheme.Period;
import cn.vanguard.scheme.Reasons;
import cn.vanguard.scheme.Scenario;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.ScoreSheet;
import cn.vanguard.scheme.Span;

/**
 * The preset {@code fuxian-organs} (presets.md; seed 000_0a49e12b493fd18a.txt, 富县机关党员积分制管理暂行办法 and the later
 * 关于印发《机关党员积分制管理(暂行)办法》的通知). Every expected figure below was worked out by hand from the seed text.
 * In a ledger, {@code {FULL}} assesses every criterion the row does not assess itself at its maximum (4 × 25 = 100).
 */
class FuxianOrgansPresetTest {

    private static final String ID = "fuxian-organs";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # rule (seed clause) and the arithmetic                              | ledger                                                  | total | grade | flags               | sections
        criteriaDefault ZERO: nothing assessed, nothing earned                 |                                                         | 0     | 差    |                     | EDU=0;DUTY=0;WORK=0;PLEDGE=0
        三(一) 积分制满分为100分: all 18 criteria full                          | {FULL}                                                  | 100   | 优秀  | EXCELLENT_CANDIDATE | EDU=25;DUTY=25;WORK=25;PLEDGE=25
        一(一) assessed criteria add up: 5+4                                    | EDU_THEORY:5 EDU_NOTES:4                                | 9     | 差    |                     | EDU=9
        一(一)2 集中培训不少于6次: 6 trainings give 5 without assessment         | EDU_TRAINING_ATTEND#6                                   | 5     | 差    |                     | EDU=5
        一(一)2 6 trainings give 5 whatever the assessment (assessed 0)          | EDU_TRAINING_ATTEND#6 EDU_TRAINING:0                    | 5     | 差    |                     | EDU=5
        一(一)2 one entry of 6 trainings                                        | EDU_TRAINING_ATTEND*6                                   | 5     | 差    |                     | EDU=5
        一(一)2 5 trainings: the assessment (2) stands                          | EDU_TRAINING_ATTEND#5 EDU_TRAINING:2                    | 2     | 差    |                     | EDU=2
        一(一)2 5 trainings, not assessed: 0                                    | EDU_TRAINING_ATTEND#5                                   | 0     | 差    |                     | EDU=0
        三(三) 100分以上(含100分)为优秀: 100+2 still 优秀                       | {FULL} BON_AWARD                                        | 102   | 优秀  | EXCELLENT_CANDIDATE |
        三(三) 90-100分为良好: 99.99                                            | {FULL} WORK_RESULTS:9.99                                | 99.99 | 良好  |                     | WORK=24.99
        三(三) 含90分: exactly 90 is 良好                                       | {FULL} WORK_RESULTS:0                                   | 90    | 良好  |                     | WORK=15
        三(三) 80-90分为一般: 89.99                                             | {FULL} WORK_RESULTS:0 PLEDGE_CONTENT:4.99               | 89.99 | 一般  |                     |
        三(三) 含80分: exactly 80 is 一般                                       | {FULL} WORK_RESULTS:0 PLEDGE_RATE:0                     | 80    | 一般  |                     | PLEDGE=15
        三(三) 80分以下为差: 79.99                                              | {FULL} WORK_RESULTS:0 PLEDGE_RATE:0 PLEDGE_CONTENT:4.99 | 79.99 | 差    |                     |
        二(一)1 省以上刊物发表每篇奖2分, 2篇: 100+4                             | {FULL} BON_PUBLISH#2                                    | 104   | 优秀  | EXCELLENT_CANDIDATE |
        二(一)2 县级以上表彰每次奖2分: 90+2                                     | {FULL} WORK_RESULTS:0 BON_AWARD                         | 92    | 良好  |                     |
        二(一)3 one innovation, 成效显著 3 and 特别突出 5: counts once at 5     | {FULL} WORK_RESULTS:0 BON_INNOVATION~I1 BON_INNOVATION_TOP~I1 | 95 | 良好 |                 |
        二(一)3 two innovations accumulate: 90+3+5                              | {FULL} WORK_RESULTS:0 BON_INNOVATION~I1 BON_INNOVATION_TOP~I2 | 98 | 良好 |                 |
        二(一)3 innovations without an occurrence key are separate: 90+3+5      | {FULL} WORK_RESULTS:0 BON_INNOVATION BON_INNOVATION_TOP | 98    | 良好  |                     |
        二(一)3 the same innovation recorded twice counts once: 90+3            | {FULL} WORK_RESULTS:0 BON_INNOVATION~I1 BON_INNOVATION~I1 | 93  | 良好  |                     |
        二(一)4 承诺之外 酌情奖分 (1-5), 5 points: 90+5                         | {FULL} WORK_RESULTS:0 BON_EXTRA=5                       | 95    | 良好  |                     |
        二(二)1 日常工作失误一次扣4分: 100-4                                    | {FULL} DED_ERROR                                        | 96    | 良好  |                     |
        二(二)2 重点工作失误一次扣8分: 100-8                                    | {FULL} DED_KEY_ERROR                                    | 92    | 良好  |                     |
        二(二)1 造成严重后果再予以加扣 (1-10): 100-4-10                          | {FULL} DED_ERROR DED_CONSEQUENCE=-10                    | 86    | 一般  |                     |
        二(二)4 积极性差酌情扣分 (1-5) and 二(二)5 不严格履行义务 (1-5): 100-5-1  | {FULL} DED_SLACK=-5 DED_DUTY=-1                         | 94    | 良好  |                     |
        二(二)6 违法活动每次扣15-30分, 15: 100-15                               | {FULL} DED_ILLEGAL=-15                                  | 85    | 一般  |                     |
        二(二)6 违法活动 30: 100-30                                             | {FULL} DED_ILLEGAL=-30                                  | 70    | 差    |                     |
        二(二)6 twice in the year: 100-20-30                                    | {FULL} DED_ILLEGAL=-20 DED_ILLEGAL=-30                  | 50    | 差    |                     |
        三(二) 总积分为积分与奖扣分之和, floored at 0: 0-30                      | DED_ILLEGAL=-30                                         | 0     | 差    |                     |
        二(二)3 关键工作失误 一票否决 扣除业务工作项全部积分: 100-25              | {FULL} VETO_CRITICAL_ERROR                              | 75    | 差    |                     | WORK=0;EDU=25;DUTY=25;PLEDGE=25
        二(二)3 the veto zeroes WORK only, bonus stays: 75+5                    | {FULL} VETO_CRITICAL_ERROR BON_INNOVATION_TOP           | 80    | 一般  |                     | WORK=0
        二(二)3 the veto zeroes WORK only, deductions stay: 75-4                | {FULL} VETO_CRITICAL_ERROR DED_ERROR                    | 71    | 差    |                     | WORK=0
        二(二)3 the veto zeroes what WORK had: 5 (EDU) + 0                      | EDU_THEORY:5 WORK_RESULTS:10 VETO_CRITICAL_ERROR        | 5     | 差    |                     | EDU=5;WORK=0
        """)
    void workedExamples(String rule, String ledger, BigDecimal total, String grade, String flags, String sections) {
        MemberResult result = Scenario.score(ID, PresetTesting.ledger(scheme(), ledger));

        assertThat(result.scored()).isTrue();
        assertThat(result.total()).isEqualByComparingTo(total);
        assertThat(result.grade()).isEqualTo(grade);
        assertThat(result.flags()).containsExactlyElementsOf(PresetTesting.codes(flags));
        PresetTesting.assertSections(result, sections);
    }

    @Test
    void seriousIllegalActsDisqualify() {
        // 二(二)6 严重的取消其积分资格
        ScoreSheet sheet = Scenario.under(ID)
                .member("M1", PresetTesting.ledger(scheme(), "{FULL} DED_ILLEGAL=-30 VETO_DISQUALIFY"))
                .member("M2", PresetTesting.ledger(scheme(), "{FULL} WORK_RESULTS:0"))
                .score();

        MemberResult disqualified = sheet.members().get(0);
        assertThat(disqualified.scored()).isFalse();
        assertThat(disqualified.reason()).isEqualTo(Reasons.DISQUALIFIED);
        assertThat(disqualified.grade()).isEqualTo(Reasons.DISQUALIFIED);
        assertThat(disqualified.total()).isNull();
        assertThat(disqualified.rank()).isNull();
        assertThat(disqualified.vetoes()).containsExactly("VETO_DISQUALIFY");
        // not in the ranking population: the other member is first of one
        assertThat(sheet.members().get(1).rank()).isEqualTo(1);
        assertThat(sheet.members().get(1).total()).isEqualByComparingTo("90");
    }

    @Test
    void halfYearEvaluationCountsTheTrainingsOfTheHalfAlone() {
        // 四 每半年评定一次，年终总评: 3 trainings in each half reach 6 only over the year (scoring.md §3.4)
        Scenario scenario = Scenario.under(ID).member("M1",
                "EDU_TRAINING_ATTEND#3@2025-03-10 EDU_TRAINING_ATTEND#3@2025-09-10 EDU_TRAINING:3 DED_ERROR@2025-10-01 BON_AWARD@2025-04-01");

        MemberResult year = scenario.score().members().get(0);
        MemberResult firstHalf = scenario.score(Span.half(Scenario.YEAR, 1)).members().get(0);
        MemberResult secondHalf = scenario.score(Span.half(Scenario.YEAR, 2)).members().get(0);

        assertThat(year.sections().get("EDU")).isEqualByComparingTo("5");
        assertThat(year.total()).isEqualByComparingTo("3");          // 5 + 2 - 4
        assertThat(firstHalf.sections().get("EDU")).isEqualByComparingTo("3");
        assertThat(firstHalf.total()).isEqualByComparingTo("5");     // 3 (assessed) + 2
        assertThat(secondHalf.sections().get("EDU")).isEqualByComparingTo("3");
        assertThat(secondHalf.total()).isEqualByComparingTo("0");    // 3 - 4, floored at 0
    }

    @ParameterizedTest(name = "rejected: {0}")
    @ValueSource(strings = {"DED_ILLEGAL=-31", "DED_ILLEGAL=-14", "DED_ILLEGAL", "BON_EXTRA=6", "BON_EXTRA=0", "DED_CONSEQUENCE=-11",
            "DED_SLACK=-6", "DED_DUTY=1", "EDU_TRAINING:6", "WORK_RESULTS:10.01", "BON_AWARD=3", "VETO_CRITICAL_ERROR=-1"})
    void entriesOutsideTheRulesAreInputErrors(String token) {
        assertThatThrownBy(() -> Scenario.score(ID, token)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scopeIsFormalAndProbationaryMembers() {
        ScoreSheet sheet = Scenario.under(ID)
                .member("F", MemberType.FORMAL, "EDU_THEORY:5")
                .member("P", MemberType.PROBATIONARY, "EDU_THEORY:4")
                .member("A", MemberType.ACTIVIST, "EDU_THEORY:5")
                .member(new Member("X", "X", "第一支部", MemberType.FORMAL, null, true), "EDU_THEORY:5")
                .score();

        assertThat(sheet.members().get(0).total()).isEqualByComparingTo("5");
        assertThat(sheet.members().get(1).total()).isEqualByComparingTo("4");
        assertThat(sheet.members().get(1).grade()).isEqualTo("差");
        assertThat(sheet.members().get(2).reason()).isEqualTo(Reasons.OUT_OF_SCOPE);
        assertThat(sheet.members().get(3).reason()).isEqualTo(Reasons.EXEMPT);
    }

    @Test
    void presetFileLoadsWithTheContractOfPresetsMd() {
        Scheme scheme = PresetTesting.load(ID);

        assertThat(scheme.id()).isEqualTo(ID);
        assertThat(scheme.name()).isEqualTo("富县机关党员积分制管理暂行办法");
        assertThat(scheme.description()).isNotBlank();
        assertThat(scheme.source().file()).isEqualTo("000_0a49e12b493fd18a.txt");
        assertThat(scheme.source().heading()).contains("富县机关党员积分制管理暂行办法").contains("关于印发《机关党员积分制管理(暂行)办法》的通知");
        assertThat(scheme.evaluation()).isEqualTo(Period.HALF);
        assertThat(scheme.scope()).containsExactlyInAnyOrder(MemberType.FORMAL, MemberType.PROBATIONARY);
        assertThat(scheme.exemptCategories()).isEmpty();
        assertThat(scheme.criteriaDefault()).isEqualTo(CriteriaDefault.ZERO);
        assertThat(scheme.totalFloor()).isEqualByComparingTo("0");
        assertThat(scheme.bonusCap()).isNull();
        assertThat(PresetTesting.sections(scheme)).containsExactly(
                "EDU CRITERIA 25", "DUTY CRITERIA 25", "WORK CRITERIA 25", "PLEDGE CRITERIA 25");
        assertThat(PresetTesting.items(scheme)).containsExactlyInAnyOrder(PresetTesting.lines("""
                EDU_THEORY EDU max 5
                EDU_TRAINING EDU max 5 threshold EDU_TRAINING_ATTEND>=6
                EDU_NOTES EDU max 5
                EDU_ESSAYS EDU max 5
                EDU_RESEARCH EDU max 5
                DUTY_LINE DUTY max 5
                DUTY_DISCIPLINE DUTY max 5
                DUTY_ORGLIFE DUTY max 5
                DUTY_MASSES DUTY max 5
                DUTY_DEDICATION DUTY max 5
                WORK_PLAN WORK max 5
                WORK_KEY WORK max 5
                WORK_ONTIME WORK max 5
                WORK_RESULTS WORK max 10
                PLEDGE_CONTENT PLEDGE max 5
                PLEDGE_ACTION PLEDGE max 5
                PLEDGE_REPORT PLEDGE max 5
                PLEDGE_RATE PLEDGE max 10
                BON_PUBLISH bonus 2
                BON_AWARD bonus 2
                BON_INNOVATION bonus 3 group INNOVATION
                BON_INNOVATION_TOP bonus 5 group INNOVATION
                BON_EXTRA bonus 1..5
                DED_ERROR deduction->total -4
                DED_KEY_ERROR deduction->total -8
                DED_CONSEQUENCE deduction->total -10..-1
                DED_SLACK deduction->total -5..-1
                DED_DUTY deduction->total -5..-1
                DED_ILLEGAL deduction->total -30..-15
                VETO_CRITICAL_ERROR veto ZERO_SECTION(WORK)
                VETO_DISQUALIFY veto DISQUALIFY
                EDU_TRAINING_ATTEND counter
                """));
        assertThat(scheme.groups()).extracting(g -> g.code()).containsExactly("INNOVATION");
        assertThat(scheme.grading().failing()).isEqualTo("差");
        assertThat(scheme.grading().bands()).extracting(b -> b.grade() + " " + b.bound() + " " + b.exclusive())
                .containsExactly("优秀 100 false", "良好 90 false", "一般 80 false", "差 null false");
        assertThat(scheme.flags()).extracting(f -> f.code() + " " + f.atLeast()).containsExactly("EXCELLENT_CANDIDATE 100");
        assertThat(scheme.warnings()).isEmpty();
        assertThat(scheme.stars()).isNull();
    }

    @Test
    void everyInterpretationOfPresetsMdIsShownAndEveryRuleCitesItsClause() {
        Scheme scheme = scheme();

        // presets.md: BON_EXTRA (interpretation: range); DED_CONSEQUENCE, DED_SLACK, DED_DUTY (interpretation of 再予以加扣 / 酌情扣分)
        assertThat(scheme.item("BON_EXTRA").interpretation()).contains("1至5分");
        assertThat(scheme.item("DED_CONSEQUENCE").interpretation()).contains("1至10分");
        assertThat(scheme.item("DED_SLACK").interpretation()).contains("1至5分");
        assertThat(scheme.item("DED_DUTY").interpretation()).contains("1至5分");
        // the 80% alternative of 一(一)2 is left to the assessment; the later notice supplies the 奖扣分 part
        assertThat(scheme.item("EDU_TRAINING").interpretation()).contains("6次");
        assertThat(scheme.interpretations()).anySatisfy(t -> assertThat(t).contains("80%"));
        assertThat(scheme.interpretations()).anySatisfy(t -> assertThat(t).contains("印发通知"));

        assertThat(scheme.sections()).allSatisfy(s -> assertThat(s.clause()).as(s.code()).isNotBlank());
        assertThat(scheme.items()).allSatisfy(i -> assertThat(i.clause()).as(i.code()).isNotBlank());
        assertThat(scheme.groups()).allSatisfy(g -> assertThat(g.clause()).isNotBlank());
        assertThat(scheme.bonusClause()).isNotBlank();
        assertThat(scheme.grading().clause()).isNotBlank();
        assertThat(scheme.flags()).allSatisfy(f -> assertThat(f.clause()).isNotBlank());
    }

    private static Scheme scheme() {
        return Scenario.under(ID).scheme();
    }
}
