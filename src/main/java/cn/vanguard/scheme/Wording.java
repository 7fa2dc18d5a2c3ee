package cn.vanguard.scheme;

import static cn.vanguard.scheme.Decimals.plain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/** The Chinese sentences of explanations (为什么是这个分), one per rule, each citing its source clause. */
final class Wording {

    private static final String[] CHINESE_DIGITS = {"零", "一", "二", "三", "四", "五"};

    private Wording() {
    }

    static String cite(String clause) {
        return clause == null || clause.isBlank() ? "" : "（" + clause + "）";
    }

    private static String date(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    static String notScored(Scheme scheme, Member member, String reason) {
        if (Reasons.OUT_OF_SCOPE.equals(reason)) {
            StringJoiner types = new StringJoiner("、");
            for (MemberType type : MemberType.values()) {
                if (scheme.scope().contains(type)) {
                    types.add(type.label());
                }
            }
            return member.type().label() + "不在本方案适用范围（适用于" + types + "），列入名单但不计分";
        }
        if (Boolean.TRUE.equals(member.exempt())) {
            return "经批准不参加积分管理（免于积分管理），列入名单但不计分";
        }
        return member.category().label() + "按本方案暂不实行积分制管理（免于积分管理），列入名单但不计分";
    }

    static String vetoEntry(Entry entry) {
        return date(entry.date()) + " 一票否决事项：" + entry.item().name() + cite(entry.item().clause());
    }

    static String forfeitEntry(Entry entry, Item criterion) {
        return date(entry.date()) + " " + entry.item().name() + "：“" + criterion.name() + "”该项不得分" + cite(entry.item().clause());
    }

    static String entry(Entry entry) {
        Item item = entry.item();
        String head = date(entry.date()) + " " + item.name() + "：";
        if (item.kind() == ItemKind.RANGE) {
            return head + "酌情" + signed(entry.points()) + "分（可在" + plain(item.min()) + "～" + plain(item.max()) + "分之间评定）"
                    + cite(item.clause());
        }
        if (item.pool() == Pool.NONE) {
            return head + plain(entry.quantity()) + item.unit() + "（只计次数，不计分）" + cite(item.clause());
        }
        return head + plain(entry.quantity()) + item.unit() + " × " + plain(item.points()) + "分 = "
                + plain(entry.rawPoints()) + "分" + cite(item.clause());
    }

    private static String signed(BigDecimal value) {
        return value.signum() > 0 ? "+" + plain(value) : plain(value);
    }

    static String groupDiscard(ExclusiveGroup group, Entry entry) {
        String occurrence = entry.occurrence() == null ? "" : "“" + entry.occurrence() + "”";
        return "同一事项" + occurrence + "在“" + group.name() + "”中只按最高的一项计分，本条不再计分" + cite(group.clause());
    }

    static String allowance(Item item, BigDecimal free, Span span) {
        return item.name() + "：" + (span.isWholeYear() ? "全年" : span.chineseLabel()) + "前" + plain(item.freeCount()) + item.unit() + "不计分，本条有" + plain(free) + item.unit()
                + "在免计范围内" + cite(item.clause());
    }

    static String itemCap(Item item, LocalDate date) {
        Cap cap = item.cap();
        return item.name() + "：" + cap.window().label() + "累计不超过" + plain(cap.points()) + "分，" + windowName(cap.window(), date)
                + "已达上限，本条只计未超出的部分" + cite(item.clause());
    }

    private static String windowName(Window window, LocalDate date) {
        return switch (window) {
            case MONTH -> date.getMonthValue() + "月";
            case QUARTER -> "第" + CHINESE_DIGITS[(date.getMonthValue() + 2) / 3] + "季度";
            case HALF -> date.getMonthValue() <= 6 ? "上半年" : "下半年";
            case YEAR -> "全年";
        };
    }

    static String sectionDeduction(Section section, BigDecimal deductions, Collection<Item> items) {
        StringJoiner names = new StringJoiner("、");
        StringJoiner clauses = new StringJoiner("；");
        if (items != null) {
            for (Item item : items) {
                names.add(item.name());
                if (item.clause() != null && !item.clause().isBlank()) {
                    clauses.add(item.clause());
                }
            }
        }
        String which = names.length() == 0 ? "" : "（" + names + "）";
        return section.name() + "：扣分" + plain(deductions) + "分" + which + "计入本板块，扣光为止" + cite(clauses.toString());
    }

    static String zeroSection(Item veto, Section section) {
        return "一票否决：" + veto.name() + "，扣除“" + section.name() + "”全部积分" + cite(veto.clause());
    }

    static String accrue(Section section, BigDecimal sum, BigDecimal value) {
        String head = section.name() + "：各项合计" + plain(sum) + "分";
        if (section.max() == null) {
            return head;
        }
        if (sum.compareTo(section.max()) > 0) {
            return head + "，超过最高" + plain(section.max()) + "分，按" + plain(value) + "分计" + cite(section.clause());
        }
        return head + "（最高" + plain(section.max()) + "分）";
    }

    static String criterionForfeited(Item criterion) {
        return criterion.name() + "：因不得分事项，该项不得分" + cite(criterion.clause());
    }

    static String criterionThreshold(Scheme scheme, Item criterion, BigDecimal quantity) {
        Threshold threshold = criterion.threshold();
        Item counted = scheme.item(threshold.item());
        return criterion.name() + "：" + counted.name() + plain(quantity) + counted.unit() + "，达到不少于" + plain(threshold.atLeast())
                + counted.unit() + "的要求，得满分" + plain(criterion.max()) + "分" + cite(criterion.clause());
    }

    static String criterionAssessed(Item criterion, BigDecimal value) {
        return criterion.name() + "：评定" + plain(value) + "分（满分" + plain(criterion.max()) + "分）" + cite(criterion.clause());
    }

    static String criterionDefault(Item criterion, CriteriaDefault fallback) {
        return fallback == CriteriaDefault.FULL
                ? criterion.name() + "：未扣减，按满分" + plain(criterion.max()) + "分计" + cite(criterion.clause())
                : criterion.name() + "：未评定，计0分（满分" + plain(criterion.max()) + "分）" + cite(criterion.clause());
    }

    static String criteriaTotal(Section section, BigDecimal sum, BigDecimal value) {
        String max = section.max() == null ? "" : "（满分" + plain(section.max()) + "分）";
        return section.name() + "：各项合计" + plain(sum) + "分" + max + (sum.compareTo(value) != 0 ? "，按" + plain(value) + "分计" : "");
    }

    static String level(Section section, Item item, Assessment assessment) {
        if (assessment == null) {
            return section.name() + "：未评定，计0分";
        }
        return section.name() + "：" + item.name() + "“" + assessment.level().label() + "”，记" + plain(assessment.points()) + "分"
                + cite(item.clause());
    }

    static String notAppraised(Section section) {
        return section.name() + "：未评议（没有测评票），计0分";
    }

    static String votes(Section section, Votes votes, BigDecimal raw) {
        StringJoiner counts = new StringJoiner("、");
        StringJoiner formula = new StringJoiner(" + ");
        for (int i = 0; i < section.votes().size(); i++) {
            VoteLevel level = section.votes().get(i);
            counts.add("“" + level.label() + "”" + votes.counts().get(i) + "票");
            formula.add(votes.counts().get(i) + "×" + plain(level.weight()));
        }
        return section.name() + "：" + counts + "，测评得分 = (" + formula + ") ÷ " + votes.total() + " × 100 = "
                + plain(Decimals.round(raw)) + "，按" + plain(section.max()) + "%计入" + cite(section.clause());
    }

    static String attainment(Scheme scheme, Section section, Span span, BigDecimal earned, BigDecimal target) {
        Attainment attainment = section.attainment();
        String targetText = attainment.perMonth() != null
                ? "每月" + plain(attainment.perMonth()) + "分 × " + span.months() + "个月 = " + plain(target) + "分"
                : scheme.item(attainment.expectedItem()).name() + plain(target) + scheme.item(attainment.expectedItem()).unit();
        if (target.signum() <= 0) {
            return section.name() + "：满分目标为0，得满分" + plain(section.max()) + "分" + cite(section.clause());
        }
        return section.name() + "：完成" + plain(earned) + "，目标" + targetText + "，按 " + plain(section.max()) + " × "
                + plain(earned) + " ÷ " + plain(target) + " 计分（先乘后除，最高" + plain(section.max()) + "分）" + cite(section.clause());
    }

    static String bonusCap(Scheme scheme) {
        return scheme.bonusName() + "最高" + plain(scheme.bonusCap()) + "分" + cite(scheme.bonusClause());
    }

    static String sum(Scheme scheme, BigDecimal sections, BigDecimal bonus, BigDecimal deductions) {
        return "总分 = 各板块合计" + plain(sections) + "分 + " + scheme.bonusName() + plain(bonus) + "分 + 扣分"
                + plain(deductions) + "分";
    }

    static String floor(BigDecimal floor) {
        return "总分最低为" + plain(floor) + "分";
    }

    static String zeroTotal(Item veto) {
        return "一票否决：" + veto.name() + "，年度积分为0" + cite(veto.clause());
    }

    static String fail(Scheme scheme, Item veto) {
        return "一票否决：" + veto.name() + "，直接评定为“" + scheme.grading().failing() + "”" + cite(veto.clause());
    }

    static String disqualify(Item veto) {
        return "一票否决：" + veto.name() + "，取消其积分资格，不计总分、不参与排名" + cite(veto.clause());
    }

    static String rounded() {
        return "总分四舍五入保留两位小数";
    }

    static String failGrade(Grading grading) {
        return "因一票否决，等次直接评定为“" + grading.failing() + "”，不享受任何激励";
    }

    static String notGraded(MemberType type, Grading grading) {
        return type.label() + "纳入积分管理、参与排名，但不参与评定等次" + cite(grading.clause());
    }

    static String band(Grading grading, GradeBand band, BigDecimal total) {
        return plain(total) + "分，" + bandText(grading.bands(), band) + "为“" + band.grade() + "”" + cite(grading.clause());
    }

    /** "90分以上", "高于70分、低于108分", "70分以下": the statutory wording of a band (民法典 第1259条). */
    static String bandText(List<GradeBand> bands, GradeBand band) {
        int i = bands.indexOf(band);
        String lower = band.bound() == null ? null
                : band.exclusive() ? "高于" + plain(band.bound()) + "分" : plain(band.bound()) + "分以上";
        GradeBand above = i > 0 ? bands.get(i - 1) : null;
        String upper = above == null ? null
                : above.exclusive() ? plain(above.bound()) + "分以下" : "低于" + plain(above.bound()) + "分";
        if (lower == null && upper == null) {
            return "所有分数";
        }
        if (lower == null) {
            return upper;
        }
        return upper == null ? lower : lower + "、" + upper;
    }

    static String scoreFlag(FlagRule flag, BigDecimal total) {
        return plain(total) + "分，达到" + plain(flag.atLeast()) + "分：" + flag.label()
                + cite(flag.clause());
    }

    static String rankFlag(FlagRule flag, int rank) {
        return "排名第" + rank + "，在前" + flag.rankAtMost() + "名之内：" + flag.label() + cite(flag.clause());
    }

    static String monthlyFlag(FlagRule flag, Span month, Tally monthTally) {
        String when = month == null ? "本月" : month.chineseLabel();
        if (flag.atLeast() != null) {
            return when + "积分" + plain(monthTally.total) + "分，达到" + plain(flag.atLeast()) + "分：" + flag.label() + cite(flag.clause());
        }
        return when + "排名第" + monthTally.rank + "，在前" + flag.rankAtMost() + "名之内：" + flag.label() + cite(flag.clause());
    }

    static String rank(RankScope scope, Member member, int population, int rank, long sharing) {
        String where = scope == RankScope.ALL || member.unit().isEmpty() ? "全体" : "“" + member.unit() + "”";
        return "在" + where + "参与排名的" + population + "人中排第" + rank + "名"
                + (sharing > 1 ? "（" + sharing + "人同分并列，其后名次顺延）" : "");
    }

    static String starQuotas(List<StarQuota> quotas, int population, int[] counts) {
        StringJoiner joiner = new StringJoiner("；");
        for (int q = 0; q < quotas.size(); q++) {
            StarQuota quota = quotas.get(q);
            joiner.add(CHINESE_DIGITS[quota.stars()] + "星级" + plain(quota.percent()) + "% × " + population + " = "
                    + plain(quota.percent().multiply(BigDecimal.valueOf(population)).divide(Decimals.HUNDRED)) + "，四舍五入为" + counts[q] + "名");
        }
        return "评星人数" + population + "人（未评星党员也计入）：" + joiner;
    }

    static String starEligibility(Scheme scheme, StarRule rule, Tally tally, boolean eligible) {
        if (tally.fail) {
            return "受一票否决，不具备评星资格";
        }
        String section = rule.minSectionCode() == null ? null : scheme.section(rule.minSectionCode()).name();
        BigDecimal sectionValue = section == null ? null
                : Decimals.round(tally.sections[scheme.sectionIndexOf(rule.minSectionCode())]);
        if (tally.total.compareTo(rule.minTotal()) < 0) {
            return "总分" + plain(tally.total) + "分低于" + plain(rule.minTotal()) + "分，不具备评星资格" + cite(rule.clause());
        }
        if (!eligible) {
            return section + plain(sectionValue) + "分低于" + plain(rule.minSection()) + "分，取消评星资格" + cite(rule.clause());
        }
        return "总分" + plain(tally.total) + "分不低于" + plain(rule.minTotal()) + "分"
                + (section == null ? "" : "，" + section + plain(sectionValue) + "分不低于" + plain(rule.minSection()) + "分")
                + "，具备评星资格" + cite(rule.clause());
    }

    static String starAwarded(StarQuota quota, int position, boolean tie) {
        return "在具备资格的党员中按总分排第" + position + "位，评为" + CHINESE_DIGITS[quota.stars()] + "星级党员"
                + (tie ? "（与名额内最后一名同分，一并评定，名额顺延）" : "");
    }

    static String attendanceWarning(Scheme scheme, WarningRule rule, Category category, BigDecimal attended, BigDecimal required) {
        Item item = scheme.item(rule.attendance().item());
        return rule.label() + "：" + item.name() + plain(attended) + item.unit() + "，少于" + category.label() + "每年不少于"
                + plain(required) + item.unit() + "的要求" + action(rule) + cite(rule.clause());
    }

    static String previousMissing(WarningRule rule) {
        return "未提供上一周期的结果，无法判断“" + rule.label() + "”";
    }

    static String consecutiveWarning(WarningRule rule, BigDecimal previous, BigDecimal total) {
        return rule.label() + "：上一周期" + plain(previous) + "分、本周期" + plain(total) + "分，连续" + rule.cycles() + "个周期"
                + warningBand(rule) + action(rule) + cite(rule.clause());
    }

    static String bandWarning(WarningRule rule, MemberType type, BigDecimal total) {
        String who = rule.memberTypes().isEmpty() ? "" : type.label();
        return rule.label() + "：" + who + "总分" + plain(total) + "分，" + warningBand(rule) + action(rule) + cite(rule.clause());
    }

    private static String warningBand(WarningRule rule) {
        if (rule.atLeast() != null && rule.below() != null) {
            return "在" + plain(rule.atLeast()) + "分以上、低于" + plain(rule.below()) + "分";
        }
        return rule.below() != null ? "低于" + plain(rule.below()) + "分" : "达到" + plain(rule.atLeast()) + "分以上";
    }

    private static String action(WarningRule rule) {
        return rule.action() == null ? "" : "，" + rule.action();
    }
}
