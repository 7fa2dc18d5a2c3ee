package cn.vanguard.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a secretary reads when a row of the ledger, the assessments or the ballots is refused (scoring.md §3): every
 * mistake of the row, each against its field, in English for the command line and in Chinese for the web application.
 */
class InputsTest {

    private static final Item MEETING = item("MEETING", "参加会议", ItemKind.PER_UNIT, Pool.SECTION, "ACT", BigDecimal.ONE, null, null);
    private static final Item STUDY = new Item("STUDY", "学习时长", ItemKind.PER_UNIT, Pool.BONUS, null, new BigDecimal("0.5"),
            null, null, null, null, null, null, null, null, null, "小时", null, null, null);
    private static final Item DISCRETION = item("DISC", "酌情加分", ItemKind.RANGE, Pool.BONUS, null, null, new BigDecimal("-2"),
            new BigDecimal("5"));
    private static final Item LEARN = item("LEARN", "学习情况", ItemKind.CRITERION, Pool.SECTION, "CRIT", null, null,
            new BigDecimal("5"));
    private static final Item POST = new Item("POST", "岗位评定", ItemKind.LEVEL, Pool.SECTION, "POST", null, null, null,
            List.of(new Level("A", "优秀", BigDecimal.TEN), new Level("B", "合格", new BigDecimal("6"))), null, null, null, null,
            null, null, null, null, null, null);
    private static final Item VETO = new Item("VETO", "严重违纪", ItemKind.VETO, Pool.NONE, null, null, null, null, null, null,
            null, null, null, null, List.of(VetoEffect.of(VetoEffect.Kind.FAIL)), null, null, null, null);
    private static final Item ABSENT = new Item("ABSENT", "无故缺考", ItemKind.FORFEIT, Pool.NONE, null, null, null, null, null,
            null, null, null, null, "LEARN", null, null, null, null, null);
    private static final Section VOTE = new Section("VOTE", "民主测评", SectionMode.APPRAISAL, new BigDecimal("20"), null, null,
            List.of(new VoteLevel("GOOD", "好", BigDecimal.ONE), new VoteLevel("FAIR", "较好", new BigDecimal("0.8")),
                    new VoteLevel("POOR", "差", BigDecimal.ZERO)), null, null);
    private static final List<Section> SECTIONS = List.of(
            new Section("ACT", "参加活动", SectionMode.ACCRUE, BigDecimal.TEN, null, null, null, null, null),
            new Section("CRIT", "评议", SectionMode.CRITERIA, BigDecimal.TEN, null, null, null, null, null),
            new Section("POST", "岗位", SectionMode.LEVEL, BigDecimal.TEN, null, null, null, null, null),
            new Section("LEVELS", "等次测评", SectionMode.APPRAISAL, BigDecimal.TEN, null, null, null, null, null),
            VOTE);
    private static final Scheme SCHEME = scheme("inputs", SECTIONS, List.of(MEETING, STUDY, DISCRETION, LEARN, POST, VETO, ABSENT));
    private static final Scheme NO_VOTES = scheme("no-votes", SECTIONS.subList(0, 1), List.of(MEETING));

    private static final LocalDate DAY = LocalDate.of(2025, 6, 15);

    @Test
    void anEntryTakesItsItemByCodeOrNameAndDefaultsItsQuantity() {
        Entry byCode = entry(" MEETING ", DAY, null, null, " ").value();
        Entry byName = entry("参加会议", DAY, new BigDecimal("3"), new BigDecimal("3"), "A1").value();

        assertThat(byCode).isEqualTo(new Entry(MEETING, DAY, BigDecimal.ONE, null, null, 7));
        assertThat(byName).isEqualTo(new Entry(MEETING, DAY, new BigDecimal("3"), null, "A1", 7));
        assertThat(entry("DISC", DAY, BigDecimal.ONE, new BigDecimal("-2"), null).value().points()).isEqualByComparingTo("-2");
        assertThat(entry("DISC", DAY, new BigDecimal("1.00"), new BigDecimal("5"), null).value().points()).isEqualByComparingTo("5");
        assertThat(entry("VETO", LocalDate.of(2025, 1, 1), null, BigDecimal.ZERO, null).ok()).isTrue();
        assertThat(entry("ABSENT", LocalDate.of(2025, 12, 31), null, null, null).ok()).isTrue();
        assertThat(entry("STUDY", DAY, new BigDecimal("0.01"), null, null).ok()).isTrue();
    }

    /** {@code -} leaves a column empty. */
    @ParameterizedTest(name = "{0} {1} q={2} p={3}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            MEETNG  | 2025-06-15 | -    | -  | item     | item "MEETNG" is not in scheme inputs (did you mean MEETING?)                           | 项目“MEETNG”不在方案“输入方案inputs”中（是否应为 MEETING？）
            完全不同 | 2025-06-15 | -    | -  | item     | item "完全不同" is not in scheme inputs                                                   | 项目“完全不同”不在方案“输入方案inputs”中
            -       | 2025-06-15 | -    | -  | item     | item "" is not in scheme inputs                                                         | 项目“”不在方案“输入方案inputs”中
            LEARN   | 2025-06-15 | -    | -  | item     | item LEARN (学习情况) is assessed, not recorded: give its value in the assessments file  | 项目“学习情况”（LEARN）是评定项，请在评定表中填写评定值，不要记入台账
            POST    | 2025-06-15 | -    | -  | item     | item POST (岗位评定) is assessed, not recorded: give its value in the assessments file   | 项目“岗位评定”（POST）是评定项，请在评定表中填写评定值，不要记入台账
            MEETING | 2024-12-31 | -    | -  | date     | date 2024-12-31 is outside the cycle 2025                                               | 日期2024-12-31不在2025年度积分周期内
            MEETING | 2026-01-01 | -    | -  | date     | date 2026-01-01 is outside the cycle 2025                                               | 日期2026-01-01不在2025年度积分周期内
            MEETING | 2025-06-15 | 0    | -  | quantity | quantity must be a positive number, not 0                                               | 数量必须是正数，不能是0
            STUDY   | 2025-06-15 | -1.50| -  | quantity | quantity must be a positive number, not -1.5                                            | 数量必须是正数，不能是-1.5
            DISC    | 2025-06-15 | 2    | 1  | quantity | item DISC is scored entry by entry: quantity must be 1 (record each occurrence on its own row) | 项目“酌情加分”按每条记录酌情计分，数量必须为1（每次单独记一行）
            DISC    | 2025-06-15 | -    | -  | points   | item DISC needs the points of the entry: give a number from -2 to 5                      | 项目“酌情加分”须填写本条分值：-2到5之间的数
            DISC    | 2025-06-15 | -    | 5.01 | points | points 5.01 are outside the range of item DISC (-2 to 5)                                | 分值5.01超出项目“酌情加分”的范围（-2到5）
            DISC    | 2025-06-15 | -    | -2.5 | points | points -2.5 are outside the range of item DISC (-2 to 5)                                | 分值-2.5超出项目“酌情加分”的范围（-2到5）
            MEETING | 2025-06-15 | 3    | 4  | points   | points 4 do not match item MEETING: 1 per 次 × 3 = 3 (leave points empty)                | 分值4与项目“参加会议”不符：每次1分 × 3 = 3分（分值一栏请留空）
            STUDY   | 2025-06-15 | 3    | 1  | points   | points 1 do not match item STUDY: 0.5 per 小时 × 3 = 1.5 (leave points empty)            | 分值1与项目“学习时长”不符：每小时0.5分 × 3 = 1.5分（分值一栏请留空）
            VETO    | 2025-06-15 | -    | 1  | points   | points 1 do not match item VETO: no points (leave points empty)                         | 分值1与项目“严重违纪”不符：不计分（分值一栏请留空）
            ABSENT  | 2025-06-15 | -    | -3 | points   | points -3 do not match item ABSENT: no points (leave points empty)                      | 分值-3与项目“无故缺考”不符：不计分（分值一栏请留空）
            """)
    void aRefusedEntrySaysWhichFieldIsWrongAndWhatToDo(String itemText, LocalDate date, BigDecimal quantity, BigDecimal points,
                                                       String field, String message, String chinese) {
        Checked<Entry> checked = entry(itemText, date, quantity, points, null);

        assertThat(checked.ok()).isFalse();
        assertThat(checked.problems()).containsExactly(new Problem(field, message.trim(), chinese.trim()));
    }

    @Test
    void everyMistakeOfARowIsReportedInTheOrderOfItsFields() {
        Checked<Entry> checked = entry("MEETNG", LocalDate.of(2024, 3, 1), BigDecimal.ZERO, null, null);

        assertThat(checked.problems()).extracting(Problem::field).containsExactly("item", "date", "quantity");
        assertThat(entry("LEARN", LocalDate.of(2024, 3, 1), new BigDecimal("-1"), BigDecimal.ONE, null).problems())
                .extracting(Problem::field).containsExactly("item", "date", "quantity");
        assertThat(entry("DISC", DAY, BigDecimal.ZERO, null, null).problems()).extracting(Problem::field).containsExactly("quantity");
    }

    @Test
    void entryProblemsOfAGoodRowIsEmpty() {
        assertThat(Inputs.entryProblems(SCHEME, 2025, "MEETING", MEETING, DAY, null, null)).isEmpty();
        assertThat(Inputs.entryProblems(SCHEME, 2025, "DISC", DISCRETION, DAY, null, BigDecimal.ONE)).isEmpty();
        assertThat(Inputs.entryProblems(SCHEME, 2025, "MEETING", MEETING, DAY, new BigDecimal("2"), new BigDecimal("2.0"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            LEARN   | 0     | 0  | -
            学习情况 | 5.0   | 5  | -
            LEARN   | ' 2.5 '| 2.5 | -
            POST    | 优秀  | 10 | 优秀
            岗位评定 | b     | 6  | 合格
            """)
    void anAssessmentTakesACriterionsNumberOrALevelsLabelOrCode(String itemText, String value, BigDecimal points, String level) {
        Assessment assessment = Inputs.assessment(SCHEME, itemText, value, 9).value();

        assertThat(assessment.points()).isEqualByComparingTo(points);
        assertThat(assessment.level() == null ? null : assessment.level().label()).isEqualTo(level);
        assertThat(assessment.ref()).isEqualTo(9);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            LEARN   | 五    | value | value "五" is not a number: give the points of criterion LEARN from 0 to 5          | 评定值“五”不是数字：请填写“学习情况”的得分，0到5分
            LEARN   | -     | value | value "" is not a number: give the points of criterion LEARN from 0 to 5           | 评定值“”不是数字：请填写“学习情况”的得分，0到5分
            LEARN   | -0.5  | value | value -0.5 is out of range: give the points of criterion LEARN from 0 to 5         | 评定值-0.5超出范围：请填写“学习情况”的得分，0到5分
            LEARN   | 5.01  | value | value 5.01 is out of range: give the points of criterion LEARN from 0 to 5         | 评定值5.01超出范围：请填写“学习情况”的得分，0到5分
            POST    | 良好  | value | value "良好" is not a level of POST: use one of 优秀, 合格                            | 评定结果“良好”不是“岗位评定”的等次：请填写优秀、合格之一
            POST    | -     | value | value "" is not a level of POST: use one of 优秀, 合格                                | 评定结果“”不是“岗位评定”的等次：请填写优秀、合格之一
            MEETING | 1     | item  | item MEETING is recorded as ledger entries, not assessed: put it in the entries file | 项目“参加会议”（MEETING）应记入台账，不是评定项
            VETO    | 1     | item  | item VETO is recorded as ledger entries, not assessed: put it in the entries file    | 项目“严重违纪”（VETO）应记入台账，不是评定项
            MEETNG  | 1     | item  | item "MEETNG" is not in scheme inputs (did you mean MEETING?)                        | 项目“MEETNG”不在方案“输入方案inputs”中（是否应为 MEETING？）
            -       | 1     | item  | item "" is not in scheme inputs                                                    | 项目“”不在方案“输入方案inputs”中
            """)
    void aRefusedAssessmentSaysWhatTheItemTakes(String itemText, String value, String field, String message, String chinese) {
        Checked<Assessment> checked = Inputs.assessment(SCHEME, itemText, value, 9);

        assertThat(checked.ok()).isFalse();
        assertThat(checked.problems()).containsExactly(new Problem(field, message.trim(), chinese.trim()));
    }

    @Test
    void ballotsAreOneWholeCountPerAnswerOfTheVoteAppraisal() {
        Votes votes = Inputs.votes(SCHEME, List.of(new BigDecimal("10"), new BigDecimal("5.00"), BigDecimal.ZERO)).value();

        assertThat(votes).isEqualTo(new Votes("VOTE", List.of(10L, 5L, 0L)));
        assertThat(Inputs.voteSection(SCHEME)).isSameAs(VOTE);
        assertThat(Inputs.voteSection(NO_VOTES)).isNull();
    }

    @Test
    void refusedBallotsSayWhatIsWrongWithEachCount() {
        assertThat(Inputs.votes(NO_VOTES, List.of(BigDecimal.ONE)).problems()).containsExactly(new Problem("votes",
                "scheme no-votes has no vote appraisal: leave out the votes file", "方案“输入方案no-votes”没有民主测评投票，请不要提供测评票"));
        assertThat(Inputs.votes(SCHEME, List.of(BigDecimal.ONE, BigDecimal.ONE)).problems()).containsExactly(new Problem("votes",
                "give 3 vote counts (one per answer), not 2", "应给出3个票数（每个等次一个），不是2个"));
        assertThat(Inputs.votes(SCHEME, List.of(new BigDecimal("-1"), new BigDecimal("2.5"), BigDecimal.ONE)).problems())
                .containsExactly(
                        new Problem("GOOD", "votes \"好\" must be a whole number of 0 or more, not -1", "“好”票数必须是不小于0的整数，不能是-1"),
                        new Problem("FAIR", "votes \"较好\" must be a whole number of 0 or more, not 2.5", "“较好”票数必须是不小于0的整数，不能是2.5"));
    }

    private static Checked<Entry> entry(String itemText, LocalDate date, BigDecimal quantity, BigDecimal points, String occurrence) {
        return Inputs.entry(SCHEME, 2025, itemText, date, quantity, points, occurrence, 7);
    }

    private static Scheme scheme(String id, List<Section> sections, List<Item> items) {
        return new Scheme(id, "输入方案" + id, null, null, null, null, Set.of(MemberType.FORMAL), null, null, sections, items, null,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Item item(String code, String name, ItemKind kind, Pool pool, String section, BigDecimal points, BigDecimal min,
                             BigDecimal max) {
        return new Item(code, name, kind, pool, section, points, min, max, null, null, null, null, null, null, null, null, null,
                null, null);
    }
}
