package cn.vanguard.scheme.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.CriteriaDefault;
import cn.vanguard.scheme.Member;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.scheme.Period;
import cn.vanguard.scheme.Reasons;
import cn.vanguard.scheme.Scenario;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.ScoreSheet;

/**
 * The preset {@code district-80-20} (presets.md; seed 000_0a49e12b493fd18a.txt, 党员积分管理评定办法). Every expected
 * figure below was worked out by hand from the seed text. Votes are written {@code votes:好/一般/差}.
 */
class District8020PresetTest {

    private static final String ID = "district-80-20";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # rule (seed clause) and the arithmetic                                        | ledger                                               | total  | DAILY | APPRAISAL | bonus
        二(一)1 日常行为积分80分 by default full; no ballots: 评议 0 (未评议)             |                                                      | 80     | 80    | 0         | 0
        二(一)1 带头遵纪守法(20分) assessed 12: 80-8                                     | DAILY_LAW:12                                         | 72     | 72    | 0         | 0
        二(一)1 all five 带头 assessed: 10+11+12+13+14                                   | DAILY_STUDY:10 DAILY_EXCEL:11 DAILY_SERVE:12 DAILY_LAW:13 DAILY_RIGHTEOUS:14 | 60 | 60 | 0 | 0
        二(一)2 好7 一般2 差1: (7+1.6+0.6)÷10×100 = 92, ×20% = 18.4                     | votes:7/2/1                                          | 98.4   | 80    | 18.4      | 0
        二(一)2 all 好: 100 × 20% = 20                                                   | votes:10/0/0                                         | 100    | 80    | 20        | 0
        二(一)2 all 差: 0.6×10÷10×100 = 60, ×20% = 12                                    | votes:0/0/10                                         | 92     | 80    | 12        | 0
        二(一)2 all 一般: 80 × 20% = 16                                                  | votes:0/25/0                                         | 96     | 80    | 16        | 0
        二(一)2 zero ballots: 评议 0                                                     | votes:0/0/0                                          | 80     | 80    | 0         | 0
        二(一)2 好2 差1: 2.6÷3×100 = 86.666…, ×20% = 17.333… (printed 17.33)             | votes:2/0/1                                          | 97.33  | 80    | 17.33     | 0
        二(一)2 好31 一般1: 31.8÷32×100 = 99.375, ×20% = 19.875, total 99.875 rounds up   | votes:31/1/0                                         | 99.88  | 80    | 19.88     | 0
        二(一)2 with DAILY assessed: 72 + 18.4                                           | DAILY_LAW:12 votes:7/2/1                             | 90.4   | 72    | 18.4      | 0
        二(二)1(1) 市级以上刊物每篇奖2分, 1篇 (below the 3 cap): 80+2                    | CON_PUB_CITY                                         | 82     | 80    | 0         | 2
        二(二)1(1) 市级以上 2篇 = 4, 累计不能超过3分: 80+3                              | CON_PUB_CITY#2                                       | 83     | 80    | 0         | 3
        二(二)1(1) 区级刊物每篇奖1分, 2篇 (just below the cap): 80+2                     | CON_PUB_DISTRICT#2                                   | 82     | 80    | 0         | 2
        二(二)1(1) 区级 3篇 = 3, at the cap: 80+3                                        | CON_PUB_DISTRICT#3                                   | 83     | 80    | 0         | 3
        二(二)1(1) 区级 4篇 = 4, above the cap: 80+3                                     | CON_PUB_DISTRICT#4                                   | 83     | 80    | 0         | 3
        二(二)1(1) 区级 one entry of 5篇: 80+3                                           | CON_PUB_DISTRICT*5                                   | 83     | 80    | 0         | 3
        二(二)1(1) the cap is per year: January and December together 2+2, capped at 3   | CON_PUB_CITY@2025-01-10 CON_PUB_CITY@2025-12-10      | 83     | 80    | 0         | 3
        二(二)1(1) each item has its own cap: 3 (市级) + 3 (区级)                         | CON_PUB_CITY#2 CON_PUB_DISTRICT#3                    | 86     | 80    | 0         | 6
        二(二)1(2) 市级表彰5 and 区级表彰4 of one commendation: highest only, 80+5        | CON_AWARD_CITY~A1 CON_AWARD_DISTRICT~A1              | 85     | 80    | 0         | 5
        二(二)1(2) 支部2, 党工委3 and 区级4 of one commendation: 80+4                    | CON_AWARD_BRANCH~A1 CON_AWARD_WORKCOMMITTEE~A1 CON_AWARD_DISTRICT~A1 | 84 | 80 | 0   | 4
        二(二)1(2) different commendations accumulate: 80+5+4                           | CON_AWARD_CITY~A1 CON_AWARD_DISTRICT~A2              | 89     | 80    | 0         | 9
        二(二)1(2) commendations without an occurrence key are separate: 80+2+2          | CON_AWARD_BRANCH CON_AWARD_BRANCH                    | 84     | 80    | 0         | 4
        二 贡献积分为加分项目 (no pool cap): 100 + 5+5 + 3 + 3                           | votes:10/0/0 CON_AWARD_CITY~A1 CON_AWARD_CITY~A2 CON_PUB_CITY#2 CON_PUB_DISTRICT#3 | 116 | 80 | 20 | 16
        """)
    void workedExamples(String rule, String ledger, BigDecimal total, BigDecimal daily, BigDecimal appraisal, BigDecimal bonus) {
        MemberResult result = Scenario.score(ID, PresetTesting.ledger(scheme(), ledger));

        assertThat(result.scored()).isTrue();
        assertThat(result.total()).isEqualByComparingTo(total);
        assertThat(result.sections().get("DAILY")).isEqualByComparingTo(daily);
        assertThat(result.sections().get("APPRAISAL")).isEqualByComparingTo(appraisal);
        assertThat(result.bonus()).isEqualByComparingTo(bonus);
        // no grade bands in the source
        assertThat(result.graded()).isFalse();
        assertThat(result.grade()).isNull();
        assertThat(result.flags()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "rejected: {0}")
    @ValueSource(strings = {"votes:-1/0/0", "votes:1.5/0/0", "DAILY_LAW:21", "CON_PUB_CITY=3", "CON_AWARD_CITY:5"})
    void entriesOutsideTheRulesAreInputErrors(String token) {
        assertThatThrownBy(() -> Scenario.score(ID, token)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scopeIsMembersInServiceAndProbationaryMembers() {
        // 一 积分对象: 全局所属在职在岗党员和预备党员; 年老体弱…经批准后可以不参加
        ScoreSheet sheet = Scenario.under(ID)
                .member(new Member("F", "F", "第一支部", MemberType.FORMAL, Category.IN_SERVICE, null), "votes:10/0/0")
                .member(new Member("P", "P", "第一支部", MemberType.PROBATIONARY, Category.IN_SERVICE, null), "votes:7/2/1")
                .member(new Member("L", "L", "第一支部", MemberType.FORMAL, Category.LEADER, null), "")
                .member(new Member("A", "A", "第一支部", MemberType.ACTIVIST, Category.IN_SERVICE, null), "")
                .member(new Member("R", "R", "第一支部", MemberType.FORMAL, Category.RETIRED, null), "")
                .member(new Member("M", "M", "第一支部", MemberType.FORMAL, Category.MOBILE, null), "")
                .member(new Member("R2", "R2", "第一支部", MemberType.FORMAL, Category.RETIRED, false), "")
                .member(new Member("S", "S", "第一支部", MemberType.FORMAL, Category.IN_SERVICE, true), "")
                .score();

        assertThat(sheet.members()).extracting(r -> r.member().id() + " " + r.reason() + " " + r.total() + " " + r.rank())
                .containsExactly(
                        "F null 100.00 1",
                        "P null 98.40 2",
                        "L null 80.00 3",
                        "A " + Reasons.OUT_OF_SCOPE + " null null",
                        "R " + Reasons.EXEMPT + " null null",
                        "M " + Reasons.EXEMPT + " null null",
                        "R2 null 80.00 3",
                        "S " + Reasons.EXEMPT + " null null");
    }

    @Test
    void presetFileLoadsWithTheContractOfPresetsMd() {
        Scheme scheme = PresetTesting.load(ID);

        assertThat(scheme.id()).isEqualTo(ID);
        assertThat(scheme.name()).startsWith("党员积分管理评定办法");
        assertThat(scheme.description()).isNotBlank();
        assertThat(scheme.source().file()).isEqualTo("000_0a49e12b493fd18a.txt");
        assertThat(scheme.source().heading()).isEqualTo("党员积分管理评定办法");
        assertThat(scheme.evaluation()).isEqualTo(Period.YEAR);
        assertThat(scheme.scope()).containsExactlyInAnyOrder(MemberType.FORMAL, MemberType.PROBATIONARY);
        assertThat(scheme.exemptCategories()).containsExactlyInAnyOrder(Category.RETIRED, Category.MOBILE);
        assertThat(scheme.criteriaDefault()).isEqualTo(CriteriaDefault.FULL);
        assertThat(scheme.bonusCap()).isNull();
        assertThat(PresetTesting.sections(scheme)).containsExactly(
                "DAILY CRITERIA 80",
                "APPRAISAL APPRAISAL 20 votes good/好=1,average/一般=0.8,poor/差=0.6");
        assertThat(PresetTesting.items(scheme)).containsExactlyInAnyOrder(PresetTesting.lines("""
                DAILY_STUDY DAILY max 15
                DAILY_EXCEL DAILY max 15
                DAILY_SERVE DAILY max 15
                DAILY_LAW DAILY max 20
                DAILY_RIGHTEOUS DAILY max 15
                CON_PUB_CITY bonus 2 cap 3/YEAR
                CON_PUB_DISTRICT bonus 1 cap 3/YEAR
                CON_AWARD_CITY bonus 5 group AWARD
                CON_AWARD_DISTRICT bonus 4 group AWARD
                CON_AWARD_WORKCOMMITTEE bonus 3 group AWARD
                CON_AWARD_BRANCH bonus 2 group AWARD
                """));
        assertThat(scheme.groups()).extracting(g -> g.code()).containsExactly("AWARD");
        assertThat(scheme.grading().bands()).isEmpty();
        assertThat(scheme.flags()).isEmpty();
        assertThat(scheme.warnings()).isEmpty();
        assertThat(scheme.stars()).isNull();
    }

    @Test
    void everyInterpretationOfPresetsMdIsShownAndEveryRuleCitesItsClause() {
        Scheme scheme = scheme();

        // presets.md: criteriaDefault FULL (interpretation: the scoring annex is not in the seed)
        assertThat(scheme.interpretations()).anySatisfy(t -> assertThat(t).contains("党员量化积分标准表").contains("满分"));
        assertThat(scheme.section("DAILY").interpretation()).contains("满分");
        // presets.md: "同一项内容累计计分不能超过3分" (interpretation: per item per year)
        assertThat(scheme.item("CON_PUB_CITY").interpretation()).contains("每年").contains("3分");
        assertThat(scheme.item("CON_PUB_DISTRICT").interpretation()).contains("每年").contains("3分");
        // the cut-off seed: no 减分 and 一票否决; the exemption procedure is shown, not computed
        assertThat(scheme.interpretations()).anySatisfy(t -> assertThat(t).contains("一票否决"));
        assertThat(scheme.remarks()).anySatisfy(t -> assertThat(t).contains("本人申请").contains("支部大会通过").contains("机关工委批准"));

        assertThat(scheme.sections()).allSatisfy(s -> assertThat(s.clause()).as(s.code()).isNotBlank());
        assertThat(scheme.items()).allSatisfy(i -> assertThat(i.clause()).as(i.code()).isNotBlank());
        assertThat(scheme.groups()).allSatisfy(g -> assertThat(g.clause()).isNotBlank());
        assertThat(scheme.bonusClause()).isNotBlank();
    }

    private static Scheme scheme() {
        return Scenario.under(ID).scheme();
    }
}
