package cn.vanguard.scheme.file;

import static cn.vanguard.scheme.file.PresetTesting.asInPresetsMd;
import static cn.vanguard.scheme.file.PresetTesting.ledger;
import static cn.vanguard.scheme.file.PresetTesting.span;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
import cn.vanguard.scheme.Span;

/**
 * Worked examples of preset {@code branch-hourly}: the second "党支部党员积分制管理方案+评分表" of
 * seeds/000_0a49e12b493fd18a.txt (1个积分/小时, 2个积分/小时, 5个积分/任务, 5个积分/次; 每月公示积分排名前五名).
 * Every number is worked out by hand from the rule text.
 */
class BranchHourlyPresetTest {

    private static final String ID = "branch-hourly";

    /**
     * A branch of seven, all with points in March and (but F) in April.
     * March: A 10, B 9, C 9, D 8, E 7, F 7, G 6 → ranks 1, 2, 2, 4, 5, 5, 7.
     * April: G 15, A 5, B 4, C 3, D 2, E 1, F 0 → ranks 1 … 7.
     */
    private static Scenario branchOfSeven() {
        return Scenario.under(ID)
                .member("A", "H_TASK#2@2025-03-10 H_VANGUARD@2025-04-02")
                .member("B", "H_ACTIVITY*9@2025-03-10 H_ACTIVITY*4@2025-04-03")
                .member("C", "H_VOLUNTEER*4.5@2025-03-10 H_ACTIVITY*3@2025-04-03")
                .member("D", "H_VOLUNTEER*4@2025-03-10 H_VOLUNTEER@2025-04-03")
                .member("E", "H_ACTIVITY*2@2025-03-05 H_VANGUARD@2025-03-20 H_ACTIVITY@2025-04-03")
                .member("F", "H_ACTIVITY*7@2025-03-10")
                .member("G", "H_ACTIVITY*6@2025-03-10 H_TASK#3@2025-04-01");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            一、2(1) 参加党组织活动1个积分/小时：2小时2分 \
                | 2025 | H_ACTIVITY*2 | 2.00
            一、2(1) 参加党组织活动1个积分/小时：1.5小时按实际时长1.5分 \
                | 2025 | H_ACTIVITY*1.5 | 1.50
            一、2(2) 公益志愿服务2个积分/小时：3小时6分 \
                | 2025 | H_VOLUNTEER*3 | 6.00
            一、2(2) 公益志愿服务2个积分/小时：2.5小时5分 \
                | 2025 | H_VOLUNTEER*2.5 | 5.00
            一、2(3) 完成工作任务5个积分/任务：两项任务10分 \
                | 2025 | H_TASK#2 | 10.00
            一、2(4) 发挥党员先锋模范作用5个积分/次 \
                | 2025 | H_VANGUARD | 5.00
            一、2 四项相加：活动4小时4分+志愿3小时6分+任务5分+先锋模范2次10分=25 \
                | 2025 | H_ACTIVITY*4 H_VOLUNTEER*3 H_TASK H_VANGUARD#2 | 25.00
            一、4(1) 每月汇总：评定3月时只计3月的活动，2月和4月的不计入 \
                | 2025-03 | H_ACTIVITY*3@2025-02-28 H_VOLUNTEER*2@2025-03-01 H_TASK@2025-03-31 H_VANGUARD@2025-04-01 | 9.00
            一、3(2) 积分可累积：全年累计不设上限，12个月每月任务2项共120分 \
                | 2025 | H_TASK#2@2025-01-10 H_TASK#2@2025-02-10 H_TASK#2@2025-03-10 H_TASK#2@2025-04-10 H_TASK#2@2025-05-10 H_TASK#2@2025-06-10 H_TASK#2@2025-07-10 H_TASK#2@2025-08-10 H_TASK#2@2025-09-10 H_TASK#2@2025-10-10 H_TASK#2@2025-11-10 H_TASK#2@2025-12-10 | 120.00
            """)
    void workedExamples(String rule, String span, String ledger, String total) {
        MemberResult result = Scenario.under(ID).member("M1", ledger(ledger)).score(span(span)).members().get(0);

        assertThat(result.scored()).isTrue();
        assertThat(result.total().toPlainString()).as("total").isEqualTo(total);
        assertThat(result.sections().get("EARN").toPlainString()).as("EARN").isEqualTo(total);
    }

    @Test
    void theMonthsTopFiveRanksArePublishedAndTiesShareARank() {
        // 一、4(3) 支委会每月公示积分排名前五名的党员名单: ranks 1, 2, 2, 4, 5, 5 are all in the top five; G (7th) is not.
        ScoreSheet march = branchOfSeven().score(Span.month(2025, 3));

        assertThat(march.members()).extracting(r -> r.member().id() + " " + r.total() + " #" + r.rank() + " " + r.flags())
                .containsExactly(
                        "A 10.00 #1 [TOP5_MONTH]",
                        "B 9.00 #2 [TOP5_MONTH]",
                        "C 9.00 #2 [TOP5_MONTH]",
                        "D 8.00 #4 [TOP5_MONTH]",
                        "E 7.00 #5 [TOP5_MONTH]",
                        "F 7.00 #5 [TOP5_MONTH]",
                        "G 6.00 #7 []");
    }

    @Test
    void overTheYearEachMonthsTopFiveIsMarkedWithItsMonth() {
        // 一、4(1) 每月汇总上报, (3) 每月公示前五名: April's order is not March's; the year's total does not decide it.
        ScoreSheet year = branchOfSeven().score(Span.year(2025));

        // months in which a member has no points give no place in a top five
        assertThat(year.members()).extracting(r -> r.member().id() + " " + r.total() + " " + r.flags())
                .containsExactly(
                        "A 15.00 [TOP5_MONTH@2025-03, TOP5_MONTH@2025-04]",
                        "B 13.00 [TOP5_MONTH@2025-03, TOP5_MONTH@2025-04]",
                        "C 12.00 [TOP5_MONTH@2025-03, TOP5_MONTH@2025-04]",
                        "D 10.00 [TOP5_MONTH@2025-03, TOP5_MONTH@2025-04]",
                        "E 8.00 [TOP5_MONTH@2025-03]",
                        "F 7.00 [TOP5_MONTH@2025-03]",
                        "G 21.00 [TOP5_MONTH@2025-04]");
        assertThat(year.members()).allSatisfy(r -> assertThat(r.flags()).doesNotContain("TOP5_MONTH"));
    }

    @Test
    void membersWithoutPointsInTheMonthAreNotInItsTopFive() {
        // 前五名 are the members who earned the most in the month; nobody heads a ranking with no points
        ScoreSheet march = Scenario.under(ID)
                .member("A", "H_TASK@2025-03-10")
                .member("B", "")
                .member("C", "H_ACTIVITY@2025-04-02")
                .score(Span.month(2025, 3));

        assertThat(march.members()).extracting(r -> r.member().id() + " #" + r.rank() + " " + r.flags())
                .containsExactly("A #1 [TOP5_MONTH]", "B #2 []", "C #2 []");
    }

    @Test
    void eachBranchPublishesItsOwnTopFive() {
        // 支委会每月公示: the ranking unit is the branch; a member of another branch is ranked there.
        ScoreSheet march = branchOfSeven()
                .member(new Member("H", "H", "第二支部", MemberType.PROBATIONARY, Category.IN_SERVICE, null), "H_ACTIVITY@2025-03-10")
                .score(Span.month(2025, 3));

        MemberResult h = march.members().get(7);
        assertThat(h.total()).isEqualByComparingTo("1");
        assertThat(h.rank()).isEqualTo(1);
        assertThat(h.flags()).containsExactly("TOP5_MONTH");
        assertThat(march.members().get(6).flags()).isEmpty();
    }

    @Test
    void activistsAreListedButNotScoredNorRanked() {
        // The 方案 is for 党员; an 入党积极分子 with the month's most hours takes no place in the top five.
        ScoreSheet march = branchOfSeven().member("X", MemberType.ACTIVIST, "H_TASK#5@2025-03-10").score(Span.month(2025, 3));

        MemberResult x = march.members().get(7);
        assertThat(x.scored()).isFalse();
        assertThat(x.reason()).isEqualTo(Reasons.OUT_OF_SCOPE);
        assertThat(x.rank()).isNull();
        assertThat(march.members().get(0).rank()).isEqualTo(1);
    }

    @Test
    void fileLoadsWithTheContractOfPresetsMd() {
        Scheme scheme = Presets.get(ID).orElseThrow();

        assertThat(scheme.id()).isEqualTo(ID);
        assertThat(scheme.name()).isEqualTo("党支部党员积分制管理方案+评分表 (按小时)");
        assertThat(scheme.description()).contains("每小时1分", "前五名", "1元");
        assertThat(scheme.source().file()).isEqualTo("000_0a49e12b493fd18a.txt");
        assertThat(scheme.source().heading()).isEqualTo("党支部党员积分制管理方案+评分表");
        assertThat(scheme.evaluation()).isEqualTo(Period.MONTH);
        assertThat(scheme.scope()).containsExactlyInAnyOrder(MemberType.FORMAL, MemberType.PROBATIONARY);

        assertThat(scheme.sections()).extracting(s -> s.code() + " " + s.mode() + " " + s.max()).containsExactly("EARN ACCRUE null");
        assertThat(scheme.items()).extracting(Item::code).containsExactly("H_ACTIVITY", "H_VOLUNTEER", "H_TASK", "H_VANGUARD");
        assertThat(scheme.items()).allSatisfy(item -> assertThat(item.clause()).as(item.code() + " clause").isNotBlank());
        assertThat(scheme.section("EARN").clause()).isNotBlank();

        assertThat(scheme.flags()).extracting(f -> f.code() + " " + f.label() + " rank≤" + f.rankAtMost() + " perMonth=" + f.perMonth())
                .containsExactly("TOP5_MONTH 月度积分前五名 rank≤5 perMonth=true");
        assertThat(scheme.flags().get(0).clause()).contains("前五名");

        // 一、3 积分的使用方式: not computed, shown to users.
        List<String> remarks = scheme.remarks();
        assertThat(remarks).anyMatch(r -> r.contains("每个积分可抵扣1元"));
        assertThat(remarks).anyMatch(r -> r.contains("可用积分") && r.contains("不减少"));
        assertThat(remarks).anyMatch(r -> r.contains("不以物质形式给予奖励"));
        assertThat(remarks).anyMatch(r -> r.contains("每月汇总上报"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            H_ACTIVITY  | EARN 1/小时
            H_VOLUNTEER | EARN 2/小时
            H_TASK      | EARN 5/项
            H_VANGUARD  | EARN 5/次
            """)
    void itemsAreThoseOfPresetsMd(String code, String expected) {
        Item item = Presets.get(ID).orElseThrow().item(code);

        assertThat(item).as(code).isNotNull();
        assertThat(asInPresetsMd(item)).isEqualTo(expected);
    }

    @Test
    void theDecisionsOfThePresetAreShownToUsers() {
        // presets.md marks no (interpretation) here; the top-five reading and the hours are decisions all the same.
        Scheme scheme = Presets.get(ID).orElseThrow();

        assertThat(scheme.interpretations()).anyMatch(t -> t.contains("前五名") && t.contains("并列"));
        assertThat(scheme.interpretations()).anyMatch(t -> t.contains("0分"));
        assertThat(scheme.item("H_ACTIVITY").interpretation()).contains("实际时长");
        assertThat(scheme.item("H_VOLUNTEER").interpretation()).contains("实际时长");
    }
}
