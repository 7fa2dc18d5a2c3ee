package cn.vanguard.scheme.file;

import static cn.vanguard.scheme.file.PresetTesting.asInPresetsMd;
import static cn.vanguard.scheme.file.PresetTesting.ledger;
import static cn.vanguard.scheme.file.PresetTesting.span;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.Member;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.scheme.Period;
import cn.vanguard.scheme.Reasons;
import cn.vanguard.scheme.Scenario;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.ScoreSheet;
import cn.vanguard.scheme.Window;

/**
 * Worked examples of preset {@code rules-15} ("党员积分管理制度【15篇】" in seeds/000_0a49e12b493fd18a.txt). Every number
 * is worked out by hand from the rule text. The title 优秀党员 depends on the other members, so the single-member table
 * checks numbers only; the title has its own tests.
 */
class Rules15PresetTest {

    private static final String ID = "rules-15";

    /** 12 × 0.5 + min(6, 5) + 4 × 1 + min(5 × 0.5, 2) − 1 = 6 + 5 + 4 + 2 − 1 = 16. */
    private static final String SIXTEEN = "R_MEETING#12 R_VOLUNTEER#6 R_TRAINING#4 R_GOOD_DEED#5@2025-03-01 R_ABSENT";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            一、1 出席党组织会议每次0.5积分 \
                | 2025 | R_MEETING | 0.50
            一、1 出席党组织会议：4次×0.5=2 \
                | 2025 | R_MEETING#4 | 2.00
            一、2 缺席须请假，未请假者扣除一分：会议4次2分−1=1 \
                | 2025 | R_MEETING#4 R_ABSENT | 1.00
            一、2 未请假缺席扣分扣至0为止：会议2次1分−3=−2→0 \
                | 2025 | R_MEETING#2 R_ABSENT#3 | 0.00
            一、3 宣传工作按实际工时每1小时0.5积分：3小时1.5 \
                | 2025 | R_PROPAGANDA*3 | 1.50
            一、3 宣传工作按实际工时：1.5小时0.75 \
                | 2025 | R_PROPAGANDA*1.5 | 0.75
            一、4 志愿活动每次1积分，每年累计不超过5分：4次4分(未到上限) \
                | 2025 | R_VOLUNTEER#4 | 4.00
            一、4 每年累计不超过5分：5次5分(恰好到上限) \
                | 2025 | R_VOLUNTEER#5 | 5.00
            一、4 每年累计不超过5分：7次只计5分 \
                | 2025 | R_VOLUNTEER#7 | 5.00
            一、4 每年累计：2月3次、11月3次，全年6次只计5分 \
                | 2025 | R_VOLUNTEER#3@2025-02-01 R_VOLUNTEER#3@2025-11-01 | 5.00
            一、4 与一、2：志愿7次计5分，未请假缺席2次扣2分，5−2=3 \
                | 2025 | R_VOLUNTEER#7 R_ABSENT#2 | 3.00
            一、5 组织开展一次组织生活会议5积分 \
                | 2025 | R_ORGANIZE | 5.00
            一、5 组织开展组织生活会议两次10积分 \
                | 2025 | R_ORGANIZE#2 | 10.00
            一、6 每次参加1小时以上的学习培训1积分：3次3分 \
                | 2025 | R_TRAINING#3 | 3.00
            一、7 6个月内每次0.5积分、累计不超过2分：上半年3次1.5、下半年2次1.0，都未到上限，合计2.5 \
                | 2025 | R_GOOD_DEED#3@2025-03-01 R_GOOD_DEED#2@2025-09-01 | 2.50
            一、7 上半年4次0.5×4=2，恰好到上限 \
                | 2025 | R_GOOD_DEED#4@2025-03-01 | 2.00
            一、7 上半年5次2.5只计2，下半年2次1.0，合计3 \
                | 2025 | R_GOOD_DEED#5@2025-03-01 R_GOOD_DEED#2@2025-09-01 | 3.00
            一、7 同一个6个月内：2月3次、5月3次(两个季度)共3分，上半年只计2 \
                | 2025 | R_GOOD_DEED#3@2025-02-01 R_GOOD_DEED#3@2025-05-01 | 2.00
            一、7 上下半年各5次，每半年各计2，合计4 \
                | 2025 | R_GOOD_DEED#5@2025-03-01 R_GOOD_DEED#5@2025-09-01 | 4.00
            一、7 按自然半年：6月30日4次计2、7月1日4次另计2，合计4(同一个6个月内的滚动计算只会得2) \
                | 2025 | R_GOOD_DEED#4@2025-06-30 R_GOOD_DEED#4@2025-07-01 | 4.00
            一、7 按自然半年：6月30日2次计1，7月1日6次3只计2，合计3 \
                | 2025 | R_GOOD_DEED#2@2025-06-30 R_GOOD_DEED#6@2025-07-01 | 3.00
            一 积分计算规则合计：会议12次6+志愿6次计5+培训4次4+好建议5次计2−缺席1=16 \
                | 2025 | R_MEETING#12 R_VOLUNTEER#6 R_TRAINING#4 R_GOOD_DEED#5@2025-03-01 R_ABSENT | 16.00
            二、1 每月汇报：只看上半年时，好建议上半年5次计2，志愿2月3次计3(每年5分的上限未到)，合计5 \
                | 2025-H1 | R_GOOD_DEED#5@2025-03-01 R_GOOD_DEED#5@2025-09-01 R_VOLUNTEER#3@2025-02-01 R_VOLUNTEER#3@2025-11-01 | 5.00
            二、1 每月汇报：只看3月时，只计3月的会议2次1分和缺席1次，1−1=0 \
                | 2025-03 | R_MEETING#2@2025-03-10 R_ABSENT@2025-03-20 R_MEETING#4@2025-04-10 | 0.00
            """)
    void workedExamples(String rule, String span, String ledger, String total) {
        MemberResult result = Scenario.under(ID).member("M1", ledger(ledger)).score(span(span)).members().get(0);

        assertThat(result.scored()).isTrue();
        assertThat(result.total().toPlainString()).as("total").isEqualTo(total);
        assertThat(result.sections().get("YEAR").toPlainString()).as("YEAR").isEqualTo(total);
    }

    @Test
    void absencesCountAsDeductionsEvenWhereTheSectionFloorsThem() {
        // 一、2 未请假者将扣除一分, "并记录在档案中": three absences are three deductions, the 年度积分 stops at 0.
        MemberResult result = Scenario.score(ID, "R_MEETING#2 R_ABSENT#3");

        assertThat(result.deductions()).isEqualByComparingTo("-3");
        assertThat(result.total()).isEqualByComparingTo("0");
    }

    @Test
    void theHighestTotalOfTheBranchIsTheYearsExcellentMemberAndTiesShareTheTitle() {
        // 二、2 通过年度评选，选出积分最高的党员，作为该年度优秀党员: A and B share the highest total (16), both get it.
        ScoreSheet sheet = Scenario.under(ID)
                .member("A", SIXTEEN)
                .member("B", MemberType.PROBATIONARY, "R_ORGANIZE#3 R_MEETING#2")
                .member("C", "R_ORGANIZE#3 R_MEETING")
                .member("D", "R_VOLUNTEER#20")
                .score();

        // B: 15 + 1 = 16; C: 15 + 0.5 = 15.5; D: 20 volunteer activities are capped at 5.
        assertThat(sheet.members()).extracting(r -> r.member().id() + " " + r.total() + " #" + r.rank() + " " + r.flags())
                .containsExactly(
                        "A 16.00 #1 [EXCELLENT_MEMBER]",
                        "B 16.00 #1 [EXCELLENT_MEMBER]",
                        "C 15.50 #3 []",
                        "D 5.00 #4 []");
    }

    @Test
    void eachOrganisationChoosesItsOwnExcellentMember() {
        // 二、2: the title is chosen by the 党组织 (the ranking unit), an activist with more points takes nothing.
        ScoreSheet sheet = Scenario.under(ID)
                .member("A", SIXTEEN)
                .member("C", "R_ORGANIZE#3 R_MEETING")
                .member(new Member("E", "E", "第二支部", MemberType.FORMAL, Category.IN_SERVICE, null), "R_TRAINING#3")
                .member("X", MemberType.ACTIVIST, "R_ORGANIZE#10")
                .score();

        assertThat(sheet.members()).extracting(r -> r.member().id() + " " + r.total() + " #" + r.rank() + " " + r.flags() + " " + r.reason())
                .containsExactly(
                        "A 16.00 #1 [EXCELLENT_MEMBER] null",
                        "C 15.50 #2 [] null",
                        "E 3.00 #1 [EXCELLENT_MEMBER] null",
                        "X null #null [] " + Reasons.OUT_OF_SCOPE);
    }

    @Test
    void fileLoadsWithTheContractOfPresetsMd() {
        Scheme scheme = Presets.get(ID).orElseThrow();

        assertThat(scheme.id()).isEqualTo(ID);
        assertThat(scheme.name()).isEqualTo("党员积分管理制度【15篇】");
        assertThat(scheme.description()).contains("0.5分", "每年累计不超过5分", "优秀党员");
        assertThat(scheme.source().file()).isEqualTo("000_0a49e12b493fd18a.txt");
        assertThat(scheme.source().heading()).isEqualTo("党员积分管理制度【15篇】");
        assertThat(scheme.evaluation()).isEqualTo(Period.YEAR);
        assertThat(scheme.scope()).containsExactlyInAnyOrder(MemberType.FORMAL, MemberType.PROBATIONARY);
        assertThat(scheme.remarks()).anyMatch(r -> r.contains("每月向党组织汇报"));

        assertThat(scheme.sections()).extracting(s -> s.code() + " " + s.mode() + " " + s.max()).containsExactly("YEAR ACCRUE null");
        assertThat(scheme.items()).extracting(Item::code).containsExactly(
                "R_MEETING", "R_PROPAGANDA", "R_VOLUNTEER", "R_ORGANIZE", "R_TRAINING", "R_GOOD_DEED", "R_ABSENT");
        assertThat(scheme.items()).allSatisfy(item -> assertThat(item.clause()).as(item.code() + " clause").isNotBlank());
        assertThat(scheme.section("YEAR").clause()).isNotBlank();

        assertThat(scheme.flags()).extracting(f -> f.code() + " " + f.label() + " rank≤" + f.rankAtMost() + " perMonth=" + f.perMonth())
                .containsExactly("EXCELLENT_MEMBER 优秀党员 rank≤1 perMonth=false");
        assertThat(scheme.flags().get(0).clause()).contains("积分最高");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            R_MEETING    | YEAR 0.5/次
            R_ABSENT     | →YEAR -1/次
            R_PROPAGANDA | YEAR 0.5/小时
            R_VOLUNTEER  | YEAR 1/次 cap 5/YEAR
            R_ORGANIZE   | YEAR 5/次
            R_TRAINING   | YEAR 1/次
            R_GOOD_DEED  | YEAR 0.5/次 cap 2/HALF
            """)
    void itemsAreThoseOfPresetsMd(String code, String expected) {
        Item item = Presets.get(ID).orElseThrow().item(code);

        assertThat(item).as(code).isNotNull();
        assertThat(asInPresetsMd(item)).isEqualTo(expected);
    }

    @Test
    void theHalfYearCapIsShownAsAnInterpretation() {
        // scoring.md §3.1: "6个月内…累计不超过2分" is a HALF cap (interpretation: calendar half-years).
        Scheme scheme = Presets.get(ID).orElseThrow();

        assertThat(scheme.item("R_GOOD_DEED").cap().window()).isEqualTo(Window.HALF);
        assertThat(scheme.item("R_GOOD_DEED").interpretation()).contains("6个月内", "自然半年");
        assertThat(scheme.interpretations()).anyMatch(t -> t.contains("并列第1名"));
    }
}
