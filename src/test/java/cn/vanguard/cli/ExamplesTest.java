package cn.vanguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.vanguard.cli.ScoreCommandTest.Run;

/** The example years in examples/ score cleanly with the README's command, with the results a reader would check. */
class ExamplesTest {

    private static List<String> csv(String preset, String dir, String... more) {
        String base = "examples/" + dir + "/";
        List<String> args = new java.util.ArrayList<>(List.of("score", "--preset", preset, "--year", "2025",
                "--members", base + "members.csv", "--entries", base + "entries.csv", "--assessments", base + "assessments.csv",
                "--format", "csv", "--lang", "en"));
        args.addAll(List.of(more));
        Run run = ScoreCommandTest.run(args.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        return run.out().lines().toList();
    }

    private static String row(List<String> lines, String id) {
        return lines.stream().filter(l -> l.startsWith(id + ",")).findFirst().orElseThrow();
    }

    @Test
    void theReadmeCommandScoresTheCityBranchWithExplanations() {
        Run run = ScoreCommandTest.run("score", "--preset", "city-direct-organs", "--year", "2025",
                "--members", "examples/city-direct-organs/members.csv", "--entries", "examples/city-direct-organs/entries.csv",
                "--assessments", "examples/city-direct-organs/assessments.csv", "--explain");
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("\"step\": \"ENTRY\"", "\"step\": \"GRADE\"", "\"step\": \"RANK\"", "\"entry\": \"entries.csv:");
    }

    @Test
    void theCityBranchHasThirtyMembersOfWhomTwentyFiveAreScored() {
        List<String> lines = csv("city-direct-organs", "city-direct-organs");
        assertThat(lines).hasSize(31);
        assertThat(lines.stream().skip(1).filter(l -> l.split(",")[3].equals("true"))).hasSize(25);
        assertThat(row(lines, "M025")).contains(",false,免于积分管理,");
        assertThat(row(lines, "M026")).contains(",false,免于积分管理,");
        assertThat(row(lines, "M028")).contains(",false,不在适用范围,");
        // 受撤销党内职务处分: 全年无积分, whatever the sections hold
        assertThat(row(lines, "M021")).contains(",true,,0.00,").endsWith(",VETO_DISMISSAL,,");
        assertThat(lines.stream().skip(1).filter(l -> l.contains(",优秀,"))).isNotEmpty();
        assertThat(lines.stream().skip(1).filter(l -> l.contains(",不合格,"))).isNotEmpty();
    }

    @Test
    void theDistrictBranchWeighsVotesAndCountsOneAwardPerDeed() {
        List<String> lines = csv("district-80-20", "district-80-20", "--votes", "examples/district-80-20/votes.csv");
        // D004 by hand: DAILY 13+14+15+20+15 = 77 (FULL default, two criteria assessed lower);
        // APPRAISAL (19×1 + 0×0.8 + 5×0.6) ÷ 24 × 100 = 91.67, × 20% = 18.33;
        // bonus: 3 district articles 3 (cap 3) + 1 city article 2 + AWD-D004-1 max(2, 3) = 3 + AWD-D004-3 max(4, 5) = 5 → 13;
        // total 77 + 18.3333… + 13 = 108.33
        assertThat(row(lines, "D004")).startsWith("D004,钱平,区市场监管局机关党支部,true,,108.33,").contains(",77.00,18.33,13.00,0.00,");
        assertThat(row(lines, "D020")).contains(",false,免于积分管理,");
    }
}
