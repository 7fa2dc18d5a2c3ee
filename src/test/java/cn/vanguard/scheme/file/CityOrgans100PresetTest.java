package cn.vanguard.scheme.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.CriteriaDefault;
import cn.vanguard.scheme.Evidence;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.Member;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.scheme.Period;
import cn.vanguard.scheme.Pool;
import cn.vanguard.scheme.Publicity;
import cn.vanguard.scheme.Reasons;
import cn.vanguard.scheme.Scenario;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.ScoreSheet;

/**
 * The preset {@code city-organs-100} (presets.md; seed 004_e1c544fc79c58924.txt, 附件1 市直机关在职党员“积分制”百分考核办法
 * and the 党(总)支部党员管理考核表 after it). Every expected figure below was worked out by hand from the seed text.
 */
class CityOrgans100PresetTest {

    private static final String ID = "city-organs-100";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # rule (seed clause) and the arithmetic                        | ledger                                                   | total  | grade    | flags          | sections
        一 基础分均为100分: nothing recorded, every criterion full       |                                                          | 100    | 合格     | AWARD_ELIGIBLE | BASE=100
        基础项目1 政治合格20分, assessed 15: 100-5                     | B_POLITICAL:15                                           | 95     | 合格     | AWARD_ELIGIBLE | BASE=95
        基础项目4 组织生活30分, assessed 20, 减分17 党费-3: 100-10-3   | B_ORGLIFE:20 DED_DUES_LATE                               | 87     | 合格     |                | BASE=87
        加分项目7 合理化建议每条2分, 2条: 100+4                        | BON_SUGGESTION#2                                         | 104    | 合格     | AWARD_ELIGIBLE | BASE=100
        加分项目8 爱心捐助每次3分: 100+3                               | BON_CHARITY                                              | 103    | 合格     | AWARD_ELIGIBLE |
        加分项目9 化解矛盾纠纷每次5分: 100+5                           | BON_MEDIATION                                            | 105    | 合格     | AWARD_ELIGIBLE |
        加分项目10 劝阻制止违法违纪每次5分: 100+5                      | BON_STOP_MISCONDUCT                                      | 105    | 合格     | AWARD_ELIGIBLE |
        加分项目11 见义勇为每次10分: 100+10                            | BON_BRAVERY                                              | 110    | 优秀候选 | AWARD_ELIGIBLE |
        加分项目12 治安维稳贡献每次3分, 2次: 100+6                     | BON_CONTRIBUTION*2                                       | 106    | 合格     | AWARD_ELIGIBLE |
        加分项目13 表彰 工委5 市级10 省级20 国家级30 all add up: 100+65 | BON_AWARD_ORGAN BON_AWARD_CITY BON_AWARD_PROVINCE BON_AWARD_NATION | 165 | 优秀候选 | AWARD_ELIGIBLE |
        加分项目14 其他表现突出每次3分: 100+3                          | BON_OTHER                                                | 103    | 合格     | AWARD_ELIGIBLE |
        加分项目 上不封顶: 5 national awards 100+150                   | BON_AWARD_NATION#5                                       | 250    | 优秀候选 | AWARD_ELIGIBLE |
        减分项目15 不履职每次3分: 100-3                                | DED_DUTY                                                 | 97     | 合格     | AWARD_ELIGIBLE | BASE=97
        减分项目15 群众反响强烈每次5分: 100-5                          | DED_DUTY_SEVERE                                          | 95     | 合格     | AWARD_ELIGIBLE | BASE=95
        减分项目16 无故缺席每次3分, 2次: 100-6                         | DED_ABSENT_NO_LEAVE#2                                    | 94     | 合格     | AWARD_ELIGIBLE | BASE=94
        减分项目16 请假缺席 1st of the year is free                    | DED_ABSENT_LEAVE                                         | 100    | 合格     | AWARD_ELIGIBLE | BASE=100
        减分项目16 请假缺席 2nd of the year is still free              | DED_ABSENT_LEAVE#2                                       | 100    | 合格     | AWARD_ELIGIBLE | BASE=100
        减分项目16 请假缺席 3rd costs 2: 100-2                         | DED_ABSENT_LEAVE#3                                       | 98     | 合格     | AWARD_ELIGIBLE | BASE=98
        减分项目16 请假缺席 4 times: 100-2-2                           | DED_ABSENT_LEAVE#4                                       | 96     | 合格     | AWARD_ELIGIBLE | BASE=96
        减分项目16 请假缺席 one entry of 3 straddles the 2 free: 100-2  | DED_ABSENT_LEAVE*3                                       | 98     | 合格     | AWARD_ELIGIBLE | BASE=98
        减分项目16 the 2 free are the year's first, whatever the months | DED_ABSENT_LEAVE@2025-12-10 DED_ABSENT_LEAVE@2025-01-10 DED_ABSENT_LEAVE@2025-02-10 | 98 | 合格 | AWARD_ELIGIBLE | BASE=98
        减分项目16 free leave-absences do not cover 无故缺席: 100-3     | DED_ABSENT_LEAVE#2 DED_ABSENT_NO_LEAVE                   | 97     | 合格     | AWARD_ELIGIBLE | BASE=97
        减分项目17 不按时交纳党费每次3分: 100-3                        | DED_DUES_LATE                                            | 97     | 合格     | AWARD_ELIGIBLE |
        减分项目18 无正当理由不配合每次10分: 100-10                    | DED_NONCOOP                                              | 90     | 合格     | AWARD_ELIGIBLE |
        减分项目18 直系亲属涉及不积极配合每次5分: 100-5                | DED_NONCOOP_RELATIVE                                     | 95     | 合格     | AWARD_ELIGIBLE |
        减分项目19 个人非正常上访每次10分: 100-10                      | DED_PETITION                                             | 90     | 合格     | AWARD_ELIGIBLE |
        减分项目19 直系亲属上访未劝阻每人次5分, 2人次: 100-10          | DED_PETITION_RELATIVE*2                                  | 90     | 合格     | AWARD_ELIGIBLE |
        减分项目20 态度冷硬粗暴被有效投诉每次5分: 100-5                | DED_COLD                                                 | 95     | 合格     | AWARD_ELIGIBLE |
        减分项目21 违背三德每次10分: 100-10                            | DED_MORALS                                               | 90     | 合格     | AWARD_ELIGIBLE |
        减分项目22 警告处分10分: 100-10                                | DED_WARNING                                              | 90     | 合格     | AWARD_ELIGIBLE |
        减分项目22 严重警告20分: 100-20                                | DED_SERIOUS_WARNING                                      | 80     | 合格     |                |
        减分项目22 撤销党内职务30分: 100-30 = 70, 70分以下不合格       | DED_REMOVAL                                              | 70     | 不合格   |                | BASE=70
        减分项目22 留党察看40分: 100-40                                | DED_PROBATION                                            | 60     | 不合格   |                | BASE=60
        减分项目23 其他不符合党员身份言行每次3分: 100-3                | DED_OTHER                                                | 97     | 合格     | AWARD_ELIGIBLE |
        减分项目23 群众反响强烈每次5分: 100-5                          | DED_OTHER_SEVERE                                         | 95     | 合格     | AWARD_ELIGIBLE |
        减分项目 扣光基础分为止: 40+30+20+10+3 = 103 off 100, BASE stops at 0 | DED_PROBATION DED_REMOVAL DED_SERIOUS_WARNING DED_WARNING DED_DUTY | 0 | 不合格 |       | BASE=0
        扣光基础分为止 then 加分项目8 still counts: BASE 0 + 3         | DED_PROBATION DED_REMOVAL DED_SERIOUS_WARNING DED_WARNING DED_DUTY BON_CHARITY | 3 | 不合格 | | BASE=0
        deductions and bonus: 100-3-5+10+5                             | DED_DUTY DED_COLD BON_BRAVERY BON_AWARD_ORGAN            | 107    | 合格     | AWARD_ELIGIBLE | BASE=92
        一票否决1 错误言论: 年度积分为0, 直接评定不合格                | BON_AWARD_NATION VETO_POLITICAL                          | 0      | 不合格   |                | BASE=100
        一票否决2 连续六个月不参加组织生活                             | BON_BRAVERY VETO_NO_ORGLIFE_6M                           | 0      | 不合格   |                |
        一票否决3 拖欠半年以上党费拒不交纳                             | VETO_DUES_6M                                             | 0      | 不合格   |                |
        一票否决4 违法违规受处罚处分                                   | BON_CHARITY VETO_LAW                                     | 0      | 不合格   |                |
        一票否决5 党员发展、组织关系转接、档案工作事故                 | VETO_ORG_WORK                                            | 0      | 不合格   |                |
        一票否决6 严重违纪或造成恶劣影响                               | BON_AWARD_PROVINCE VETO_SEVERE                           | 0      | 不合格   |                |
        三 70分以下不合格: exactly 70 (组织生活 0 of 30)               | B_ORGLIFE:0                                              | 70     | 不合格   |                | BASE=70
        三 70.01 is above 70: 合格                                     | B_ORGLIFE:0.01                                           | 70.01  | 合格     |                | BASE=70.01
        scoring.md §4 grade on the rounded total: 70.004 prints 70.00  | B_ORGLIFE:0.004                                          | 70.00  | 不合格   |                |
        三 未达到90分的不得评先评优: 89.99 (作用 4.99 of 15)           | B_ROLE:4.99                                              | 89.99  | 合格     |                |
        三 exactly 90 may take part in 评先评优                        | B_ROLE:5                                                 | 90     | 合格     | AWARD_ELIGIBLE |
        三 108分以上可定格为优秀: 99.99+5+3 = 107.99 is not            | B_ROLE:14.99 BON_AWARD_ORGAN BON_CHARITY                 | 107.99 | 合格     | AWARD_ELIGIBLE |
        三 108分以上可定格为优秀: 100+5+3 = 108                        | BON_AWARD_ORGAN BON_CHARITY                              | 108    | 优秀候选 | AWARD_ELIGIBLE |
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
    void deductionsCountBeforeTheBaseFloorAndFreeLeaveAbsencesCountNothing() {
        // 扣光基础分为止: 103 points of deductions are recorded although only 100 come off
        MemberResult floored = Scenario.score(ID, "DED_PROBATION DED_REMOVAL DED_SERIOUS_WARNING DED_WARNING DED_DUTY");
        assertThat(floored.deductions()).isEqualByComparingTo("-103");
        assertThat(floored.sections().get("BASE")).isEqualByComparingTo("0");

        // 减分项目16: of 3 leave-absences only the third counts
        assertThat(Scenario.score(ID, "DED_ABSENT_LEAVE#3").deductions()).isEqualByComparingTo("-2");
    }

    @Test
    void aVetoFailsTheMemberAndClearsTheFlags() {
        MemberResult result = Scenario.score(ID, "BON_AWARD_NATION#3 VETO_SEVERE");

        assertThat(result.total()).isEqualByComparingTo("0");
        assertThat(result.grade()).isEqualTo("不合格");
        assertThat(result.vetoes()).containsExactly("VETO_SEVERE");
        assertThat(result.flags()).isEmpty();
        assertThat(result.scored()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # 减分项目16: 领导班子成员、党组织委员每年参加组织生活不少于12次, 普通党员不少于10次, 离退休党员不少于5次
        领导班子成员 11 times: below 12             | LEADER     | ORGLIFE_ATTEND#11 | ORGLIFE_SHORT
        领导班子成员 12 times: enough               | LEADER     | ORGLIFE_ATTEND#12 |
        普通党员 9 times: below 10                  | IN_SERVICE | ORGLIFE_ATTEND#9  | ORGLIFE_SHORT
        普通党员 10 times: enough                   | IN_SERVICE | ORGLIFE_ATTEND#10 |
        普通党员 one entry of 10 attendances        | IN_SERVICE | ORGLIFE_ATTEND*10 |
        离退休党员 4 times: below 5                 | RETIRED    | ORGLIFE_ATTEND#4  | ORGLIFE_SHORT
        离退休党员 5 times: enough                  | RETIRED    | ORGLIFE_ATTEND#5  |
        流动党员: the seed sets no minimum          | MOBILE     | ORGLIFE_ATTEND    |
        attendance not tracked: no entry of ORGLIFE_ATTEND at all | IN_SERVICE | BON_CHARITY |
        """)
    void organisationalLifeAttendanceWarning(String rule, Category category, String ledger, String warnings) {
        MemberResult result = Scenario.under(ID)
                .member(new Member("M1", "M1", "第一支部", MemberType.FORMAL, category, null), ledger)
                .result();

        assertThat(result.warnings()).containsExactlyElementsOf(PresetTesting.codes(warnings));
    }

    @Test
    void attendanceIsTrackedOnceAnyMemberHasAnAttendanceEntryAndEarnsNoPoints() {
        ScoreSheet sheet = Scenario.under(ID)
                .member("M1", "ORGLIFE_ATTEND#10")
                .member("M2", "BON_CHARITY")
                .score();

        MemberResult attended = sheet.members().get(0);
        MemberResult absent = sheet.members().get(1);
        assertThat(attended.warnings()).isEmpty();
        assertThat(attended.total()).isEqualByComparingTo("100"); // 参加组织生活 only counts, worth 0 points
        assertThat(absent.warnings()).containsExactly("ORGLIFE_SHORT");
        assertThat(absent.total()).isEqualByComparingTo("103");
    }

    @Test
    void scopeIsPartyMembersInServiceAndExemptionIsPerMember() {
        ScoreSheet sheet = Scenario.under(ID)
                .member(new Member("FORMAL", "FORMAL", "第一支部", MemberType.FORMAL, Category.IN_SERVICE, null), "")
                .member(new Member("PROB", "PROB", "第一支部", MemberType.PROBATIONARY, Category.IN_SERVICE, null), "DED_DUTY")
                .member(new Member("ACT", "ACT", "第一支部", MemberType.ACTIVIST, Category.IN_SERVICE, null), "")
                .member(new Member("SICK", "SICK", "第一支部", MemberType.FORMAL, Category.IN_SERVICE, true), "")
                .member(new Member("RET", "RET", "第一支部", MemberType.FORMAL, Category.RETIRED, null), "")
                .score();

        List<MemberResult> results = sheet.members();
        assertThat(results.get(0).total()).isEqualByComparingTo("100");
        assertThat(results.get(1).total()).isEqualByComparingTo("97");
        assertThat(results.get(2).scored()).isFalse();
        assertThat(results.get(2).reason()).isEqualTo(Reasons.OUT_OF_SCOPE);
        assertThat(results.get(3).scored()).isFalse();
        assertThat(results.get(3).reason()).isEqualTo(Reasons.EXEMPT);
        // presets.md names no exempt category for this preset: a retired member is scored unless marked exempt
        assertThat(results.get(4).scored()).isTrue();
        assertThat(results.get(4).total()).isEqualByComparingTo("100");
        // ranks inside the branch: 100, 100, 97 → 1, 1, 3
        assertThat(results.get(0).rank()).isEqualTo(1);
        assertThat(results.get(4).rank()).isEqualTo(1);
        assertThat(results.get(1).rank()).isEqualTo(3);
    }

    @Test
    void presetFileLoadsWithTheContractOfPresetsMd() {
        Scheme scheme = PresetTesting.load(ID);

        assertThat(scheme.id()).isEqualTo(ID);
        assertThat(scheme.name()).isEqualTo("市直机关在职党员“积分制”百分考核办法");
        assertThat(scheme.description()).isNotBlank();
        assertThat(scheme.source().file()).isEqualTo("004_e1c544fc79c58924.txt");
        assertThat(scheme.source().heading()).contains("附件1").contains("考核表");
        assertThat(scheme.evaluation()).isEqualTo(Period.YEAR);
        assertThat(scheme.publicity()).isEqualTo(new Publicity(7, false, true));
        assertThat(scheme.scope()).containsExactlyInAnyOrder(MemberType.FORMAL, MemberType.PROBATIONARY);
        assertThat(scheme.exemptCategories()).isEmpty();
        assertThat(scheme.criteriaDefault()).isEqualTo(CriteriaDefault.FULL);
        assertThat(scheme.totalFloor()).isEqualByComparingTo("0");
        assertThat(scheme.bonusCap()).isNull();
        assertThat(PresetTesting.sections(scheme)).containsExactly("BASE CRITERIA 100");
        assertThat(PresetTesting.items(scheme)).containsExactlyInAnyOrder(PresetTesting.lines("""
                B_POLITICAL BASE max 20
                B_DISCIPLINE BASE max 10
                B_INTEGRITY BASE max 10
                B_ORGLIFE BASE max 30
                B_MORAL_TRADITION BASE max 5
                B_MORAL_ETHICS BASE max 5
                B_MORAL_LIFESTYLE BASE max 5
                B_ROLE BASE max 15
                BON_SUGGESTION bonus 2
                BON_CHARITY bonus 3
                BON_MEDIATION bonus 5
                BON_STOP_MISCONDUCT bonus 5
                BON_BRAVERY bonus 10
                BON_CONTRIBUTION bonus 3
                BON_AWARD_ORGAN bonus 5
                BON_AWARD_CITY bonus 10
                BON_AWARD_PROVINCE bonus 20
                BON_AWARD_NATION bonus 30
                BON_OTHER bonus 3
                DED_DUTY deduction->BASE -3
                DED_DUTY_SEVERE deduction->BASE -5
                DED_ABSENT_NO_LEAVE deduction->BASE -3
                DED_ABSENT_LEAVE deduction->BASE -2 free 2
                DED_DUES_LATE deduction->BASE -3
                DED_NONCOOP deduction->BASE -10
                DED_NONCOOP_RELATIVE deduction->BASE -5
                DED_PETITION deduction->BASE -10
                DED_PETITION_RELATIVE deduction->BASE -5
                DED_COLD deduction->BASE -5
                DED_MORALS deduction->BASE -10
                DED_WARNING deduction->BASE -10
                DED_SERIOUS_WARNING deduction->BASE -20
                DED_REMOVAL deduction->BASE -30
                DED_PROBATION deduction->BASE -40
                DED_OTHER deduction->BASE -3
                DED_OTHER_SEVERE deduction->BASE -5
                VETO_POLITICAL veto ZERO_TOTAL,FAIL
                VETO_NO_ORGLIFE_6M veto ZERO_TOTAL,FAIL
                VETO_DUES_6M veto ZERO_TOTAL,FAIL
                VETO_LAW veto ZERO_TOTAL,FAIL
                VETO_ORG_WORK veto ZERO_TOTAL,FAIL
                VETO_SEVERE veto ZERO_TOTAL,FAIL
                ORGLIFE_ATTEND counter
                """));
        assertThat(scheme.grading().failing()).isEqualTo("不合格");
        assertThat(scheme.grading().bands()).extracting(b -> b.grade() + " " + b.bound() + " " + b.exclusive())
                .containsExactly("优秀候选 108 false", "合格 70 true", "不合格 null false");
        assertThat(scheme.flags()).extracting(f -> f.code() + " " + f.atLeast()).containsExactly("AWARD_ELIGIBLE 90");
        assertThat(scheme.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("ORGLIFE_SHORT");
            assertThat(w.attendance().item()).isEqualTo("ORGLIFE_ATTEND");
            assertThat(w.attendance().required()).containsOnlyKeys(Category.LEADER, Category.IN_SERVICE, Category.RETIRED);
            assertThat(w.attendance().required().get(Category.LEADER)).isEqualByComparingTo("12");
            assertThat(w.attendance().required().get(Category.IN_SERVICE)).isEqualByComparingTo("10");
            assertThat(w.attendance().required().get(Category.RETIRED)).isEqualByComparingTo("5");
        });
    }

    @Test
    void everyBonusAndDeductionNeedsMaterialsOrTwoWitnesses() {
        List<Item> evidenced = scheme().items().stream()
                .filter(i -> i.pool() == Pool.BONUS || i.pool() == Pool.DEDUCTION).toList();

        assertThat(evidenced).hasSize(11 + 17);
        assertThat(evidenced).allSatisfy(i -> assertThat(i.evidence()).as(i.code()).isEqualTo(Evidence.MATERIALS_OR_WITNESSES));
    }

    @Test
    void everyInterpretationOfPresetsMdIsShownAndEveryRuleCitesItsClause() {
        Scheme scheme = scheme();

        // presets.md: DED_ABSENT_LEAVE freeCount 2 (interpretation of "请假缺席超过2次及以上的，每次记2分")
        assertThat(scheme.item("DED_ABSENT_LEAVE").interpretation()).contains("前2次");
        assertThat(scheme.interpretations()).anySatisfy(t -> assertThat(t).contains("请假缺席"));
        // ours: the yearly minimum of 减分项目16 as a warning
        assertThat(scheme.interpretations()).anySatisfy(t -> assertThat(t).contains("组织生活次数不足"));
        // the source's "或排名靠前的" alternative is left to the branch
        assertThat(scheme.remarks()).anySatisfy(t -> assertThat(t).contains("排名靠前"));

        assertThat(scheme.sections()).allSatisfy(s -> assertThat(s.clause()).as(s.code()).isNotBlank());
        assertThat(scheme.items()).allSatisfy(i -> assertThat(i.clause()).as(i.code()).isNotBlank());
        assertThat(scheme.bonusClause()).isNotBlank();
        assertThat(scheme.grading().clause()).isNotBlank();
        assertThat(scheme.flags()).allSatisfy(f -> assertThat(f.clause()).isNotBlank());
        assertThat(scheme.warnings()).allSatisfy(w -> assertThat(w.clause()).isNotBlank());
    }

    private static Scheme scheme() {
        return Scenario.under(ID).scheme();
    }
}
