package cn.vanguard.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sentences of 为什么是这个分, rule by rule, as a member reads them: each names the rule, the numbers it used, and
 * the clause it comes from (nothing when the clause is blank). The engine tests show which sentence a ledger gets; these
 * show every variant of each sentence, including those no preset reaches.
 */
class WordingTest {

    private static final Item ATTEND = item("ATTEND", "组织生活", ItemKind.PER_UNIT, Pool.NONE, null, BigDecimal.ZERO, null, null);
    private static final Item STUDY = item("STUDY", "学习心得", ItemKind.PER_UNIT, Pool.BONUS, null, BigDecimal.ONE, "篇", null);
    private static final Item MEETING = new Item("MEETING", "参加会议", ItemKind.PER_UNIT, Pool.SECTION, "ACT", BigDecimal.ONE,
            null, null, null, new Cap(new BigDecimal("5"), Window.QUARTER), new BigDecimal("2"), null, null, null, null, null,
            null, "第三条", null);
    private static final Item DISCRETION = new Item("DISCRETION", "酌情加分", ItemKind.RANGE, Pool.BONUS, null, null,
            new BigDecimal("-2"), new BigDecimal("5"), null, null, null, null, null, null, null, null, null, null, null);
    private static final Item CRITERION = new Item("LEARN", "学习情况", ItemKind.CRITERION, Pool.SECTION, "CRIT", null, null,
            new BigDecimal("5"), null, null, null, null, new Threshold("ATTEND", BigDecimal.TEN), null, null, null, null,
            "第四条", null);
    private static final Item VETO = new Item("VETO", "严重违纪", ItemKind.VETO, Pool.NONE, null, null, null, null, null, null,
            null, null, null, null, List.of(VetoEffect.of(VetoEffect.Kind.FAIL)), null, null, "第九条", null);
    private static final Section ACT = new Section("ACT", "参加活动", SectionMode.ACCRUE, BigDecimal.TEN, null, null, null,
            "第二条", null);
    private static final Grading GRADING = new Grading(List.of(
            new GradeBand("优秀", new BigDecimal("90"), false),
            new GradeBand("良好", new BigDecimal("70"), true),
            new GradeBand("合格", new BigDecimal("60"), false),
            new GradeBand("不合格", null, false)), "不合格", Set.of(MemberType.PROBATIONARY), "第十二条");
    private static final Scheme SCHEME = new Scheme("wording", "措辞方案", null, null, null, null,
            Set.of(MemberType.FORMAL, MemberType.PROBATIONARY), null, null, List.of(), List.of(ATTEND, STUDY), null,
            "奖励加分", BigDecimal.TEN, "第五条", null, GRADING, null, null, null, null, null, null);

    private static final LocalDate MAY_4 = LocalDate.of(2025, 5, 4);

    @Test
    void anUnscoredMemberReadsWhyNotScored() {
        Member activist = new Member("A", "甲", "第一支部", MemberType.ACTIVIST, null, null);
        Member exempt = new Member("B", "乙", "第一支部", MemberType.FORMAL, Category.IN_SERVICE, true);
        Member retired = new Member("C", "丙", "第一支部", MemberType.FORMAL, Category.RETIRED, null);
        Member mobile = new Member("D", "丁", "第一支部", MemberType.FORMAL, Category.MOBILE, false);

        assertThat(Wording.notScored(SCHEME, activist, Reasons.OUT_OF_SCOPE))
                .isEqualTo("入党积极分子不在本方案适用范围（适用于正式党员、预备党员），列入名单但不计分");
        assertThat(Wording.notScored(SCHEME, exempt, Reasons.EXEMPT)).isEqualTo("经批准不参加积分管理（免于积分管理），列入名单但不计分");
        assertThat(Wording.notScored(SCHEME, retired, Reasons.EXEMPT))
                .isEqualTo("离退休党员按本方案暂不实行积分制管理（免于积分管理），列入名单但不计分");
        assertThat(Wording.notScored(SCHEME, mobile, Reasons.EXEMPT))
                .isEqualTo("流动党员按本方案暂不实行积分制管理（免于积分管理），列入名单但不计分");
    }

    @Test
    void anEntryReadsAsQuantityTimesPointsAsDiscretionOrAsACountOnly() {
        assertThat(Wording.entry(new Entry(MEETING, MAY_4, new BigDecimal("3"), null, null, 1)))
                .isEqualTo("5月4日 参加会议：3次 × 1分 = 3分（第三条）");
        assertThat(Wording.entry(new Entry(STUDY, LocalDate.of(2025, 12, 31), new BigDecimal("1.5"), null, null, 1)))
                .isEqualTo("12月31日 学习心得：1.5篇 × 1分 = 1.5分");
        assertThat(Wording.entry(new Entry(DISCRETION, MAY_4, BigDecimal.ONE, new BigDecimal("2.50"), null, 1)))
                .isEqualTo("5月4日 酌情加分：酌情+2.5分（可在-2～5分之间评定）");
        assertThat(Wording.entry(new Entry(DISCRETION, MAY_4, BigDecimal.ONE, new BigDecimal("-1"), null, 1)))
                .isEqualTo("5月4日 酌情加分：酌情-1分（可在-2～5分之间评定）");
        assertThat(Wording.entry(new Entry(DISCRETION, MAY_4, BigDecimal.ONE, BigDecimal.ZERO, null, 1)))
                .isEqualTo("5月4日 酌情加分：酌情0分（可在-2～5分之间评定）");
        assertThat(Wording.entry(new Entry(ATTEND, MAY_4, new BigDecimal("2"), null, null, 1)))
                .isEqualTo("5月4日 组织生活：2次（只计次数，不计分）");
    }

    @Test
    void vetoesAndForfeitsNameTheirEntryAndClause() {
        Item forfeit = new Item("ABSENT", "无故缺考", ItemKind.FORFEIT, Pool.NONE, null, null, null, null, null, null, null, null,
                null, "LEARN", null, null, null, "第八条", null);

        assertThat(Wording.vetoEntry(new Entry(VETO, LocalDate.of(2025, 8, 9), BigDecimal.ONE, null, null, 1)))
                .isEqualTo("8月9日 一票否决事项：严重违纪（第九条）");
        assertThat(Wording.forfeitEntry(new Entry(forfeit, LocalDate.of(2025, 8, 9), BigDecimal.ONE, null, null, 1), CRITERION))
                .isEqualTo("8月9日 无故缺考：“学习情况”该项不得分（第八条）");
        assertThat(Wording.zeroSection(VETO, ACT)).isEqualTo("一票否决：严重违纪，扣除“参加活动”全部积分（第九条）");
        assertThat(Wording.zeroTotal(VETO)).isEqualTo("一票否决：严重违纪，年度积分为0（第九条）");
        assertThat(Wording.fail(SCHEME, VETO)).isEqualTo("一票否决：严重违纪，直接评定为“不合格”（第九条）");
        assertThat(Wording.disqualify(VETO)).isEqualTo("一票否决：严重违纪，取消其积分资格，不计总分、不参与排名（第九条）");
        assertThat(Wording.failGrade(GRADING)).isEqualTo("因一票否决，等次直接评定为“不合格”，不享受任何激励");
    }

    @Test
    void exclusiveGroupsAndFreeAllowancesSayWhatTheySetAside() {
        ExclusiveGroup group = new ExclusiveGroup("AWARD", "同一事项不同级别表彰", "第五条");
        ExclusiveGroup uncited = new ExclusiveGroup("AWARD", "同一事项不同级别表彰", " ");

        assertThat(Wording.groupDiscard(group, new Entry(STUDY, MAY_4, BigDecimal.ONE, null, "A1", 1)))
                .isEqualTo("同一事项“A1”在“同一事项不同级别表彰”中只按最高的一项计分，本条不再计分（第五条）");
        assertThat(Wording.groupDiscard(uncited, new Entry(STUDY, MAY_4, BigDecimal.ONE, null, null, 1)))
                .isEqualTo("同一事项在“同一事项不同级别表彰”中只按最高的一项计分，本条不再计分");
        assertThat(Wording.allowance(MEETING, BigDecimal.ONE, Span.year(2025)))
                .isEqualTo("参加会议：全年前2次不计分，本条有1次在免计范围内（第三条）");
        assertThat(Wording.allowance(MEETING, new BigDecimal("2"), Span.quarter(2025, 2)))
                .isEqualTo("参加会议：2025年第2季度前2次不计分，本条有2次在免计范围内（第三条）");
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(textBlock = """
            MONTH,   2025-05-04, 每月累计不超过5分，5月已达上限
            QUARTER, 2025-03-31, 每季度累计不超过5分，第一季度已达上限
            QUARTER, 2025-04-01, 每季度累计不超过5分，第二季度已达上限
            QUARTER, 2025-09-30, 每季度累计不超过5分，第三季度已达上限
            QUARTER, 2025-12-31, 每季度累计不超过5分，第四季度已达上限
            HALF,    2025-06-30, 每半年累计不超过5分，上半年已达上限
            HALF,    2025-07-01, 每半年累计不超过5分，下半年已达上限
            YEAR,    2025-07-01, 每年累计不超过5分，全年已达上限
            """)
    void aCapNamesTheWindowThatIsFull(Window window, LocalDate date, String middle) {
        Item capped = new Item("MEETING", "参加会议", ItemKind.PER_UNIT, Pool.SECTION, "ACT", BigDecimal.ONE, null, null, null,
                new Cap(new BigDecimal("5"), window), null, null, null, null, null, null, null, null, null);

        assertThat(Wording.itemCap(capped, date)).isEqualTo("参加会议：" + middle + "，本条只计未超出的部分");
    }

    @Test
    void sectionsSayTheirSumAndWhereTheMaximumCutIt() {
        Section uncapped = new Section("ACT", "参加活动", SectionMode.ACCRUE, null, null, null, null, null, null);

        assertThat(Wording.accrue(ACT, new BigDecimal("12"), BigDecimal.TEN)).isEqualTo("参加活动：各项合计12分，超过最高10分，按10分计（第二条）");
        assertThat(Wording.accrue(ACT, BigDecimal.TEN, BigDecimal.TEN)).isEqualTo("参加活动：各项合计10分（最高10分）");
        assertThat(Wording.accrue(uncapped, new BigDecimal("12"), new BigDecimal("12"))).isEqualTo("参加活动：各项合计12分");
        assertThat(Wording.criteriaTotal(ACT, new BigDecimal("12"), BigDecimal.TEN)).isEqualTo("参加活动：各项合计12分（满分10分），按10分计");
        assertThat(Wording.criteriaTotal(ACT, new BigDecimal("8.0"), new BigDecimal("8"))).isEqualTo("参加活动：各项合计8分（满分10分）");
        assertThat(Wording.criteriaTotal(uncapped, new BigDecimal("3"), new BigDecimal("3"))).isEqualTo("参加活动：各项合计3分");
    }

    @Test
    void aSectionDeductionNamesItsItemsAndTheirClauses() {
        Item late = item("LATE", "迟到", ItemKind.PER_UNIT, Pool.DEDUCTION, "ACT", BigDecimal.ONE.negate(), null, "第七条");
        Item early = item("EARLY", "早退", ItemKind.PER_UNIT, Pool.DEDUCTION, "ACT", BigDecimal.ONE.negate(), null, null);
        Item absent = item("ABSENT", "缺席", ItemKind.PER_UNIT, Pool.DEDUCTION, "ACT", BigDecimal.ONE.negate(), null, " ");
        Item noisy = item("NOISY", "喧哗", ItemKind.PER_UNIT, Pool.DEDUCTION, "ACT", BigDecimal.ONE.negate(), null, "第八条");

        assertThat(Wording.sectionDeduction(ACT, new BigDecimal("-3"), List.of(late, early, absent, noisy)))
                .isEqualTo("参加活动：扣分-3分（迟到、早退、缺席、喧哗）计入本板块，扣光为止（第七条；第八条）");
        assertThat(Wording.sectionDeduction(ACT, new BigDecimal("-1"), List.of(early, absent)))
                .isEqualTo("参加活动：扣分-1分（早退、缺席）计入本板块，扣光为止");
        assertThat(Wording.sectionDeduction(ACT, new BigDecimal("-1"), null)).isEqualTo("参加活动：扣分-1分计入本板块，扣光为止");
    }

    @Test
    void criteriaSayHowEachWasDecided() {
        Item uncited = new Item("LEARN", "学习情况", ItemKind.CRITERION, Pool.SECTION, "CRIT", null, null, new BigDecimal("5"),
                null, null, null, null, null, null, null, null, null, "", null);

        assertThat(Wording.criterionForfeited(CRITERION)).isEqualTo("学习情况：因不得分事项，该项不得分（第四条）");
        assertThat(Wording.criterionForfeited(uncited)).isEqualTo("学习情况：因不得分事项，该项不得分");
        assertThat(Wording.criterionThreshold(SCHEME, CRITERION, new BigDecimal("12")))
                .isEqualTo("学习情况：组织生活12次，达到不少于10次的要求，得满分5分（第四条）");
        assertThat(Wording.criterionAssessed(CRITERION, new BigDecimal("3.50"))).isEqualTo("学习情况：评定3.5分（满分5分）（第四条）");
        assertThat(Wording.criterionDefault(CRITERION, CriteriaDefault.FULL)).isEqualTo("学习情况：未扣减，按满分5分计（第四条）");
        assertThat(Wording.criterionDefault(CRITERION, CriteriaDefault.ZERO)).isEqualTo("学习情况：未评定，计0分（满分5分）（第四条）");
    }

    @Test
    void levelsAndVotesSayWhatWasAssessed() {
        Section levelSection = new Section("POST", "岗位评定", SectionMode.LEVEL, BigDecimal.TEN, null, null, null, null, null);
        Level excellent = new Level("A", "优秀", BigDecimal.TEN);
        Item levelItem = new Item("POST_LEVEL", "年度考核", ItemKind.LEVEL, Pool.SECTION, "POST", null, null, null,
                List.of(excellent), null, null, null, null, null, null, null, null, "第六条", null);
        Section vote = new Section("VOTE", "民主测评", SectionMode.APPRAISAL, new BigDecimal("20"), null, null, List.of(
                new VoteLevel("GOOD", "好", BigDecimal.ONE), new VoteLevel("FAIR", "较好", new BigDecimal("0.8")),
                new VoteLevel("SO", "一般", new BigDecimal("0.60"))), "第十条", null);

        assertThat(Wording.level(levelSection, levelItem, null)).isEqualTo("岗位评定：未评定，计0分");
        assertThat(Wording.level(levelSection, levelItem, new Assessment(levelItem, null, excellent, 1)))
                .isEqualTo("岗位评定：年度考核“优秀”，记10分（第六条）");
        assertThat(Wording.notAppraised(vote)).isEqualTo("民主测评：未评议（没有测评票），计0分");
        assertThat(Wording.votes(vote, new Votes("VOTE", List.of(10L, 5L, 1L)), new BigDecimal("91.254")))
                .isEqualTo("民主测评：“好”10票、“较好”5票、“一般”1票，测评得分 = (10×1 + 5×0.8 + 1×0.6) ÷ 16 × 100 = 91.25，按20%计入（第十条）");
    }

    @Test
    void anAttainmentSectionShowsItsTargetAndFormula() {
        Section perMonth = new Section("TASK", "完成任务", SectionMode.ATTAINMENT, new BigDecimal("30"), null,
                new Attainment(new BigDecimal("2"), null), null, "第十一条", null);
        Section perItem = new Section("TASK", "完成任务", SectionMode.ATTAINMENT, new BigDecimal("30"), null,
                new Attainment(null, "STUDY"), null, null, null);

        assertThat(Wording.attainment(SCHEME, perMonth, Span.quarter(2025, 2), new BigDecimal("4"), new BigDecimal("6")))
                .isEqualTo("完成任务：完成4，目标每月2分 × 3个月 = 6分，按 30 × 4 ÷ 6 计分（先乘后除，最高30分）（第十一条）");
        assertThat(Wording.attainment(SCHEME, perItem, Span.year(2025), new BigDecimal("4"), new BigDecimal("6")))
                .isEqualTo("完成任务：完成4，目标学习心得6篇，按 30 × 4 ÷ 6 计分（先乘后除，最高30分）");
        assertThat(Wording.attainment(SCHEME, perMonth, Span.year(2025), BigDecimal.ZERO, BigDecimal.ZERO))
                .isEqualTo("完成任务：满分目标为0，得满分30分（第十一条）");
    }

    @Test
    void theTotalSaysHowItIsMadeUp() {
        assertThat(Wording.bonusCap(SCHEME)).isEqualTo("奖励加分最高10分（第五条）");
        assertThat(Wording.sum(SCHEME, new BigDecimal("80"), new BigDecimal("5"), new BigDecimal("-2")))
                .isEqualTo("总分 = 各板块合计80分 + 奖励加分5分 + 扣分-2分");
        assertThat(Wording.floor(BigDecimal.ZERO)).isEqualTo("总分最低为0分");
        assertThat(Wording.rounded()).isEqualTo("总分四舍五入保留两位小数");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            优秀,   95,   95分，90分以上为“优秀”（第十二条）
            良好,   75.5, 75.5分，高于70分、低于90分为“良好”（第十二条）
            合格,   70,   70分，60分以上、70分以下为“合格”（第十二条）
            不合格, 12,   12分，低于60分为“不合格”（第十二条）
            """)
    void aGradeBandIsWordedAsTheStatuteWordsIt(String grade, BigDecimal total, String sentence) {
        GradeBand band = GRADING.bands().stream().filter(b -> b.grade().equals(grade)).findFirst().orElseThrow();

        assertThat(Wording.band(GRADING, band, total)).isEqualTo(sentence);
    }

    @Test
    void aSingleOpenBandCoversEveryScoreAndSomeTypesAreNotGraded() {
        GradeBand all = new GradeBand("合格", null, false);

        assertThat(Wording.bandText(List.of(all), all)).isEqualTo("所有分数");
        assertThat(Wording.notGraded(MemberType.PROBATIONARY, GRADING)).isEqualTo("预备党员纳入积分管理、参与排名，但不参与评定等次（第十二条）");
    }

    @Test
    void flagsAndRanksSayTheThresholdReached() {
        FlagRule award = new FlagRule("AWARD", "可参加评先评优", new BigDecimal("50"), null, false, false, null);
        FlagRule top = new FlagRule("TOP", "年度积分前三", null, 3, false, true, "第十五条");
        Member inUnit = new Member("M", "甲", "第一支部", MemberType.FORMAL, null, null);
        Member noUnit = new Member("M", "甲", null, MemberType.FORMAL, null, null);

        assertThat(Wording.scoreFlag(award, new BigDecimal("62.50"))).isEqualTo("62.5分，达到50分：可参加评先评优");
        assertThat(Wording.rankFlag(top, 2)).isEqualTo("排名第2，在前3名之内：年度积分前三（第十五条）");
        assertThat(Wording.rank(RankScope.UNIT, inUnit, 12, 3, 2)).isEqualTo("在“第一支部”参与排名的12人中排第3名（2人同分并列，其后名次顺延）");
        assertThat(Wording.rank(RankScope.UNIT, inUnit, 12, 1, 1)).isEqualTo("在“第一支部”参与排名的12人中排第1名");
        assertThat(Wording.rank(RankScope.ALL, inUnit, 30, 4, 1)).isEqualTo("在全体参与排名的30人中排第4名");
        assertThat(Wording.rank(RankScope.UNIT, noUnit, 30, 4, 1)).isEqualTo("在全体参与排名的30人中排第4名");
    }

    @Test
    void starsShowTheirQuotasAndAwards() {
        List<StarQuota> quotas = List.of(new StarQuota(5, new BigDecimal("10")), new StarQuota(4, new BigDecimal("20")));

        assertThat(Wording.starQuotas(quotas, 25, new int[] {3, 5}))
                .isEqualTo("评星人数25人（未评星党员也计入）：五星级10% × 25 = 2.5，四舍五入为3名；四星级20% × 25 = 5，四舍五入为5名");
        assertThat(Wording.starAwarded(quotas.get(1), 3, true))
                .isEqualTo("在具备资格的党员中按总分排第3位，评为四星级党员（与名额内最后一名同分，一并评定，名额顺延）");
        assertThat(Wording.starAwarded(quotas.get(0), 1, false)).isEqualTo("在具备资格的党员中按总分排第1位，评为五星级党员");
    }

    @Test
    void warningsSayTheBandOrTheMissingAttendanceAndWhatFollows() {
        WarningRule twoCycles = new WarningRule("TWICE", "连续预警", null, new BigDecimal("60"), null, 2, null, true,
                "由支部谈话提醒", "第十三条");
        WarningRule yellow = new WarningRule("YELLOW", "黄色预警", new BigDecimal("50"), new BigDecimal("60"),
                Set.of(MemberType.PROBATIONARY), 1, null, false, null, null);
        WarningRule high = new WarningRule("HIGH", "高分提示", new BigDecimal("95"), null, null, 1, null, false, null, null);
        WarningRule attendance = new WarningRule("ATT", "组织生活预警", null, null, null, 1,
                new Attendance("ATTEND", Map.of(Category.LEADER, new BigDecimal("12"))), false, "约谈", "第十四条");

        assertThat(Wording.previousMissing(twoCycles)).isEqualTo("未提供上一周期的结果，无法判断“连续预警”");
        assertThat(Wording.consecutiveWarning(twoCycles, new BigDecimal("55"), new BigDecimal("58.5")))
                .isEqualTo("连续预警：上一周期55分、本周期58.5分，连续2个周期低于60分，由支部谈话提醒（第十三条）");
        assertThat(Wording.bandWarning(yellow, MemberType.PROBATIONARY, new BigDecimal("55")))
                .isEqualTo("黄色预警：预备党员总分55分，在50分以上、低于60分");
        assertThat(Wording.bandWarning(high, MemberType.FORMAL, new BigDecimal("96")))
                .isEqualTo("高分提示：总分96分，达到95分以上");
        assertThat(Wording.bandWarning(twoCycles, MemberType.FORMAL, new BigDecimal("40")))
                .isEqualTo("连续预警：总分40分，低于60分，由支部谈话提醒（第十三条）");
        assertThat(Wording.attendanceWarning(SCHEME, attendance, Category.LEADER, BigDecimal.TEN, new BigDecimal("12")))
                .isEqualTo("组织生活预警：组织生活10次，少于领导班子成员每年不少于12次的要求，约谈（第十四条）");
    }

    private static Item item(String code, String name, ItemKind kind, Pool pool, String section, BigDecimal points, String unit,
                             String clause) {
        return new Item(code, name, kind, pool, section, points, null, null, null, null, null, null, null, null, null, unit,
                null, clause, null);
    }
}
