package cn.vanguard.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.vanguard.scheme.file.SchemeFiles;
import cn.vanguard.scheme.file.SchemeLoad;

/**
 * Rules of the engine that no preset shows on its own, each on a scheme made to show it: a FAIL veto with a high total
 * (every preset pairs FAIL with ZERO_TOTAL), a rank title and a total of 0, the star section minimum against the rounded
 * section, the cap boundary to the cent, the earliest of equals in an exclusive group, and the quantity of a RANGE entry.
 * Every figure is worked out by hand in the row.
 */
class EngineRulesTest {

    /**
     * ACT (max 60): ACT_MEETING 1/次 capped at 5 a month, ACT_RANGE 0–60. Bonus (cap 10): AWARD_CITY and AWARD_DISTRICT
     * 3 each in the exclusive group AWARD, EXTRA 0.01–40. VETO_FAIL fails the member and nothing else. Stars: every
     * eligible member of the branch (quota 100%), eligible at a total of 40 and ACT of 50.
     */
    static final Scheme SCHEME = load("""
            id: engine-rules
            name: 引擎规则测试方案
            scope: [FORMAL]
            sections:
              - code: ACT
                name: 参加活动
                mode: ACCRUE
                max: 60
                items:
                  - { code: ACT_MEETING, name: 参加会议, points: 1, cap: { points: 5, window: MONTH } }
                  - { code: ACT_RANGE, name: 酌情计分, range: [0, 60] }
            bonus:
              name: 奖励加分
              cap: 10
              items:
                - { code: AWARD_CITY, name: 市级表彰, points: 3, group: AWARD }
                - { code: AWARD_DISTRICT, name: 区级表彰, points: 3, group: AWARD }
                - { code: EXTRA, name: 其他加分, range: [0.01, 40] }
            groups:
              - { code: AWARD, name: 同一事项不同级别表彰, mode: HIGHEST }
            deductions:
              - { code: DED, name: 违反规定, points: -5 }
            vetoes:
              - { code: VETO_FAIL, name: 直接评定为不合格, effects: [FAIL] }
            grades:
              failing: 不合格
              bands:
                - { grade: 优秀, atLeast: 90 }
                - { grade: 合格, atLeast: 60 }
                - { grade: 不合格 }
            flags:
              - { code: AWARD_ELIGIBLE, label: 可参加评先评优, atLeast: 50 }
              - { code: BEST, label: 年度积分最高, rankAtMost: 1 }
              - { code: MONTH_FIVE, label: 月度荣誉证书, atLeast: 5, perMonth: true }
              - { code: MONTH_TOP, label: 月度前五名公示, rankAtMost: 5, perMonth: true }
            ranking: UNIT
            stars:
              scope: UNIT
              minTotal: 40
              minSection: { section: ACT, atLeast: 50 }
              quotas: { 5: 100 }
            """);

    private static Scheme load(String yaml) {
        SchemeLoad load = SchemeFiles.read(yaml);
        assertThat(load.problems()).as("scheme problems").isEmpty();
        return load.scheme();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            基线：ACT 60，合格，五星，分数与名次称号、月度称号都有 \
                | ACT_RANGE=60              | 60.00 | 合格   | 5 | AWARD_ELIGIBLE BEST MONTH_FIVE@2025-06 MONTH_TOP@2025-06
            scoring.md §7 FAIL vetoes force the failing grade and clear all flags：总分60不变，等次不合格，无任何称号 \
                | ACT_RANGE=60 VETO_FAIL    | 60.00 | 不合格 | - | -
            scoring.md §7、§9 FAIL 一票否决不参与评星：总分、板块都达到评星条件，仍无星 \
                | ACT_RANGE=55 EXTRA=10 VETO_FAIL | 65.00 | 不合格 | - | -
            docs/scoring.md Rank titles need a total above 0：总分0排第1名，不得“年度积分最高”，月度第1名也不公示 \
                | -                         | 0.00  | 不合格 | - | -
            docs/scoring.md Rank titles need a total above 0 的边界：总分0.01排第1名即得名次称号 \
                | EXTRA=0.01                | 0.01  | 不合格 | - | BEST MONTH_TOP@2025-06
            scoring.md §9 评星板块最低分按舍入后的板块比较：ACT 49.995→50.00，达到50，五星；总分50.00 \
                | ACT_RANGE=49.995          | 50.00 | 不合格 | 5 | AWARD_ELIGIBLE BEST MONTH_FIVE@2025-06 MONTH_TOP@2025-06
            scoring.md §9 评星板块最低分：ACT 49.994→49.99，不到50，无星(总分54.994→54.99已达到40) \
                | ACT_RANGE=49.994 EXTRA=5  | 54.99 | 不合格 | - | AWARD_ELIGIBLE BEST MONTH_FIVE@2025-06 MONTH_TOP@2025-06
            """)
    void vetoesTitlesAndStarEligibility(String rule, String ledger, String total, String grade, Integer stars, String flags) {
        MemberResult result = Scenario.under(SCHEME).member("M1", ledger == null ? "" : ledger).result();

        assertThat(result.total().toPlainString()).as("total").isEqualTo(total);
        assertThat(result.grade()).as("grade").isEqualTo(grade);
        assertThat(result.stars()).as("stars").isEqualTo(stars);
        assertThat(String.join(" ", result.flags())).as("flags").isEqualTo(flags == null ? "" : flags);
        assertThat(result.rank()).as("alone in the branch").isEqualTo(1);
    }

    @Test
    void aFailedMemberLeavesTheQuotaToTheOthersAndKeepsTheirRanks() {
        // scoring.md §9: the failed member counts in N = 2 (quota 100% → 2) but is not eligible; §8 ranks are untouched.
        ScoreSheet sheet = Scenario.under(SCHEME)
                .member("FAILED", "ACT_RANGE=60 EXTRA=10 VETO_FAIL")
                .member("PASSED", "ACT_RANGE=50")
                .score();

        assertThat(sheet.members()).extracting(r -> r.member().id() + " " + r.total() + " #" + r.rank() + " " + r.stars() + " " + r.flags())
                .containsExactly("FAILED 70.00 #1 null []", "PASSED 50.00 #2 5 [AWARD_ELIGIBLE, MONTH_FIVE@2025-06, MONTH_TOP@2025-06]");
    }

    /**
     * The cap boundary (scoring.md §3.1, §3.4 step 4, §12): an entry that reaches a cap exactly is counted as it is, and
     * nothing in the explanation says it was capped; one cent over is cut to the cap and the explanation says so. The
     * last column is the number of cap lines in the explanation.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            scoring.md §3.1 每月5分：一次记满5分，恰好到上限，不截 | ACT_MEETING*5                     | 5.00  | 0
            scoring.md §3.1 每月5分：5.01超出一分钱，截为5      | ACT_MEETING*5.01                  | 5.00  | 1
            scoring.md §3.4 第4步 累计：3+2恰好到上限，不截       | ACT_MEETING*3 ACT_MEETING*2        | 5.00  | 0
            scoring.md §3.4 第4步 累计：3+2.01超出一分钱，第二条截为2 | ACT_MEETING*3 ACT_MEETING*2.01 | 5.00  | 1
            scoring.md §3.4 第4步 到上限后同月再记一分钱，计0      | ACT_MEETING*5 ACT_MEETING*0.01@2025-06-20 | 5.00 | 1
            scoring.md §3.1 上限按自然月：6月5分、7月1分各自计 | ACT_MEETING*5 ACT_MEETING@2025-07-01 | 6.00 | 0
            scoring.md §3.1 加分池上限10：恰好10，不截           | EXTRA=10                          | 10.00 | 0
            scoring.md §3.1 加分池上限10：10.01超出一分钱，截为10 | EXTRA=10.01                       | 10.00 | 1
            scoring.md §3.1 加分池上限10：6+4恰好10，不截         | EXTRA=6 EXTRA=4                   | 10.00 | 0
            scoring.md §2 ACCRUE 板块最高60：60恰好，不截         | ACT_RANGE=55 ACT_MEETING*5        | 60.00 | 0
            """)
    void theCapBoundaryIsExactToTheCent(String rule, String ledger, String total, int capLines) {
        MemberResult result = Scenario.under(SCHEME).member("M1", ledger).result();

        assertThat(result.total().toPlainString()).as("total").isEqualTo(total);
        assertThat(result.explanation()).filteredOn(line -> line.step() == Step.CAP).as("cap lines").hasSize(capLines);
        assertThat(result.explanation()).filteredOn(line -> line.step() == Step.SECTION && line.before() != null
                && line.after() != null && line.before().compareTo(line.after()) != 0 && line.rule().contains("参加活动"))
                .as("ACT never clamped at or under its max").isEmpty();
    }

    @Test
    void aSectionOneCentOverItsMaximumIsClamped() {
        // scoring.md §2 ACCRUE: 55.01 + 5 = 60.01 → 60.
        MemberResult result = Scenario.under(SCHEME).member("M1", "ACT_RANGE=55.01 ACT_MEETING*5").result();

        assertThat(result.sections().get("ACT")).isEqualByComparingTo("60");
        assertThat(result.explanation()).anySatisfy(line -> {
            assertThat(line.step()).isEqualTo(Step.SECTION);
            assertThat(line.before()).isEqualByComparingTo("60.01");
            assertThat(line.after()).isEqualByComparingTo("60");
        });
    }

    /**
     * Exclusive groups (scoring.md §3.2, §3.4 step 2): of equal points under one occurrence key the earliest counts —
     * by date, then by ledger order — and the explanation names the entry that was set aside. Refs are the entries'
     * positions in the ledger column (1, 2, …).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            scoring.md §3.4 第2步 同分取最早：3月市级与2月区级同为3分，2月的(第2条)计分，3月的(第1条)不计 \
                | AWARD_CITY@2025-03-01~E1 AWARD_DISTRICT@2025-02-01~E1 | 3.00 | 1
            scoring.md §3.4 第2步 同日同分按台账顺序取第1条 | AWARD_CITY~E1 AWARD_DISTRICT~E1 | 3.00 | 2
            scoring.md §3.4 第2步 同日同分按台账顺序，换个顺序仍取第1条 | AWARD_DISTRICT~E1 AWARD_CITY~E1 | 3.00 | 2
            scoring.md §3.2 不同事项(不同编号)累计 | AWARD_CITY~E1 AWARD_DISTRICT~E2 | 6.00 | -
            scoring.md §3.2 未填事项编号的各自为一次，累计 | AWARD_CITY AWARD_DISTRICT | 6.00 | -
            scoring.md §3.2 不在互斥组的项目，事项编号相同也累计 | EXTRA=2~E1 EXTRA=3~E1 | 5.00 | -
            """)
    void theEarliestOfEqualsCountsInAnExclusiveGroup(String rule, String ledger, String total, String discarded) {
        MemberResult result = Scenario.under(SCHEME).member("M1", ledger).result();

        assertThat(result.total().toPlainString()).as("total").isEqualTo(total);
        List<String> setAside = result.explanation().stream().filter(line -> line.step() == Step.GROUP).map(ExplanationLine::entry).toList();
        assertThat(setAside).as("entries set aside").isEqualTo(discarded == null ? List.of() : List.of(discarded));
    }

    @Test
    void aTotalThatIsExactlyTheFloorIsNotRaisedToIt() {
        // scoring.md §4: total = max(total, floor); at 0 nothing is raised, so the explanation names no floor.
        MemberResult result = Scenario.under(SCHEME).member("M1", "").result();

        assertThat(result.total()).isEqualByComparingTo("0");
        assertThat(result.explanation()).noneSatisfy(line -> assertThat(line.rule()).contains("总分最低"));
    }

    @Test
    void aTotalBelowTheFloorIsRaisedToItAndTheExplanationSaysSo() {
        // scoring.md §4: total = max(3 − 5, 0) = 0.
        MemberResult result = Scenario.under(SCHEME).member("M1", "ACT_RANGE=3 DED").result();

        assertThat(result.total()).isEqualByComparingTo("0");
        assertThat(result.explanation()).anySatisfy(line -> {
            assertThat(line.rule()).isEqualTo("总分最低为0分");
            assertThat(line.before()).isEqualByComparingTo("-2");
            assertThat(line.after()).isEqualByComparingTo("0");
        });
    }

    @Test
    void theStarExplanationGivesTheQuotaEachAwardAndEachRefusal() {
        // scoring.md §9, §12: N = 4 (E, an activist, is outside this scheme's scope), quota 100% → 4; A and B eligible,
        // C's ACT under 50, D failed by a veto.
        ScoreSheet sheet = Scenario.under(SCHEME)
                .member("A", "ACT_RANGE=60").member("B", "ACT_RANGE=55").member("C", "ACT_RANGE=45 EXTRA=10")
                .member("D", "ACT_RANGE=60 VETO_FAIL").member(new Member("E", "E", "第一支部", MemberType.ACTIVIST, Category.IN_SERVICE, null), "")
                .score();

        assertThat(sheet.members()).extracting(r -> r.explanation().stream().filter(l -> l.step() == Step.STAR).map(ExplanationLine::rule).toList())
                .containsExactly(
                        List.of("评星人数4人（未评星党员也计入）：五星级100% × 4 = 4，四舍五入为4名",
                                "总分60分不低于40分，参加活动60分不低于50分，具备评星资格",
                                "在具备资格的党员中按总分排第1位，评为五星级党员"),
                        List.of("评星人数4人（未评星党员也计入）：五星级100% × 4 = 4，四舍五入为4名",
                                "总分55分不低于40分，参加活动55分不低于50分，具备评星资格",
                                "在具备资格的党员中按总分排第2位，评为五星级党员"),
                        List.of("评星人数4人（未评星党员也计入）：五星级100% × 4 = 4，四舍五入为4名", "参加活动45分低于50分，取消评星资格"),
                        List.of("评星人数4人（未评星党员也计入）：五星级100% × 4 = 4，四舍五入为4名", "受一票否决，不具备评星资格"),
                        List.of());
    }

    @Test
    void aVetoRecordedTwiceIsListedOnce() {
        // scoring.md §5: the veto fires; its code is listed once, each entry is explained.
        MemberResult result = Scenario.under(SCHEME).member("M1", "ACT_RANGE=60 VETO_FAIL VETO_FAIL@2025-07-01").result();

        assertThat(result.vetoes()).containsExactly("VETO_FAIL");
        assertThat(result.explanation()).filteredOn(line -> line.step() == Step.VETO).hasSize(2);
    }

    @Test
    void equalTotalsShareARankAndTheExplanationSaysSo() {
        // scoring.md §8: 1, 2, 2, 4.
        ScoreSheet sheet = Scenario.under(SCHEME)
                .member("A", "ACT_RANGE=30").member("B", "ACT_RANGE=20").member("C", "ACT_RANGE=20").member("D", "ACT_RANGE=10")
                .score();

        assertThat(sheet.members()).extracting(r -> r.member().id() + " #" + r.rank()).containsExactly("A #1", "B #2", "C #2", "D #4");
        assertThat(sheet.members().get(1).explanation()).anySatisfy(line ->
                assertThat(line.rule()).isEqualTo("在“第一支部”参与排名的4人中排第2名（2人同分并列，其后名次顺延）"));
        assertThat(sheet.members().get(0).explanation()).anySatisfy(line ->
                assertThat(line.rule()).isEqualTo("在“第一支部”参与排名的4人中排第1名"));
    }

    @Test
    void aMemberAssessedTwiceOnOneItemIsAnInputErrorOfTheCaller() {
        Scheme scheme = Scenario.under("changzhou-2021").scheme();
        Item clean = scheme.item("CZ_CLEAN");
        MemberInput twice = new MemberInput(new Member("M1", "成员", "支部", MemberType.FORMAL, Category.IN_SERVICE, null), List.of(),
                List.of(new Assessment(clean, BigDecimal.ONE, null, 1), new Assessment(clean, BigDecimal.valueOf(2), null, 2)), List.of(), null);

        assertThatThrownBy(() -> ScoringEngine.score(scheme, Span.year(Scenario.YEAR), List.of(twice),
                ScoringOptions.explained())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("assessed twice on CZ_CLEAN");
    }

    /**
     * A RANGE entry always has quantity 1 (scoring.md §3.4): its points are the points of the entry, a missing quantity
     * means 1, and any other quantity is an input error on the quantity.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            scoring.md §3.4 RANGE 数量留空即为1，计本条分值3 | -   | 3 | -        | 3
            scoring.md §3.4 RANGE 数量为1，计本条分值3       | 1   | 3 | -        | 3
            scoring.md §3.4 RANGE 数量1.0与1相同             | 1.0 | 3 | -        | 3
            scoring.md §3.4 RANGE 数量2是输入错误             | 2   | 3 | quantity | -
            scoring.md §3.4 RANGE 数量0.5是输入错误           | 0.5 | 3 | quantity | -
            scoring.md §3 RANGE 未填分值是输入错误            | 1   | - | points   | -
            scoring.md §3 RANGE 分值超出范围是输入错误        | -   | 41 | points  | -
            """)
    void aRangeEntryHasQuantityOne(String rule, BigDecimal quantity, BigDecimal points, String problemField, BigDecimal counted) {
        Checked<Entry> checked = Inputs.entry(SCHEME, Scenario.YEAR, "EXTRA", LocalDate.of(Scenario.YEAR, 6, 15), quantity, points, null, 1);

        if (problemField != null) {
            assertThat(checked.ok()).as("refused").isFalse();
            assertThat(checked.problems()).extracting(Problem::field).containsExactly(problemField);
            return;
        }
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.value().quantity()).isEqualByComparingTo("1");
        MemberResult result = ScoringEngine.score(SCHEME, Span.year(Scenario.YEAR),
                List.of(new MemberInput(new Member("M1", "成员", "支部", MemberType.FORMAL, Category.IN_SERVICE, null),
                        List.of(checked.value()), List.of(), List.of(), null)), ScoringOptions.explained()).members().get(0);
        assertThat(result.bonus()).isEqualByComparingTo(counted);
    }
}
