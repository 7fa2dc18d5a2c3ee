package cn.vanguard.scheme.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.scheme.Scenario;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.Span;

/** The "also in the seeds" rule sets, written as scheme files under examples/schemes, load and score as their texts say. */
class ExampleSchemesTest {

    private static Scheme load(String name) throws IOException {
        SchemeLoad load = SchemeFiles.read(Files.readString(Path.of("examples/schemes", name)));
        assertThat(load.problems()).as(name).isEmpty();
        return load.scheme();
    }

    @Test
    void theCompanyBaseOf60ForfeitsACriterionAndDoesNotGradeProbationersOrActivists() throws IOException {
        Scheme scheme = load("company-60.yaml");
        // 大操大办红白喜事，造成不良影响的，该项不得分: 60 - 5; 理想信念 assessed 3 of 5: 60 - 2
        MemberResult forfeited = Scenario.under(scheme).member("A", "F_EXTRAVAGANCE").result();
        assertThat(forfeited.total()).isEqualByComparingTo("55");
        assertThat(forfeited.sections().get("RULES")).isEqualByComparingTo("20");
        assertThat(Scenario.under(scheme).member("B", "P_FAITH:3").result().total()).isEqualByComparingTo("58");
        // 预备党员和入党积极分子…纳入积分管理范围，但不参与评定等次
        MemberResult activist = Scenario.under(scheme).member("C", MemberType.ACTIVIST, "").result();
        assertThat(activist.scored()).isTrue();
        assertThat(activist.total()).isEqualByComparingTo("60");
        assertThat(activist.rank()).isEqualTo(1);
        assertThat(activist.graded()).isFalse();
        assertThat(activist.grade()).isNull();
    }

    @Test
    void smartPartyBuildingWeighsItsPartsAndCapsTheRewardsAtTen() throws IOException {
        Scheme scheme = load("smart-party-building.yaml");
        // 50 + 40 + min(10, 4 + 2 × 5) in the second quarter
        MemberResult result = Scenario.under(scheme).member("A", "A_BRAVERY=4@2025-05-01 A_HONOUR*2@2025-06-01 A_EXCEED=3@2025-02-01")
                .score(Span.quarter(2025, 2)).members().get(0);
        assertThat(result.sections().get("AWARD")).isEqualByComparingTo("10");
        assertThat(result.total()).isEqualByComparingTo("100");
    }

    @Test
    void yuanlingStartsAt100AndAddsRewardsAndDeductions() throws IOException {
        Scheme scheme = load("yuanling-100.yaml");
        // 日常行为积分 100 - 5 (带头遵纪守法 assessed 15 of 20) + 奖分 5 - 扣分 3 = 97
        MemberResult result = Scenario.under(scheme).member("A", "D_LAW:15 BON_AWARD DED_MISCONDUCT=-3").result();
        assertThat(result.total()).isEqualByComparingTo("97");
        assertThat(result.grade()).isEqualTo("合格");
    }
}
