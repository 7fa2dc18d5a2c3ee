package cn.vanguard.web;

import static cn.vanguard.scheme.Decimals.plain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import cn.vanguard.scheme.Attainment;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.CriteriaDefault;
import cn.vanguard.scheme.Evidence;
import cn.vanguard.scheme.ExclusiveGroup;
import cn.vanguard.scheme.FlagRule;
import cn.vanguard.scheme.Grading;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.ItemKind;
import cn.vanguard.scheme.Level;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.scheme.Period;
import cn.vanguard.scheme.Pool;
import cn.vanguard.scheme.Publicity;
import cn.vanguard.scheme.RankScope;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.Section;
import cn.vanguard.scheme.SectionMode;
import cn.vanguard.scheme.StarQuota;
import cn.vanguard.scheme.StarRule;
import cn.vanguard.scheme.VetoEffect;
import cn.vanguard.scheme.VoteLevel;
import cn.vanguard.scheme.WarningRule;

/**
 * A scheme written out in Chinese for the people who work under it: every section, item, cap, veto, grade band, star
 * quota and warning as a sentence, with the clause it comes from, and every interpretation kept apart so the page can
 * mark it as 解读.
 */
final class SchemeReading {

    private static final String[] CHINESE_DIGITS = {"零", "一", "二", "三", "四", "五"};

    private final Scheme scheme;

    private SchemeReading(Scheme scheme) {
        this.scheme = scheme;
    }

    /** A fact of the scheme as a whole: 考评周期, 公示, 适用范围… */
    record Fact(String label, String text) {
    }

    /** An item: what it gives ({@code points}) and the rules that limit it. */
    record ItemView(String code, String name, String points, List<String> rules, String clause, String interpretation) {
    }

    record SectionView(String code, String name, String mode, List<String> rules, String clause, String interpretation,
                       List<ItemView> items) {
    }

    record BonusView(String name, String cap, String clause, List<ItemView> items) {
    }

    record GroupView(String name, String rule, List<String> items, String clause) {
    }

    record BandView(String grade, String range, boolean failing) {
    }

    record GradingView(List<BandView> bands, List<String> rules, String clause) {
    }

    /** A flag or a warning: its label, when it applies and what follows. */
    record RuleView(String label, String condition, List<String> notes, String clause) {
    }

    record StarsView(List<String> rules, List<String> unitQuotas, String clause) {
    }

    record View(String name, String description, String source, List<Fact> facts, List<String> interpretations,
                List<String> remarks, List<SectionView> sections, BonusView bonus, List<ItemView> deductions,
                List<ItemView> vetoes, List<ItemView> forfeits, List<ItemView> counters, List<GroupView> groups,
                GradingView grading, List<RuleView> flags, StarsView stars, List<RuleView> warnings) {

        /** How many interpretations the scheme makes, at its head and on its elements. */
        public int interpretationCount() {
            int count = interpretations.size();
            for (SectionView section : sections) {
                count += section.interpretation() == null ? 0 : 1;
                count += (int) section.items().stream().filter(i -> i.interpretation() != null).count();
            }
            List<List<ItemView>> outside = new ArrayList<>(List.of(deductions, vetoes, forfeits, counters));
            if (bonus != null) {
                outside.add(bonus.items());
            }
            for (List<ItemView> items : outside) {
                count += (int) items.stream().filter(i -> i.interpretation() != null).count();
            }
            return count;
        }
    }

    /** The rule document a scheme follows, by its title (《…》): its file name means nothing to a reader. */
    static String documentTitle(Scheme scheme) {
        return scheme.source() == null || scheme.source().heading() == null || scheme.source().heading().isBlank() ? null
                : "《" + scheme.source().heading().strip() + "》";
    }

    static View of(Scheme scheme) {
        return new SchemeReading(scheme).view();
    }

    private View view() {
        String source = documentTitle(scheme);
        BonusView bonus = null;
        List<ItemView> bonusItems = items(Pool.BONUS, null);
        if (!bonusItems.isEmpty() || scheme.bonusCap() != null) {
            bonus = new BonusView(scheme.bonusName(),
                    scheme.bonusCap() == null ? "不设上限" : "合计最高" + plain(scheme.bonusCap()) + "分",
                    blankToNull(scheme.bonusClause()), bonusItems);
        }
        List<ItemView> deductions = scheme.items().stream().filter(i -> i.pool() == Pool.DEDUCTION).map(this::item).toList();
        List<ItemView> vetoes = byKind(ItemKind.VETO);
        List<ItemView> forfeits = byKind(ItemKind.FORFEIT);
        List<ItemView> counters = scheme.items().stream()
                .filter(i -> i.pool() == Pool.NONE && i.kind() == ItemKind.PER_UNIT).map(this::item).toList();
        return new View(scheme.name(), blankToNull(scheme.description()), source, facts(),
                texts(scheme.interpretations()), texts(scheme.remarks()),
                scheme.sections().stream().map(this::section).toList(), bonus, deductions, vetoes, forfeits, counters,
                scheme.groups().stream().map(this::group).toList(), grading(), scheme.flags().stream().map(this::flag).toList(),
                stars(), scheme.warnings().stream().map(this::warning).toList());
    }

    private List<Fact> facts() {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("考评周期", period(scheme.evaluation())));
        facts.add(new Fact("结果公示", publicity(scheme.publicity())));
        facts.add(new Fact("适用范围", labels(scheme.scope()) + "纳入积分管理"));
        facts.add(new Fact("默认不参加积分管理", scheme.exemptCategories().isEmpty() ? "无"
                : Arrays.stream(Category.values()).filter(scheme.exemptCategories()::contains).map(Category::label)
                .collect(Collectors.joining("、")) + "（个人另有规定的除外）"));
        if (scheme.sections().stream().anyMatch(s -> s.mode() == SectionMode.CRITERIA)) {
            facts.add(new Fact("评定项默认值", criteriaDefault(scheme.criteriaDefault())));
        }
        facts.add(new Fact("总分下限", scheme.totalFloor() == null ? "不设下限，总分可以为负数" : "总分最低为" + plain(scheme.totalFloor()) + "分"));
        facts.add(new Fact("排名范围", scheme.ranking() == RankScope.ALL ? "全体纳入积分管理的党员一起排名" : "各组织（党支部）分别排名"));
        return facts;
    }

    static String period(Period period) {
        return switch (period) {
            case YEAR -> "按年度考评，每一自然年为一个考核周期";
            case HALF -> "每半年考评一次，年度结果按全年记录计算";
            case QUARTER -> "每季度考评一次，年度结果按全年记录计算";
            case MONTH -> "每月考评一次，年度结果按全年记录计算";
        };
    }

    static String publicity(Publicity publicity) {
        if (publicity == null) {
            return "方案未规定公示天数";
        }
        String days = publicity.workingDays() ? publicity.days() + "个工作日" : publicity.days() + "天";
        return (publicity.afterHigherReview() ? "上级审核通过后公示" : "支部书记签字确认后公示") + days;
    }

    private static String criteriaDefault(CriteriaDefault value) {
        return value == CriteriaDefault.FULL ? "未评定的评定项按满分计，只因扣分或评定而减少" : "未评定的评定项计0分，经评定才得分";
    }

    private SectionView section(Section section) {
        List<String> rules = new ArrayList<>();
        String max = section.max() == null ? null : plain(section.max());
        String mode = switch (section.mode()) {
            case ACCRUE -> {
                rules.add("从0分起逐项累加，" + (max == null ? "不设上限" : "最高" + max + "分"));
                yield "累计计分";
            }
            case CRITERIA -> {
                rules.add("各评定项分别评定后相加" + (max == null ? "" : "，满分" + max + "分"));
                if (section.criteriaDefault() != null) {
                    rules.add(criteriaDefault(section.criteriaDefault()));
                }
                yield "逐项评定";
            }
            case LEVEL -> {
                rules.add("按评定的等次计分" + (max == null ? "" : "，最高" + max + "分"));
                yield "按等次";
            }
            case APPRAISAL -> {
                if (section.isVoteAppraisal()) {
                    StringJoiner weights = new StringJoiner("、");
                    for (VoteLevel level : section.votes()) {
                        weights.add("“" + level.label() + "”权重" + plain(level.weight()));
                    }
                    rules.add("测评票：" + weights);
                    rules.add("测评得分 = Σ(各等次票数 × 权重) ÷ 总票数 × 100，按" + max + "%计入本板块（最高" + max + "分）");
                    rules.add("没有测评票的计0分（未评议）");
                } else {
                    rules.add("按民主评议的等次计分，最高" + max + "分");
                }
                yield "民主评议";
            }
            case ATTAINMENT -> {
                rules.add("得分 = " + max + " × min(1, 完成 ÷ 目标)，完成目标即得满分" + max + "分");
                rules.add(target(section.attainment()));
                yield "按完成比例";
            }
        };
        List<String> into = scheme.items().stream().filter(i -> i.pool() == Pool.DEDUCTION && section.code().equals(i.section()))
                .map(Item::name).toList();
        if (!into.isEmpty()) {
            rules.add("扣分项目中的" + into.size() + "项从本板块扣除，扣光为止");
        }
        for (Item item : scheme.items()) {
            for (VetoEffect effect : item.vetoEffects()) {
                if (effect.kind() == VetoEffect.Kind.ZERO_SECTION && section.code().equals(effect.section())) {
                    rules.add("一票否决“" + item.name() + "”时本板块积分清零");
                }
            }
        }
        List<ItemView> items = scheme.items().stream().filter(i -> i.pool() == Pool.SECTION && section.code().equals(i.section()))
                .map(this::item).toList();
        return new SectionView(section.code(), section.name(), mode, rules, blankToNull(section.clause()),
                blankToNull(section.interpretation()), items);
    }

    private String target(Attainment attainment) {
        if (attainment.perMonth() != null) {
            return "目标为每月" + plain(attainment.perMonth()) + "分 × 考评期的月数；目标为0时得满分";
        }
        Item expected = scheme.item(attainment.expectedItem());
        return "目标为“" + (expected == null ? attainment.expectedItem() : expected.name()) + "”的数量；目标为0时得满分";
    }

    private List<ItemView> items(Pool pool, String section) {
        return scheme.items().stream().filter(i -> i.pool() == pool && (section == null || section.equals(i.section())))
                .map(this::item).toList();
    }

    private List<ItemView> byKind(ItemKind kind) {
        return scheme.items().stream().filter(i -> i.kind() == kind).map(this::item).toList();
    }

    ItemView item(Item item) {
        List<String> rules = new ArrayList<>();
        boolean deduction = item.isDeduction();
        if (item.cap() != null) {
            rules.add(item.cap().window().label() + (deduction ? "最多扣" : "不超过") + plain(item.cap().points()) + "分");
        }
        if (item.freeCount() != null) {
            rules.add("考评期内前" + plain(item.freeCount()) + item.unit() + (deduction ? "不扣分" : "不计分"));
        }
        if (item.group() != null) {
            ExclusiveGroup group = scheme.group(item.group());
            rules.add("属于“" + (group == null ? item.group() : group.name()) + "”：同一事项按最高分计，不累计");
        }
        if (deduction) {
            Section into = item.section() == null ? null : scheme.section(item.section());
            rules.add(into == null ? "从总分中扣除" : "从“" + into.name() + "”中扣除，扣光为止");
        }
        if (item.evidence() != Evidence.NONE) {
            rules.add(item.evidence().label());
        }
        return new ItemView(item.code(), item.name(), points(item), rules, blankToNull(item.clause()), blankToNull(item.interpretation()));
    }

    private String points(Item item) {
        String per = "每" + item.unit();
        return switch (item.kind()) {
            case PER_UNIT -> {
                if (item.pool() == Pool.NONE) {
                    yield "只计" + item.unit() + "数，不计分";
                }
                yield item.points().signum() < 0 ? per + "扣" + plain(item.points().negate()) + "分" : per + "记" + plain(item.points()) + "分";
            }
            case RANGE -> item.max().signum() <= 0
                    ? per + "酌情扣" + plain(item.max().negate()) + "～" + plain(item.min().negate()) + "分"
                    : per + "酌情记" + plain(item.min()) + "～" + plain(item.max()) + "分";
            case CRITERION -> {
                String text = "满分" + plain(item.max()) + "分";
                if (item.threshold() != null) {
                    Item counted = scheme.item(item.threshold().item());
                    String name = counted == null ? item.threshold().item() : counted.name();
                    String unit = counted == null ? "次" : counted.unit();
                    text += "；“" + name + "”达到" + plain(item.threshold().atLeast()) + unit + "即得满分";
                }
                yield text;
            }
            case LEVEL -> {
                StringJoiner levels = new StringJoiner("、");
                for (Level level : item.levels()) {
                    levels.add("“" + level.label() + "”" + plain(level.points()) + "分");
                }
                yield "按等次计分：" + levels;
            }
            case VETO -> item.vetoEffects().stream().map(this::effect).collect(Collectors.joining("；"));
            case FORFEIT -> {
                Item criterion = scheme.item(item.forfeits());
                yield "“" + (criterion == null ? item.forfeits() : criterion.name()) + "”该项不得分";
            }
        };
    }

    String effect(VetoEffect effect) {
        return switch (effect.kind()) {
            case ZERO_SECTION -> {
                Section section = scheme.section(effect.section());
                yield "扣除“" + (section == null ? effect.section() : section.name()) + "”全部积分";
            }
            case ZERO_TOTAL -> "年度积分为0";
            case FAIL -> "直接评定为“" + (scheme.grading().failing() == null ? "不合格" : scheme.grading().failing()) + "”";
            case DISQUALIFY -> "取消积分资格，不计总分、不参与排名";
        };
    }

    private GroupView group(ExclusiveGroup group) {
        List<String> names = scheme.items().stream().filter(i -> group.code().equals(i.group())).map(Item::name).toList();
        return new GroupView(group.name(), "同一事项只按其中最高的一项计分，不累计", names, blankToNull(group.clause()));
    }

    private GradingView grading() {
        Grading grading = scheme.grading();
        List<BandView> bands = grading.bands().stream()
                .map(b -> new BandView(b.grade(), grading.wording(b), b.grade().equals(grading.failing()))).toList();
        List<String> rules = new ArrayList<>();
        if (grading.bands().isEmpty()) {
            rules.add("本方案不按总分评定等次");
        }
        if (grading.failing() != null && failVetoes()) {
            rules.add("受一票否决、直接评定的，等次为“" + grading.failing() + "”，不享受任何激励");
        }
        if (!grading.notGraded().isEmpty()) {
            rules.add(labels(grading.notGraded()) + "纳入积分管理、参与排名，但不评定等次");
        }
        return new GradingView(bands, rules, blankToNull(grading.clause()));
    }

    private RuleView flag(FlagRule flag) {
        String condition;
        if (flag.atLeast() != null) {
            condition = (flag.perMonth() ? "当月积分" : "总分") + "达到" + plain(flag.atLeast()) + "分以上";
        } else {
            String rank = flag.rankAtMost() == 1 ? "排名第一" : "排名前" + flag.rankAtMost() + "名";
            condition = (flag.perMonth() ? "当月" : "") + rank + "（总分须高于0分）";
        }
        List<String> notes = new ArrayList<>();
        if (flag.perMonth()) {
            notes.add("按每月的积分分别评定");
        }
        if (flag.yearOnly()) {
            notes.add("只按全年积分评定，不按季度等考评期评定");
        }
        if (failVetoes()) {
            notes.add("受一票否决、直接评定为“" + scheme.grading().failing() + "”的不予标记");
        }
        return new RuleView(flag.label(), condition, notes, blankToNull(flag.clause()));
    }

    /** Whether some veto decides the grade outright (直接评定为不合格). */
    private boolean failVetoes() {
        return scheme.items().stream().anyMatch(i -> i.vetoEffects().stream().anyMatch(e -> e.kind() == VetoEffect.Kind.FAIL));
    }

    private StarsView stars() {
        StarRule rule = scheme.stars();
        if (rule == null) {
            return null;
        }
        List<String> rules = new ArrayList<>();
        rules.add(rule.scope() == RankScope.ALL ? "全体参评党员一起评星" : "各组织（党支部）分别评星");
        String eligibility = "评星资格：总分不低于" + plain(rule.minTotal()) + "分";
        if (rule.minSectionCode() != null) {
            Section section = scheme.section(rule.minSectionCode());
            eligibility += "，且“" + (section == null ? rule.minSectionCode() : section.name()) + "”不低于" + plain(rule.minSection()) + "分";
        }
        rules.add(eligibility + "；受一票否决的不具备评星资格");
        rules.add("名额：" + quotas(rule.quotas()) + "（按参评党员人数计算、四舍五入，入党积极分子不计入；与名额内最后一名同分的一并评定）");
        List<String> units = new ArrayList<>();
        for (Map.Entry<String, List<StarQuota>> unit : rule.unitQuotas().entrySet()) {
            units.add(unit.getKey() + "单独评星：" + quotas(unit.getValue()));
        }
        return new StarsView(rules, units, blankToNull(rule.clause()));
    }

    private static String quotas(List<StarQuota> quotas) {
        return quotas.stream().map(q -> CHINESE_DIGITS[q.stars()] + "星级" + plain(q.percent()) + "%").collect(Collectors.joining("、"));
    }

    private RuleView warning(WarningRule rule) {
        String condition;
        if (rule.attendance() != null) {
            Item item = scheme.item(rule.attendance().item());
            String name = item == null ? rule.attendance().item() : item.name();
            String unit = item == null ? "次" : item.unit();
            StringJoiner required = new StringJoiner("、");
            for (Category category : Category.values()) {
                BigDecimal count = rule.attendance().required().get(category);
                if (count != null) {
                    required.add(category.label() + "少于" + plain(count) + unit);
                }
            }
            condition = "全年“" + name + "”" + required;
        } else {
            String who = rule.memberTypes().isEmpty() ? "" : labels(rule.memberTypes());
            String band;
            if (rule.atLeast() != null && rule.below() != null) {
                band = "在" + plain(rule.atLeast()) + "分以上、低于" + plain(rule.below()) + "分";
            } else if (rule.below() != null) {
                band = "低于" + plain(rule.below()) + "分";
            } else {
                band = "达到" + plain(rule.atLeast()) + "分以上";
            }
            condition = (rule.cycles() == 2 ? "连续两个周期" : rule.cycles() > 2 ? "连续" + rule.cycles() + "个周期" : "") + who + "总分" + band;
        }
        List<String> notes = new ArrayList<>();
        if (rule.yearOnly()) {
            notes.add("只按全年积分判断");
        }
        if (rule.action() != null && !rule.action().isBlank()) {
            notes.add("处理：" + rule.action());
        }
        return new RuleView(rule.label(), condition, notes, blankToNull(rule.clause()));
    }

    private static String labels(Set<MemberType> types) {
        return Arrays.stream(MemberType.values()).filter(types::contains).map(MemberType::label).collect(Collectors.joining("、"));
    }

    private static List<String> texts(List<String> texts) {
        return texts.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
    }

    private static String join(String separator, String... parts) {
        StringJoiner joiner = new StringJoiner(separator);
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                joiner.add(part.strip());
            }
        }
        return joiner.length() == 0 ? null : joiner.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
