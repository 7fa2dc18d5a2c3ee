package cn.vanguard.scheme.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.ExplanationLine;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.Member;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.scheme.Scenario;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.ScoreSheet;
import cn.vanguard.scheme.Step;

/**
 * The preset {@code city-direct-organs} (presets.md; seed 000_0a49e12b493fd18a.txt, "规章制度:XX市直党员积分制管理办法").
 * Every expected figure was worked out by hand from the clauses cited in the first column.
 */
class CityDirectOrgansPresetTest {

    private static final String ID = "city-direct-organs";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # rule (clause) and the arithmetic                                  | ledger                                                  | total  | grade  | ACT   | POST  | PRACTICE | bonus | deductions
        第三条 每个年度从0开始计分: nothing recorded, no level assessed      |                                                         | 0.00   | 不合格 | 0.00  | 0.00  | 0.00     | 0.00  | 0.00
        第四条(一)1 三会一课每次1分: 12 times                               | ACT_MEETING#12                                          | 12.00  | 不合格 | 12.00 | 0.00  | 0.00     | 0.00  | 0.00
        第四条(一)1 党支部学习每次1分, one entry of quantity 3              | ACT_STUDY*3                                             | 3.00   | 不合格 | 3.00  | 0.00  | 0.00     | 0.00  | 0.00
        第四条(一)2 民主生活会、组织生活会每次3分: 2 × 3                    | ACT_LIFE#2                                              | 6.00   | 不合格 | 6.00  | 0.00  | 0.00     | 0.00  | 0.00
        第四条(一)3 专题发言每次2分: 3 × 2                                 | ACT_SPEECH*3                                            | 6.00   | 不合格 | 6.00  | 0.00  | 0.00     | 0.00  | 0.00
        第四条(一)4 心得体会2分 + 讲党课2分                                 | ACT_ESSAY ACT_LECTURE                                   | 4.00   | 不合格 | 4.00  | 0.00  | 0.00     | 0.00  | 0.00
        第四条(一)5 受邀外出讲课每次3分                                     | ACT_INVITED                                             | 3.00   | 不合格 | 3.00  | 0.00  | 0.00     | 0.00  | 0.00
        第四条(一)6 外单位3天以上培训班每次2分: 2 × 2                       | ACT_TRAINING#2                                          | 4.00   | 不合格 | 4.00  | 0.00  | 0.00     | 0.00  | 0.00
        第四条(一) 最高60分: exactly 60 stays 60                            | ACT_MEETING#60                                          | 60.00  | 合格   | 60.00 | 0.00  | 0.00     | 0.00  | 0.00
        第四条(一) 最高60分: 50 + 4 × 3 = 62 is capped at 60                | ACT_MEETING#50 ACT_LIFE#4                               | 60.00  | 合格   | 60.00 | 0.00  | 0.00     | 0.00  | 0.00
        第四条(二)1 年度考核“称职”记25分                                    | POST_LEVEL:称职                                          | 25.00  | 不合格 | 0.00  | 25.00 | 0.00     | 0.00  | 0.00
        第四条(二)1 “优秀”记30分                                            | POST_LEVEL:优秀                                          | 30.00  | 不合格 | 0.00  | 30.00 | 0.00     | 0.00  | 0.00
        第四条(二)1 level code EXCELLENT is 优秀                            | POST_LEVEL:EXCELLENT                                     | 30.00  | 不合格 | 0.00  | 30.00 | 0.00     | 0.00  | 0.00
        (interpretation) 基本称职 and 不称职 give 0                         | POST_LEVEL:基本称职 ACT_MEETING#10                        | 10.00  | 不合格 | 10.00 | 0.00  | 0.00     | 0.00  | 0.00
        第四条(三)1-2 公益志愿服务、文明创建每次1分: 3 + 2                  | PRC_VOLUNTEER#3 PRC_CIVIC#2                             | 5.00   | 不合格 | 0.00  | 0.00  | 5.00     | 0.00  | 0.00
        第四条(三) 最高10分: 8 + 5 = 13 is capped at 10                     | PRC_VOLUNTEER#8 PRC_CIVIC#5                             | 10.00  | 不合格 | 0.00  | 0.00  | 10.00    | 0.00  | 0.00
        第四条(四) 市直部门2 + 市级3 + 省级以上5                             | RWD_CITY_DEPT RWD_CITY RWD_PROVINCE                      | 10.00  | 不合格 | 0.00  | 0.00  | 0.00     | 10.00 | 0.00
        第四条(四) 奖励加分 is on top of the full 100 of the sections       | ACT_MEETING#60 POST_LEVEL:优秀 PRC_VOLUNTEER#10 RWD_PROVINCE | 105.00 | 优秀 | 60.00 | 30.00 | 10.00    | 5.00  | 0.00
        第四条(五)1 未经同意缺席每次扣1分: 10 - 2                           | ACT_MEETING#10 DED_ABSENT#2                             | 8.00   | 不合格 | 10.00 | 0.00  | 0.00     | 0.00  | -2.00
        第四条(五)2 效能追究或组织处理扣2分                                 | ACT_MEETING#10 DED_ACCOUNTABILITY                       | 8.00   | 不合格 | 10.00 | 0.00  | 0.00     | 0.00  | -2.00
        第四条(五)3 警告扣3分、严重警告扣5分: 10 - 3 - 5                    | ACT_MEETING#10 DED_WARNING DED_SERIOUS_WARNING           | 2.00   | 不合格 | 10.00 | 0.00  | 0.00     | 0.00  | -8.00
        第四条(五)4 不能按时交纳党费每次扣2分: 10 - 4                       | ACT_MEETING#10 DED_DUES_LATE#2                          | 6.00   | 不合格 | 10.00 | 0.00  | 0.00     | 0.00  | -4.00
        第四条(五)5 其他不良行为视情形扣1-4分: the most, 4                   | ACT_MEETING#10 DED_OTHER=-4                             | 6.00   | 不合格 | 10.00 | 0.00  | 0.00     | 0.00  | -4.00
        第四条(五)5 其他不良行为视情形扣1-4分: the least, 1                  | ACT_MEETING#10 DED_OTHER=-1                             | 9.00   | 不合格 | 10.00 | 0.00  | 0.00     | 0.00  | -1.00
        第四条(五) deductions come off the total, after the 60 cap: 60 - 3  | ACT_MEETING#65 DED_ABSENT#3                             | 57.00  | 不合格 | 60.00 | 0.00  | 0.00     | 0.00  | -3.00
        scoring.md §4 the total is floored at 0: 2 - 5                       | ACT_MEETING#2 DED_SERIOUS_WARNING                       | 0.00   | 不合格 | 2.00  | 0.00  | 0.00     | 0.00  | -5.00
        第四条(五)3 撤销党内职务以上处分 全年无积分: 60+30+5 → 0             | ACT_MEETING#60 POST_LEVEL:优秀 RWD_PROVINCE VETO_DISMISSAL | 0.00 | 不合格 | 60.00 | 30.00 | 0.00     | 5.00  | 0.00
        第四条(五)4 连续6个月以上不交纳党费 全年无积分                      | ACT_MEETING#60 POST_LEVEL:称职 VETO_DUES_6M              | 0.00   | 不合格 | 60.00 | 25.00 | 0.00     | 0.00  | 0.00
        第五条 90分以上为优秀: exactly 90                                    | ACT_MEETING#60 POST_LEVEL:优秀                           | 90.00  | 优秀   | 60.00 | 30.00 | 0.00     | 0.00  | 0.00
        第五条 below 90 is 合格: 89.99                                      | ACT_MEETING*59.99 POST_LEVEL:优秀                        | 89.99  | 合格   | 59.99 | 30.00 | 0.00     | 0.00  | 0.00
        第五条 60-90分为合格: exactly 60                                     | ACT_MEETING*35 POST_LEVEL:称职                           | 60.00  | 合格   | 35.00 | 25.00 | 0.00     | 0.00  | 0.00
        第五条 低于60分为不合格: 59.99                                       | ACT_MEETING*34.99 POST_LEVEL:称职                        | 59.99  | 不合格 | 34.99 | 25.00 | 0.00     | 0.00  | 0.00
        scoring.md §4 the total is rounded HALF_UP once, at the end: 0.005    | ACT_MEETING*0.005                                       | 0.01   | 不合格 | 0.01  | 0.00  | 0.00     | 0.00  | 0.00
        scoring.md §4 … from the unrounded sections: 0.004 + 0.004 = 0.008    | ACT_MEETING*0.004 PRC_VOLUNTEER*0.004                   | 0.01   | 不合格 | 0.00  | 0.00  | 0.00     | 0.00  | 0.00
        """)
    void workedExamples(String rule, String ledger, String total, String grade, String act, String post, String practice,
                        String bonus, String deductions) {
        MemberResult result = Scenario.score(ID, ledger == null ? "" : ledger);
        assertThat(result.total().toPlainString()).as("total").isEqualTo(total);
        assertThat(result.grade()).as("grade").isEqualTo(grade);
        assertThat(result.sections()).as("sections").containsExactly(
                java.util.Map.entry("ACT", new java.math.BigDecimal(act)),
                java.util.Map.entry("POST", new java.math.BigDecimal(post)),
                java.util.Map.entry("PRACTICE", new java.math.BigDecimal(practice)));
        assertThat(result.bonus().toPlainString()).as("bonus").isEqualTo(bonus);
        assertThat(result.deductions().toPlainString()).as("deductions").isEqualTo(deductions);
    }

    @Test
    void scoresServingAndProbationaryMembersAndListsTheOthers() {
        // 第二条: 在职党员和预备党员; 离退休党员、流动党员暂不实行 — unless a member's exempt=false says otherwise.
        ScoreSheet sheet = Scenario.under(ID)
                .member(new Member("FORMAL", "甲", "一支部", MemberType.FORMAL, Category.IN_SERVICE, null), "ACT_MEETING")
                .member(new Member("LEADER", "乙", "一支部", MemberType.FORMAL, Category.LEADER, null), "ACT_MEETING")
                .member(new Member("PROBATION", "丙", "一支部", MemberType.PROBATIONARY, Category.IN_SERVICE, null), "ACT_MEETING")
                .member(new Member("RETIRED", "丁", "一支部", MemberType.FORMAL, Category.RETIRED, null), "ACT_MEETING")
                .member(new Member("MOBILE", "戊", "一支部", MemberType.FORMAL, Category.MOBILE, null), "ACT_MEETING")
                .member(new Member("RETIRED_IN", "己", "一支部", MemberType.FORMAL, Category.RETIRED, false), "ACT_MEETING")
                .member(new Member("SICK", "庚", "一支部", MemberType.FORMAL, Category.IN_SERVICE, true), "ACT_MEETING")
                .member(new Member("ACTIVIST", "辛", "一支部", MemberType.ACTIVIST, Category.IN_SERVICE, null), "ACT_MEETING")
                .score();
        assertThat(sheet.members()).extracting(r -> r.member().id() + " " + r.scored() + " " + r.reason() + " " + r.rank())
                .containsExactly(
                        "FORMAL true null 1", "LEADER true null 1", "PROBATION true null 1",
                        "RETIRED false 免于积分管理 null", "MOBILE false 免于积分管理 null",
                        "RETIRED_IN true null 1", "SICK false 免于积分管理 null", "ACTIVIST false 不在适用范围 null");
        MemberResult activist = sheet.members().get(7);
        assertThat(activist.total()).isNull();
        assertThat(activist.graded()).isFalse();
        assertThat(activist.explanation()).extracting(ExplanationLine::rule)
                .containsExactly("入党积极分子不在本方案适用范围（适用于正式党员、预备党员），列入名单但不计分");
    }

    @Test
    void equalTotalsShareARankAndTheNextRankSkips() {
        // scoring.md §8: 1, 2, 2, 4 within the branch
        ScoreSheet sheet = Scenario.under(ID)
                .member("A", "ACT_MEETING#40").member("B", "ACT_MEETING#30").member("C", "ACT_MEETING#30").member("D", "ACT_MEETING#10")
                .score();
        assertThat(sheet.members()).extracting(MemberResult::rank).containsExactly(1, 2, 2, 4);
    }

    @Test
    void explainsTheCapTheVetoAndTheGradeWithTheirClauses() {
        MemberResult result = Scenario.score(ID, "ACT_MEETING#62 POST_LEVEL:称职 VETO_DISMISSAL@2025-10-11");
        List<ExplanationLine> lines = result.explanation();
        assertThat(lines).filteredOn(l -> l.step() == Step.SECTION && l.rule().startsWith("参加党的活动"))
                .singleElement().satisfies(l -> {
                    assertThat(l.rule()).isEqualTo("参加党的活动：各项合计62分，超过最高60分，按60分计（第四条(一) 参加党的活动最高60分）");
                    assertThat(l.before()).isEqualByComparingTo("62");
                    assertThat(l.after()).isEqualByComparingTo("60");
                });
        assertThat(lines).filteredOn(l -> l.step() == Step.VETO).singleElement().satisfies(l -> {
            assertThat(l.rule()).isEqualTo("一票否决：受撤销党内职务以上处分，年度积分为0（第四条(五)3 全年无积分）");
            assertThat(l.before()).isEqualByComparingTo("85");
            assertThat(l.after()).isEqualByComparingTo("0");
            assertThat(l.entry()).isEqualTo("64");
        });
        assertThat(lines).filteredOn(l -> l.step() == Step.GRADE).singleElement()
                .extracting(ExplanationLine::rule).isEqualTo("0分，低于60分为“不合格”（第五条）");
        assertThat(lines.stream().map(ExplanationLine::step).distinct())
                .containsExactly(Step.ENTRY, Step.SECTION, Step.TOTAL, Step.VETO, Step.GRADE, Step.RANK);
    }

    @Test
    void fileCarriesTheItemsAndSourceOfPresetsMd() {
        Scheme scheme = Presets.get(ID).orElseThrow();
        assertThat(scheme.items()).extracting(Item::code).containsExactly(
                "ACT_MEETING", "ACT_STUDY", "ACT_LIFE", "ACT_SPEECH", "ACT_ESSAY", "ACT_LECTURE", "ACT_INVITED", "ACT_TRAINING",
                "POST_LEVEL", "PRC_VOLUNTEER", "PRC_CIVIC", "RWD_CITY_DEPT", "RWD_CITY", "RWD_PROVINCE",
                "DED_ABSENT", "DED_ACCOUNTABILITY", "DED_WARNING", "DED_SERIOUS_WARNING", "DED_DUES_LATE", "DED_OTHER",
                "VETO_DISMISSAL", "VETO_DUES_6M");
        assertThat(scheme.source().file()).isEqualTo("000_0a49e12b493fd18a.txt");
        assertThat(scheme.source().heading()).isEqualTo("规章制度:XX市直党员积分制管理办法");
        assertThat(scheme.item("POST_LEVEL").interpretation()).contains("基本称职", "0分");
        assertThat(scheme.description()).contains("离退休党员和流动党员暂不实行");
        assertThat(scheme.exemptCategories()).containsExactlyInAnyOrder(Category.RETIRED, Category.MOBILE);
        assertThat(scheme.items()).allSatisfy(item -> assertThat(item.clause()).as(item.code()).isNotBlank());
    }
}
