package cn.vanguard.scheme.file;

import static cn.vanguard.scheme.file.PresetTesting.asInPresetsMd;
import static cn.vanguard.scheme.file.PresetTesting.ledger;
import static cn.vanguard.scheme.file.PresetTesting.span;
import static cn.vanguard.scheme.file.PresetTesting.words;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.scheme.Period;
import cn.vanguard.scheme.Reasons;
import cn.vanguard.scheme.Scenario;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.ScoreSheet;
import cn.vanguard.scheme.SectionMode;
import cn.vanguard.scheme.Span;

/**
 * Worked examples of preset {@code branch-monthly}: the first "党支部党员积分制管理方案+评分表" of
 * seeds/000_0a49e12b493fd18a.txt (按月: 参加党员会议1分, 主持人或记录员再加0.5分, 1~5分 …, monthly incentives at 5, 10
 * and 15 points). Every number is worked out by hand from the rule text.
 */
class BranchMonthlyPresetTest {

    private static final String ID = "branch-monthly";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            二、2(1) 参加党员会议积1分 \
                | 2025-03 | M_MEETING@2025-03-05 | 1.00 |
            二、2(1) 担任会议主持人或记录员再加0.5分：1+0.5=1.5 \
                | 2025-03 | M_MEETING@2025-03-05 M_ROLE@2025-03-05 | 1.50 |
            评分表第2项 学习补课、主题党日、党员大会1~5分(每类议程不限次数)：5+1=6，二、3(1) 积累5分及以上发荣誉证书 \
                | 2025-03 | M_STUDY=5@2025-03-10 M_STUDY=1@2025-03-20 | 6.00 | CERTIFICATE
            二、3(1) 积累5分及以上：会议3次3分+记录员0.5+讨论1分=4.5，不到5分 \
                | 2025-03 | M_MEETING#3@2025-03-05 M_ROLE@2025-03-05 M_DISCUSS=1@2025-03-12 | 4.50 |
            二、3(1) 积累5分及以上(含5分)：会议3次3分+主持和记录2×0.5+讨论1分=5，发荣誉证书 \
                | 2025-03 | M_MEETING#3@2025-03-05 M_ROLE#2@2025-03-05 M_DISCUSS=1@2025-03-12 | 5.00 | CERTIFICATE
            二、3(2) 积累10分及以上：会议4次4分+0.5+志愿服务3(1~3分)+帮扶调查2(1~3分)=9.5，只发荣誉证书 \
                | 2025-03 | M_MEETING#4@2025-03-05 M_ROLE@2025-03-05 M_VOLUNTEER=3@2025-03-15 M_HELP=2@2025-03-25 | 9.50 | CERTIFICATE
            二、3(2) 积累10分及以上(含10分)推荐培训：4+2×0.5+3+2=10，同时达到5分档 \
                | 2025-03 | M_MEETING#4@2025-03-05 M_ROLE#2@2025-03-05 M_VOLUNTEER=3@2025-03-15 M_HELP=2@2025-03-25 | 10.00 | CERTIFICATE TRAINING
            二、3(3) 积累15分及以上：4+0.5+学习5+3+2=14.5，不通报表扬 \
                | 2025-03 | M_MEETING#4@2025-03-05 M_ROLE@2025-03-05 M_STUDY=5@2025-03-10 M_VOLUNTEER=3@2025-03-15 M_HELP=2@2025-03-25 | 14.50 | CERTIFICATE TRAINING
            二、3(3) 积累15分及以上(含15分)通报表扬：4+1+5+3+2=15，三档都达到 \
                | 2025-03 | M_MEETING#4@2025-03-05 M_ROLE#2@2025-03-05 M_STUDY=5@2025-03-10 M_VOLUNTEER=3@2025-03-15 M_HELP=2@2025-03-25 | 15.00 | CERTIFICATE TRAINING COMMEND
            二、3 根据每月积累的分数：评定3月时，2月28日和4月1日的学习不计入，3月只有4分 \
                | 2025-03 | M_STUDY=5@2025-02-28 M_STUDY=5@2025-04-01 M_STUDY=4@2025-03-31 | 4.00 |
            二、2(4) 组织讨论或撰写征文积1~2分：讨论2分+征文2分=4 \
                | 2025-03 | M_DISCUSS=2@2025-03-12 M_DISCUSS=2@2025-03-26 | 4.00 |
            二、3 每月的激励按各月分别判断：3月5分、4月10分、5月15分，全年合计30，激励标注所属月份 \
                | 2025 | M_STUDY=5@2025-03-10 M_STUDY#2=5@2025-04-10 M_STUDY#3=5@2025-05-10 | 30.00 \
                | CERTIFICATE@2025-03 CERTIFICATE@2025-04 TRAINING@2025-04 CERTIFICATE@2025-05 TRAINING@2025-05 COMMEND@2025-05
            二、3 根据每月积累的分数：1至4月每月4分，全年16分，但没有一个月达到5分，全年没有激励 \
                | 2025 | M_STUDY=4@2025-01-15 M_STUDY=4@2025-02-15 M_STUDY=4@2025-03-15 M_STUDY=4@2025-04-15 | 16.00 |
            二、3 每月积累不跨月：3月31日3分与4月1日3分分属两个月，各3分都不到5分 \
                | 2025 | M_STUDY=3@2025-03-31 M_STUDY=3@2025-04-01 | 6.00 |
            """)
    void workedExamples(String rule, String span, String ledger, String total, String flags) {
        MemberResult result = Scenario.under(ID).member("M1", ledger(ledger)).score(span(span)).members().get(0);

        assertThat(result.scored()).isTrue();
        assertThat(result.total().toPlainString()).as("total").isEqualTo(total);
        assertThat(result.sections().get("MONTH").toPlainString()).as("MONTH").isEqualTo(total);
        assertThat(result.flags()).as("flags").containsExactlyElementsOf(words(flags));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void eachMemberReachesTheTiersOnTheirOwnMonth() {
        // 二、3 党员根据每月积累的分数，得到相应的激励: per member, per month.
        ScoreSheet sheet = Scenario.under(ID)
                .member("A", "M_STUDY=5@2025-03-10 M_STUDY=5@2025-03-20")
                .member("B", "M_MEETING@2025-03-05 M_ROLE@2025-03-05")
                .member("C", MemberType.PROBATIONARY, "M_STUDY=5@2025-03-10 M_VOLUNTEER=3@2025-03-11 M_HELP=3@2025-03-12 M_DISCUSS=2@2025-03-13 M_MEETING@2025-03-14 M_ROLE@2025-03-14 M_MEETING@2025-03-28")
                .score(Span.month(2025, 3));

        // C: 5 + 3 + 3 + 2 + 1 + 0.5 + 1 = 15.5.
        assertThat(sheet.members()).extracting(r -> r.member().id() + " " + r.total() + " " + r.flags())
                .containsExactly("A 10.00 [CERTIFICATE, TRAINING]", "B 1.50 []", "C 15.50 [CERTIFICATE, TRAINING, COMMEND]");
    }

    @Test
    void pointsOutsideTheRangesOfTheScoringTableAreRejected() {
        // 评分表: 学习补课等 1~5分, 志愿服务 1~3分, 集体讨论 1~2分: a reviewer cannot give 6, 0.5 or 3.
        assertThatThrownBy(() -> Scenario.score(ID, "M_STUDY=6")).hasMessageContaining("M_STUDY=6");
        assertThatThrownBy(() -> Scenario.score(ID, "M_VOLUNTEER=0.5")).hasMessageContaining("M_VOLUNTEER=0.5");
        assertThatThrownBy(() -> Scenario.score(ID, "M_DISCUSS=3")).hasMessageContaining("M_DISCUSS=3");
        assertThat(Scenario.score(ID, "M_STUDY=1 M_VOLUNTEER=1 M_HELP=3 M_DISCUSS=2").total()).isEqualByComparingTo("7");
    }

    @Test
    void activistsAreListedButNotScored() {
        // The 方案 is for 党员 (正式党员 and 预备党员); 入党积极分子 are outside it.
        MemberResult result = Scenario.under(ID).member("A1", MemberType.ACTIVIST, "M_STUDY=5@2025-03-10").score(Span.month(2025, 3))
                .members().get(0);

        assertThat(result.scored()).isFalse();
        assertThat(result.reason()).isEqualTo(Reasons.OUT_OF_SCOPE);
        assertThat(result.flags()).isEmpty();
    }

    @Test
    void fileLoadsWithTheContractOfPresetsMd() {
        Scheme scheme = Presets.get(ID).orElseThrow();

        assertThat(scheme.id()).isEqualTo(ID);
        assertThat(scheme.name()).isEqualTo("党支部党员积分制管理方案+评分表 (按月)");
        assertThat(scheme.description()).contains("按月公示", "5分", "10分", "15分");
        assertThat(scheme.source().file()).isEqualTo("000_0a49e12b493fd18a.txt");
        assertThat(scheme.source().heading()).isEqualTo("党支部党员积分制管理方案+评分表");
        assertThat(scheme.evaluation()).isEqualTo(Period.MONTH);
        assertThat(scheme.scope()).containsExactlyInAnyOrder(MemberType.FORMAL, MemberType.PROBATIONARY);
        assertThat(scheme.remarks()).anyMatch(r -> r.contains("按月公示"));

        assertThat(scheme.sections()).extracting(s -> s.code() + " " + s.mode() + " " + s.max())
                .containsExactly("MONTH ACCRUE null");
        assertThat(scheme.section("MONTH").mode()).isEqualTo(SectionMode.ACCRUE);
        assertThat(scheme.items()).extracting(Item::code)
                .containsExactly("M_MEETING", "M_ROLE", "M_STUDY", "M_VOLUNTEER", "M_HELP", "M_DISCUSS");
        assertThat(scheme.items()).allSatisfy(item -> assertThat(item.clause()).as(item.code() + " clause").isNotBlank());
        assertThat(scheme.section("MONTH").clause()).isNotBlank();

        assertThat(scheme.flags()).extracting(f -> f.code() + " " + f.label() + " ≥" + f.atLeast() + " perMonth=" + f.perMonth())
                .containsExactly(
                        "CERTIFICATE 荣誉证书 ≥5 perMonth=true",
                        "TRAINING 推荐培训 ≥10 perMonth=true",
                        "COMMEND 通报表扬 ≥15 perMonth=true");
        assertThat(scheme.flags()).allSatisfy(f -> assertThat(f.clause()).isNotBlank());
        assertThat(scheme.warnings()).isEmpty();
        assertThat(scheme.grading().bands()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            M_MEETING   | MONTH 1/次
            M_ROLE      | MONTH 0.5/次
            M_STUDY     | MONTH [1, 5]
            M_VOLUNTEER | MONTH [1, 3]
            M_HELP      | MONTH [1, 3]
            M_DISCUSS   | MONTH [1, 2]
            """)
    void itemsAreThoseOfPresetsMd(String code, String expected) {
        Item item = Presets.get(ID).orElseThrow().item(code);

        assertThat(item).as(code).isNotNull();
        assertThat(asInPresetsMd(item)).isEqualTo(expected);
    }

    @Test
    void theDecisionsOfThePresetAreShownToUsers() {
        // presets.md marks no (interpretation) here; the preset's own decisions are shown all the same.
        Scheme scheme = Presets.get(ID).orElseThrow();

        assertThat(scheme.interpretations()).anyMatch(t -> t.contains("不跨月"));
        assertThat(scheme.interpretations()).anyMatch(t -> t.contains("三档") && t.contains("同时"));
        assertThat(scheme.item("M_STUDY").interpretation()).contains("1至5分");
        assertThat(scheme.item("M_ROLE").interpretation()).contains("再加0.5分");
    }
}
