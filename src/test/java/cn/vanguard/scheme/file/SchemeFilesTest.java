package cn.vanguard.scheme.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.vanguard.scheme.ItemKind;
import cn.vanguard.scheme.Pool;
import cn.vanguard.scheme.Publicity;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.SectionMode;

/** Reading scheme files: everything is checked, and every problem is reported at once with its line and path. */
class SchemeFilesTest {

    private static final String HEAD = """
            id: test-scheme
            name: 测试方案
            scope: [FORMAL]
            """;

    private static List<String> problems(String yaml) {
        SchemeLoad load = SchemeFiles.read(yaml);
        assertThat(load.ok()).as("the file should not load").isFalse();
        return load.problems().stream().map(p -> p.render("s.yaml", false)).toList();
    }

    private static Scheme scheme(String yaml) {
        SchemeLoad load = SchemeFiles.read(yaml);
        assertThat(load.problems()).isEmpty();
        return load.scheme();
    }

    @Test
    void theCompleteExampleOfTheFormatDocumentationLoads() throws IOException {
        String doc = Files.readString(Path.of("docs/scheme-format.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));
        Scheme scheme = scheme(yaml);
        assertThat(scheme.sections()).extracting(s -> s.mode()).containsExactly(SectionMode.CRITERIA, SectionMode.ACCRUE,
                SectionMode.ATTAINMENT, SectionMode.LEVEL, SectionMode.APPRAISAL);
        assertThat(scheme.item("DED_LATE_DUES").section()).isEqualTo("BASE");
        assertThat(scheme.item("F_EXTRAVAGANCE").kind()).isEqualTo(ItemKind.FORFEIT);
        assertThat(scheme.item("ORGLIFE_ATTEND").pool()).isEqualTo(Pool.NONE);
        assertThat(scheme.stars().unitQuotas()).containsKey("第三支部");
    }

    @Test
    void aMinimalSchemeLoadsWithItsDefaults() {
        Scheme scheme = scheme(HEAD + """
                sections:
                  - { code: ACT, name: 参加活动, mode: ACCRUE, items: [ { code: ACT_MEETING, name: 参加会议, points: 1 } ] }
                """);
        assertThat(scheme.totalFloor()).isZero();
        assertThat(scheme.section("ACT").max()).isNull();
        assertThat(scheme.item("ACT_MEETING").unit()).isEqualTo("次");
    }

    @Test
    void publicityNamesWhatItsListShowsWhetherMembersSeeRanksAndHowManyRanksItLists() {
        String sections = """
                sections:
                  - { code: ACT, name: 参加活动, mode: ACCRUE, items: [ { code: ACT_MEETING, name: 参加会议, points: 1 } ] }
                """;
        assertThat(scheme(HEAD + "publicity: { days: 5, workingDays: true }\n" + sections).publicity())
                .isEqualTo(new Publicity(5, true, false, List.of("name", "total", "grade"), false, null));
        assertThat(scheme(HEAD + "publicity: { days: 3, shows: [name, total], showRankToMembers: true, top: 5 }\n" + sections).publicity())
                .isEqualTo(new Publicity(3, false, false, List.of("name", "total"), true, 5));
        assertThat(problems(HEAD + "publicity: { days: 3, shows: [name, salary] }\n" + sections)).singleElement().asString()
                .contains("must be one of name, unit, total, rank, grade, stars, sections, vetoes");
        assertThat(problems(HEAD + "publicity: { days: 3, shows: [name, name] }\n" + sections)).singleElement().asString()
                .contains("is listed twice");
        assertThat(problems(HEAD + "publicity: { days: 3, top: 0 }\n" + sections)).singleElement().asString().contains("at least 1");
    }

    @Test
    void reportsEveryProblemWithItsLineAndPath() {
        assertThat(problems(HEAD + """
                sections:
                  - code: ACT
                    name: 参加活动
                    mode: ACCRUE
                    items:
                      - { code: ACT_MEETING, name: 会议, points: 1, cap: { points: 5, window: WEEK } }
                      - { code: ACT_MEETING, name: 学习, points: 1 }
                  - code: BASE
                    name: 基础分
                    mode: CRITERIA
                    max: 20
                    items:
                      - { code: B_ONE, name: 政治合格, max: 10, cap: { points: 5, window: YEAR } }
                deductions:
                  - { code: DED_X, name: 扣分, points: -1, into: BSAE }
                  - { code: DED_Y, name: 扣分, points: 2 }
                vetoes:
                  - { code: VETO_X, name: 否决, effects: [FAIL] }
                """)).containsExactly(
                "s.yaml:9: sections[0].items[0].cap.window: must be one of MONTH, QUARTER, HALF, YEAR, not \"WEEK\"",
                "s.yaml:10: sections[0].items[1]: duplicate item code ACT_MEETING (also at sections[0].items[0])",
                "s.yaml:14: sections[1].max: the criteria add up to 10, not to the section max 20",
                "s.yaml:16: sections[1].items[0].cap: a criterion has only max (and maybe threshold); cap belongs to items that earn points",
                "s.yaml:18: deductions[0].into: unknown section BSAE (did you mean BASE?)",
                "s.yaml:19: deductions[1].points: deductions are negative (e.g. -2)",
                "s.yaml:21: vetoes[0].effects[0]: FAIL needs the failing grade: set grades.failing");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unordered bands      | [ { grade: 合格, atLeast: 60 }, { grade: 优秀, atLeast: 90 }, { grade: 不合格 } ]  | grades.bands[1]: bands must go from the highest lower bound down without overlapping: atLeast 90 is not below atLeast 60
        overlapping bands    | [ { grade: 优秀, atLeast: 60 }, { grade: 合格, atLeast: 60 }, { grade: 不合格 } ]  | grades.bands[1]: bands must go from the highest lower bound down without overlapping: atLeast 60 is not below atLeast 60
        inclusive below exclusive at the same number | [ { grade: 合格, atLeast: 70 }, { grade: 差, above: 70 }, { grade: 不合格 } ] | grades.bands[1]: bands must go from the highest lower bound down without overlapping: above 70 is not below atLeast 70
        a gap at the bottom  | [ { grade: 优秀, atLeast: 90 }, { grade: 合格, atLeast: 60 } ]                  | grades.bands[1]: totals below atLeast 60 would have no grade: end with a band without atLeast/above
        a bound in the middle missing | [ { grade: 优秀, atLeast: 90 }, { grade: 合格 }, { grade: 不合格 } ]     | grades.bands[1]: only the lowest band may have no lower bound
        both kinds of bound  | [ { grade: 优秀, atLeast: 90, above: 90 }, { grade: 不合格 } ]                 | grades.bands[0]: give atLeast (inclusive, 以上) or above (exclusive, 高于), not both
        """)
    void gradeBandsMustBeOrderedWithoutOverlapsOrGaps(String what, String bands, String problem) {
        assertThat(problems(HEAD + """
                sections: [ { code: ACT, name: 活动, mode: ACCRUE, items: [ { code: A, name: 会议, points: 1 } ] } ]
                grades:
                  bands: %s
                """.formatted(bands))).singleElement().asString().endsWith(problem);
    }

    @Test
    void anExclusiveBoundBelowAnInclusiveOneAtTheSameNumberIsASinglePointBand() {
        Scheme scheme = scheme(HEAD + """
                sections: [ { code: ACT, name: 活动, mode: ACCRUE, items: [ { code: A, name: 会议, points: 1 } ] } ]
                grades:
                  bands: [ { grade: 优秀, above: 70 }, { grade: 刚好, atLeast: 70 }, { grade: 不合格 } ]
                """);
        assertThat(scheme.grading().bandOf(new java.math.BigDecimal("70")).grade()).isEqualTo("刚好");
        assertThat(scheme.grading().bandOf(new java.math.BigDecimal("70.01")).grade()).isEqualTo("优秀");
    }

    @Test
    void starQuotasAbove100PercentAreRefused() {
        assertThat(problems(HEAD + """
                sections: [ { code: ACT, name: 活动, mode: ACCRUE, items: [ { code: A, name: 会议, points: 1 } ] } ]
                stars:
                  minTotal: 70
                  minSection: { section: AKT, atLeast: 50 }
                  quotas: { 5: 40, 4: 40, 3: 30 }
                """)).containsExactly(
                "s.yaml:7: stars.minSection.section: unknown section AKT (did you mean ACT?)",
                "s.yaml:8: stars.quotas: star quotas add up to 110%, above 100%");
    }

    @Test
    void unknownItemTargetsAreReported() {
        assertThat(problems(HEAD + """
                sections:
                  - code: EDU
                    name: 教育培训
                    mode: CRITERIA
                    items:
                      - { code: EDU_TRAINING, name: 集中培训, max: 5, threshold: { item: EDU_TRAINING_ATEND, atLeast: 6 } }
                  - { code: STUDY, name: 学习, mode: ATTAINMENT, max: 10, target: { item: HELD } }
                counters:
                  - { code: EDU_TRAINING_ATTEND, name: 参加集中培训 }
                forfeits:
                  - { code: F_X, name: 不得分事项, criterion: EDU_TRAINNG }
                bonus:
                  items: [ { code: B_X, name: 加分, points: 2, group: AWARDS } ]
                warnings:
                  - { code: SHORT, label: 次数不足, attendance: { item: ATTEND, required: { LEADER: 12 } } }
                """)).containsExactly(
                "s.yaml:9: sections[0].items[0].threshold.item: unknown item EDU_TRAINING_ATEND (did you mean EDU_TRAINING_ATTEND?) (the threshold item)",
                "s.yaml:10: sections[1].target.item: unknown item HELD (the target item)",
                "s.yaml:14: forfeits[0].criterion: EDU_TRAINNG is not a criterion of the scheme (did you mean EDU_TRAINING?)",
                "s.yaml:16: bonus.items[0].group: unknown group AWARDS: list it under groups",
                "s.yaml:18: warnings[0].attendance.item: unknown item ATTEND (the attendance item)");
    }

    @Test
    void itemsMustGiveWhatTheirPlaceNeeds() {
        assertThat(problems(HEAD + """
                sections:
                  - code: ACT
                    name: 活动
                    mode: ACCRUE
                    items:
                      - { code: A_ONE, name: 会议, max: 5 }
                      - { code: A_TWO, name: 会议, points: 1, range: [1, 2] }
                      - { code: A_THREE, name: 会议, range: [1, 2], freeCount: 2 }
                      - { code: a_four, name: 会议, points: 1, kind: RANGE }
                  - { code: POST, name: 考核, mode: LEVEL, items: [] }
                """)).containsExactly(
                "s.yaml:9: sections[0].items[0].max: only criteria and level items have max; an item here earns points (give points or range)",
                "s.yaml:9: sections[0].items[0]: give either points (per unit) or range [min, max] (set entry by entry)",
                "s.yaml:10: sections[0].items[1]: give either points (per unit) or range [min, max] (set entry by entry)",
                "s.yaml:11: sections[0].items[2].freeCount: only PER_UNIT items have a free allowance",
                "s.yaml:12: sections[0].items[3].code: must be upper-case letters, digits and underscores starting with a letter (item code), not \"a_four\"",
                "s.yaml:12: sections[0].items[3].kind: says RANGE but the item is PER_UNIT by what it gives",
                "s.yaml:13: sections[1].items: a LEVEL section has exactly one item with levels");
    }

    @Test
    void unknownKeysAndMissingKeysAreReportedWithSuggestions() {
        assertThat(problems("""
                id: Test Scheme
                scope: [FORMAL, MEMBER]
                sectons: []
                """)).containsExactly(
                "s.yaml:1: id: must be lower-case letters, digits and dashes (city-direct-organs), not \"Test Scheme\"",
                "s.yaml:1: name: is required: the Chinese name of the scheme",
                "s.yaml:1: sections: is required: at least one section",
                "s.yaml:2: scope[1]: must be one of FORMAL, PROBATIONARY, ACTIVIST, not \"MEMBER\"",
                "s.yaml:3: sectons: unknown key \"sectons\" in the scheme (did you mean sections?)");
    }

    @Test
    void yamlSyntaxErrorsAreReportedAtTheirLine() {
        assertThat(problems(HEAD + "sections:\n  - { code: ACT, name: [unclosed\n")).singleElement().asString()
                .startsWith("s.yaml:6: not valid YAML");
        assertThat(problems("")).containsExactly("s.yaml:1: the file is empty: a scheme needs at least id, name, scope and sections");
    }

    @Test
    void problemsReadInChineseForTheWebApplication() {
        SchemeLoad load = SchemeFiles.read(HEAD + """
                sections: [ { code: ACT, name: 活动, mode: ACCRUE, maxx: 5, items: [ { code: A, name: 会议, points: 1 } ] } ]
                """);
        assertThat(load.problems()).singleElement().extracting(p -> p.render("s.yaml", true))
                .isEqualTo("s.yaml:4: sections[0].maxx: 板块中没有“maxx”这一项（是否应为 max？）");
    }

    /** Every kind of mapping the reader checks has a Chinese name, so that no Chinese message carries an English one. */
    @Test
    void everyMappingTheReaderChecksHasAChineseName() throws Exception {
        String reader = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/cn/vanguard/scheme/file/SchemeReader.java"));
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("\\.mapping\\(\"([^\"]+)\"").matcher(reader);
        java.util.Set<String> names = new java.util.TreeSet<>();
        while (named.find()) {
            names.add(named.group(1));
        }
        assertThat(names).hasSizeGreaterThan(20);
        assertThat(Yaml.Value.WHAT.keySet()).containsAll(names);
        assertThat(Yaml.Value.WHAT.values()).allSatisfy(c -> assertThat(c).matches("[\\p{IsHan}]+"));
    }
}
