package cn.vanguard.scheme.file;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import cn.vanguard.scheme.Attainment;
import cn.vanguard.scheme.Attendance;
import cn.vanguard.scheme.Cap;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.CriteriaDefault;
import cn.vanguard.scheme.Decimals;
import cn.vanguard.scheme.Evidence;
import cn.vanguard.scheme.ExclusiveGroup;
import cn.vanguard.scheme.FlagRule;
import cn.vanguard.scheme.GradeBand;
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
import cn.vanguard.scheme.Source;
import cn.vanguard.scheme.StarQuota;
import cn.vanguard.scheme.StarRule;
import cn.vanguard.scheme.Suggestions;
import cn.vanguard.scheme.Threshold;
import cn.vanguard.scheme.VetoEffect;
import cn.vanguard.scheme.VoteLevel;
import cn.vanguard.scheme.WarningRule;
import cn.vanguard.scheme.Window;
import cn.vanguard.scheme.file.Yaml.Mapping;
import cn.vanguard.scheme.file.Yaml.Value;

/**
 * Reads a scheme file (docs/scheme-format.md) into a {@link Scheme}, checking everything and reporting all problems
 * at once with their line and path. The structure mirrors the document: items sit under their section, the bonus
 * pool, the deductions, the vetoes, the forfeits or the counters, and their kind follows from where they sit and
 * which of points / range / max / levels they give.
 */
final class SchemeReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private static final Set<String> ROOT_KEYS = Set.of("id", "name", "description", "source", "evaluation", "publicity",
            "scope", "exemptCategories", "criteriaDefault", "totalFloor", "interpretations", "remarks", "sections", "bonus",
            "deductions", "vetoes", "forfeits", "counters", "groups", "grades", "flags", "ranking", "stars", "warnings");
    private static final Set<String> SECTION_KEYS = Set.of("code", "name", "mode", "max", "criteriaDefault", "target",
            "votes", "items", "clause", "interpretation");
    private static final Set<String> ITEM_KEYS = Set.of("code", "name", "kind", "points", "range", "max", "levels", "cap",
            "freeCount", "group", "threshold", "unit", "evidence", "clause", "interpretation");
    private static final Set<String> DEDUCTION_KEYS = union(ITEM_KEYS, "into");
    private static final Set<String> VETO_KEYS = Set.of("code", "name", "effects", "section", "evidence", "clause", "interpretation");
    private static final Set<String> FORFEIT_KEYS = Set.of("code", "name", "criterion", "evidence", "clause", "interpretation");
    private static final Set<String> COUNTER_KEYS = Set.of("code", "name", "unit", "clause", "interpretation");

    private final Problems problems;
    private final List<Item> items = new ArrayList<>();
    private final Map<String, String> itemPaths = new HashMap<>();
    private final Map<String, Value> itemValues = new HashMap<>();
    private final List<Runnable> referenceChecks = new ArrayList<>();
    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final Map<String, ExclusiveGroup> groups = new LinkedHashMap<>();
    private Grading grading;

    private SchemeReader(Problems problems) {
        this.problems = problems;
    }

    static Scheme read(Value root, Problems problems) {
        return new SchemeReader(problems).scheme(root);
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    private Scheme scheme(Value root) {
        Mapping m = root.mapping("the scheme", ROOT_KEYS);
        if (m == null) {
            return null;
        }
        String id = m.text("id");
        if (m.required("id", "a stable id such as city-direct-organs", "稳定的方案编号，如 city-direct-organs") != null
                && id != null && !ID.matcher(id).matches()) {
            m.get("id").problem("must be lower-case letters, digits and dashes (city-direct-organs), not \"" + id + "\"",
                    "应由小写字母、数字和连字符组成（如 city-direct-organs），不能是“" + id + "”");
        }
        m.required("name", "the Chinese name of the scheme", "方案的中文名称");
        String name = m.text("name");
        Source source = source(m.get("source"));
        Period evaluation = m.choice("evaluation", Period.class);
        Publicity publicity = publicity(m.get("publicity"));
        Set<MemberType> scope = enumSet(m.required("scope", "the member types the scheme scores, e.g. [FORMAL, PROBATIONARY]",
                "本方案适用的党员类型，如 [FORMAL, PROBATIONARY]"), MemberType.class);
        Set<Category> exempt = enumSet(m.get("exemptCategories"), Category.class);
        CriteriaDefault criteriaDefault = m.choice("criteriaDefault", CriteriaDefault.class);
        BigDecimal floor = totalFloor(m);

        groups(m.get("groups"));
        Value sectionList = m.required("sections", "at least one section", "至少一个积分板块");
        if (sectionList != null) {
            List<Value> values = sectionList.list();
            if (values.isEmpty()) {
                sectionList.problem("must list at least one section", "至少需要一个积分板块");
            }
            for (Value value : values) {
                section(value);
            }
        }
        Mapping bonus = m.get("bonus") == null ? null : m.get("bonus").mapping("the bonus pool", Set.of("name", "cap", "clause", "items"));
        BigDecimal bonusCap = null;
        if (bonus != null) {
            bonusCap = bonus.number("cap");
            if (bonusCap != null && bonusCap.signum() <= 0) {
                bonus.get("cap").problem("must be more than 0", "应大于0");
            }
            if (bonus.get("items") != null) {
                for (Value value : bonus.get("items").list()) {
                    pointItem(value, Pool.BONUS, null, ITEM_KEYS);
                }
            }
        }
        if (m.get("deductions") != null) {
            for (Value value : m.get("deductions").list()) {
                deduction(value);
            }
        }
        grading = grades(m.get("grades"));
        if (m.get("vetoes") != null) {
            for (Value value : m.get("vetoes").list()) {
                veto(value);
            }
        }
        if (m.get("forfeits") != null) {
            for (Value value : m.get("forfeits").list()) {
                forfeit(value);
            }
        }
        if (m.get("counters") != null) {
            for (Value value : m.get("counters").list()) {
                counter(value);
            }
        }
        List<FlagRule> flags = m.get("flags") == null ? List.of() : m.get("flags").listOf(this::flag);
        uniqueCodes(m.get("flags"), flags.stream().map(FlagRule::code).toList(), "flag");
        RankScope ranking = m.choice("ranking", RankScope.class);
        StarRule stars = stars(m.get("stars"));
        List<WarningRule> warnings = m.get("warnings") == null ? List.of() : m.get("warnings").listOf(this::warning);
        uniqueCodes(m.get("warnings"), warnings.stream().map(WarningRule::code).toList(), "warning");
        List<String> interpretations = texts(m.get("interpretations"));
        List<String> remarks = texts(m.get("remarks"));

        referenceChecks.forEach(Runnable::run);
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return new Scheme(id, name, m.text("description"), source, evaluation, publicity, scope, exempt, criteriaDefault,
                    List.copyOf(sections.values()), items, List.copyOf(groups.values()),
                    bonus == null ? null : bonus.text("name"), bonusCap, bonus == null ? null : bonus.text("clause"),
                    floor, grading, flags, ranking, stars, warnings, interpretations, remarks);
        } catch (IllegalArgumentException e) {
            root.problem("inconsistent scheme: " + e.getMessage(), "方案前后矛盾：" + e.getMessage());
            return null;
        }
    }

    private BigDecimal totalFloor(Mapping m) {
        Value value = m.values.get("totalFloor");
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value.isNull() || "none".equals(value.text())) {
            return null;
        }
        return value.number();
    }

    private Source source(Value value) {
        if (value == null) {
            return null;
        }
        Mapping m = value.mapping("the source", Set.of("file", "heading"));
        return m == null ? null : new Source(m.text("file"), m.text("heading"));
    }

    private Publicity publicity(Value value) {
        if (value == null) {
            return null;
        }
        Mapping m = value.mapping("publicity", Set.of("days", "workingDays", "after", "shows", "showRankToMembers", "top"));
        if (m == null) {
            return null;
        }
        Value daysValue = m.required("days", "how many days results are published", "公示天数");
        Integer days = daysValue == null ? null : daysValue.integer();
        if (days != null && days <= 0) {
            daysValue.problem("must be at least 1", "至少为1天");
            return null;
        }
        Boolean working = m.get("workingDays") == null ? Boolean.FALSE : m.get("workingDays").bool();
        String after = m.text("after");
        if (after != null && !after.equals("SIGN_OFF") && !after.equals("HIGHER_REVIEW")) {
            m.get("after").problem("must be one of SIGN_OFF, HIGHER_REVIEW", "应为 SIGN_OFF、HIGHER_REVIEW 之一");
            return null;
        }
        List<String> shows = new ArrayList<>();
        if (m.get("shows") != null) {
            for (Value element : m.get("shows").list()) {
                String field = element.text();
                if (field == null) {
                    continue;
                }
                if (!Publicity.FIELDS.contains(field)) {
                    element.problem("must be one of name, unit, total, rank, grade, stars, sections, vetoes",
                            "应为 name、unit、total、rank、grade、stars、sections、vetoes 之一");
                    return null;
                } else if (shows.contains(field)) {
                    element.problem("is listed twice", "重复列出");
                    return null;
                }
                shows.add(field);
            }
        }
        Boolean rankToMembers = m.get("showRankToMembers") == null ? Boolean.FALSE : m.get("showRankToMembers").bool();
        Integer top = m.get("top") == null ? null : m.get("top").integer();
        if (top != null && top < 1) {
            m.get("top").problem("must be at least 1", "至少为1");
            return null;
        }
        return days == null || working == null || rankToMembers == null ? null
                : new Publicity(days, working, "HIGHER_REVIEW".equals(after), shows, rankToMembers, top);
    }

    private <E extends Enum<E>> Set<E> enumSet(Value value, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        if (value != null) {
            for (Value element : value.list()) {
                E constant = element.choice(type);
                if (constant != null && !set.add(constant)) {
                    element.problem("is listed twice", "重复列出");
                }
            }
        }
        return set;
    }

    private static List<String> texts(Value value) {
        return value == null ? List.of() : value.listOf(Value::text);
    }

    private void groups(Value value) {
        if (value == null) {
            return;
        }
        for (Value element : value.list()) {
            Mapping m = element.mapping("a group", Set.of("code", "name", "mode", "clause"));
            if (m == null) {
                continue;
            }
            String code = code(m, "group");
            m.required("name", "the group's Chinese name", "组的中文名称");
            Value mode = m.get("mode");
            if (mode != null && !"HIGHEST".equals(mode.text())) {
                mode.problem("must be HIGHEST (the highest entry of an occurrence counts)", "应为 HIGHEST（同一事项按最高分计）");
            }
            if (code != null && m.text("name") != null) {
                if (groups.containsKey(code)) {
                    m.get("code").problem("duplicate group code " + code, "组编码" + code + "重复");
                } else {
                    groups.put(code, new ExclusiveGroup(code, m.text("name"), m.text("clause")));
                }
            }
        }
    }

    private String code(Mapping m, String what) {
        Value value = m.required("code", "a stable upper-case code such as ACT_MEETING", "稳定的大写编码，如 ACT_MEETING");
        String code = value == null ? null : value.text();
        if (code != null && !CODE.matcher(code).matches()) {
            value.problem("must be upper-case letters, digits and underscores starting with a letter (" + what + " code), not \"" + code + "\"",
                    "应由大写字母、数字和下划线组成并以字母开头，不能是“" + code + "”");
            return null;
        }
        return code;
    }

    private void section(Value value) {
        Mapping m = value.mapping("a section", SECTION_KEYS);
        if (m == null) {
            return;
        }
        String code = code(m, "section");
        m.required("name", "the section's Chinese name", "板块的中文名称");
        Value modeValue = m.required("mode", "one of ACCRUE, CRITERIA, LEVEL, APPRAISAL, ATTAINMENT",
                "ACCRUE、CRITERIA、LEVEL、APPRAISAL、ATTAINMENT 之一");
        SectionMode mode = modeValue == null ? null : modeValue.choice(SectionMode.class);
        BigDecimal max = m.number("max");
        if (max != null && max.signum() < 0) {
            m.get("max").problem("must be 0 or more", "不能小于0");
        }
        CriteriaDefault criteriaDefault = m.choice("criteriaDefault", CriteriaDefault.class);
        if (m.has("criteriaDefault") && mode != SectionMode.CRITERIA) {
            m.get("criteriaDefault").problem("only a CRITERIA section has a criteria default", "只有 CRITERIA 板块可以设置 criteriaDefault");
        }
        Attainment attainment = null;
        List<VoteLevel> votes = List.of();
        if (mode == SectionMode.ATTAINMENT) {
            attainment = attainment(m.required("target", "{perMonth: 15} or {item: CODE_OF_COUNTER}", "{perMonth: 15} 或 {item: 计数项目编码}"));
            if (max == null) {
                m.required("max", "the points of a fully attained section", "完成目标时的满分");
            }
        } else if (m.has("target")) {
            m.get("target").problem("only an ATTAINMENT section has a target", "只有 ATTAINMENT 板块可以设置 target");
        }
        if (mode == SectionMode.APPRAISAL && max == null) {
            m.required("max", "the points of the appraisal section", "评议板块的满分");
        }
        if (m.has("votes")) {
            if (mode != SectionMode.APPRAISAL) {
                m.get("votes").problem("only an APPRAISAL section has votes", "只有 APPRAISAL 板块可以设置 votes");
            } else {
                votes = voteLevels(m.get("votes"));
            }
        }
        if (code == null || mode == null || m.text("name") == null) {
            return;
        }
        if (sections.containsKey(code)) {
            m.get("code").problem("duplicate section code " + code, "板块编码" + code + "重复");
            return;
        }
        int before = items.size();
        Value itemList = m.get("items");
        List<Value> itemValues = itemList == null ? List.of() : itemList.list();
        for (Value item : itemValues) {
            switch (mode) {
                case ACCRUE, ATTAINMENT -> pointItem(item, Pool.SECTION, code, ITEM_KEYS);
                case CRITERIA -> criterion(item, code);
                case LEVEL, APPRAISAL -> levelItem(item, code);
            }
        }
        List<Item> own = items.subList(before, items.size());
        checkSectionItems(m, mode, max, votes, own, itemValues.size());
        sections.put(code, new Section(code, m.text("name"), mode, effectiveMax(mode, max, own), criteriaDefault,
                attainment, votes, m.text("clause"), m.text("interpretation")));
    }

    /** LEVEL sections without a max are capped by their highest level; CRITERIA sections by the sum of criteria. */
    private static BigDecimal effectiveMax(SectionMode mode, BigDecimal max, List<Item> own) {
        if (max != null || own.isEmpty()) {
            return max;
        }
        if (mode == SectionMode.LEVEL) {
            return own.get(0).maxValue();
        }
        if (mode == SectionMode.CRITERIA) {
            return own.stream().map(Item::max).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return null;
    }

    private void checkSectionItems(Mapping m, SectionMode mode, BigDecimal max, List<VoteLevel> votes, List<Item> own, int listed) {
        Value where = m.get("items") != null ? m.get("items") : m.self;
        switch (mode) {
            case CRITERIA -> {
                if (listed == 0) {
                    where.problem("a CRITERIA section needs its criteria (items with max)", "CRITERIA 板块需要列出各评定项（带 max 的项目）");
                }
                BigDecimal sum = own.stream().map(Item::max).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (max != null && own.size() == listed && sum.compareTo(max) != 0) {
                    m.get("max").problem("the criteria add up to " + sum.toPlainString() + ", not to the section max " + max.toPlainString(),
                            "各评定项满分合计" + sum.toPlainString() + "，与板块满分" + max.toPlainString() + "不一致");
                }
            }
            case LEVEL -> {
                if (listed != 1) {
                    where.problem("a LEVEL section has exactly one item with levels", "LEVEL 板块应恰好有一个带 levels 的项目");
                }
                checkLevelsWithinMax(m, max, own);
            }
            case APPRAISAL -> {
                if (votes.isEmpty() && listed != 1) {
                    where.problem("an APPRAISAL section has either votes or exactly one item with levels",
                            "APPRAISAL 板块应设置 votes，或恰好有一个带 levels 的项目");
                } else if (!votes.isEmpty() && listed > 0) {
                    where.problem("a vote APPRAISAL section has no items", "按投票计分的 APPRAISAL 板块不应有项目");
                }
                checkLevelsWithinMax(m, max, own);
            }
            case ACCRUE, ATTAINMENT -> {
                // items were checked one by one
            }
        }
    }

    private static void checkLevelsWithinMax(Mapping m, BigDecimal max, List<Item> own) {
        if (max != null && !own.isEmpty() && own.get(0).maxValue().compareTo(max) > 0) {
            m.get("max").problem("a level gives " + own.get(0).maxValue().toPlainString() + ", more than the section max " + max.toPlainString(),
                    "有等次得分" + own.get(0).maxValue().toPlainString() + "，超过板块满分" + max.toPlainString());
        }
    }

    private Attainment attainment(Value value) {
        if (value == null) {
            return null;
        }
        Mapping m = value.mapping("an attainment target", Set.of("perMonth", "item"));
        if (m == null) {
            return null;
        }
        if (m.has("perMonth") == m.has("item")) {
            value.problem("give either perMonth (points per month) or item (a counter whose quantity is the target)",
                    "应给出 perMonth（每月目标分）或 item（以其数量为目标的计数项目）之一");
            return null;
        }
        if (m.has("perMonth")) {
            BigDecimal perMonth = m.number("perMonth");
            if (perMonth != null && perMonth.signum() < 0) {
                m.get("perMonth").problem("must be 0 or more", "不能小于0");
                return null;
            }
            return perMonth == null ? null : new Attainment(perMonth, null);
        }
        String item = m.text("item");
        referenceChecks.add(() -> requireItem(m.get("item"), item, "the target item"));
        return item == null ? null : new Attainment(null, item);
    }

    private List<VoteLevel> voteLevels(Value value) {
        List<VoteLevel> levels = new ArrayList<>();
        for (Value element : value.list()) {
            Mapping m = element.mapping("a vote level", Set.of("code", "label", "weight"));
            if (m == null) {
                continue;
            }
            m.required("code", "the column name in votes files, e.g. good", "测评票文件中的列名，如 good");
            m.required("label", "the Chinese answer, e.g. 好", "中文等次，如 好");
            Value weightValue = m.required("weight", "the weight of the answer, e.g. 0.8", "该等次的权重，如 0.8");
            BigDecimal weight = weightValue == null ? null : weightValue.number();
            if (weight != null && (weight.signum() < 0 || weight.compareTo(BigDecimal.ONE) > 0)) {
                weightValue.problem("must be from 0 to 1", "应在0到1之间");
                weight = null;
            }
            if (m.text("code") != null && m.text("label") != null && weight != null) {
                levels.add(new VoteLevel(m.text("code"), m.text("label"), weight));
            }
        }
        if (levels.isEmpty() && !value.list().isEmpty()) {
            return List.of();
        }
        if (value.list().isEmpty()) {
            value.problem("must list the answers of the ballot", "应列出测评票的各个等次");
        }
        return levels;
    }

    /** A PER_UNIT or RANGE item of a section, the bonus pool or the deductions. */
    private void pointItem(Value value, Pool pool, String section, Set<String> keys) {
        Mapping m = value.mapping("an item", keys);
        if (m == null) {
            return;
        }
        String code = code(m, "item");
        m.required("name", "the item's Chinese name", "项目的中文名称");
        if (m.has("max") || m.has("levels") || m.has("threshold")) {
            String key = m.has("max") ? "max" : m.has("levels") ? "levels" : "threshold";
            m.get(key).problem("only criteria and level items have " + key + "; an item here earns points (give points or range)",
                    "只有评定项或等次项目才有 " + key + "；此处的项目应给出 points 或 range");
        }
        BigDecimal points = m.number("points");
        BigDecimal[] range = range(m);
        ItemKind kind;
        if (m.has("points") == m.has("range")) {
            m.self.problem("give either points (per unit) or range [min, max] (set entry by entry)",
                    "应给出 points（每次/每小时的分值）或 range [最低, 最高]（逐条酌情评定）之一");
            return;
        }
        kind = m.has("points") ? ItemKind.PER_UNIT : ItemKind.RANGE;
        checkKind(m, kind);
        checkSign(m, pool, kind, points, range);
        Cap cap = cap(m.get("cap"), kind);
        BigDecimal freeCount = freeCount(m, kind);
        String group = groupOf(m);
        String into = pool == Pool.DEDUCTION ? m.text("into") : null;
        if (into != null) {
            referenceChecks.add(() -> {
                if (!sections.containsKey(into)) {
                    unknownSection(m.get("into"), into);
                }
            });
        }
        if (code == null || m.text("name") == null || (kind == ItemKind.PER_UNIT ? points == null : range == null)) {
            return;
        }
        add(value, new Item(code, m.text("name"), kind, pool, pool == Pool.SECTION ? section : into,
                kind == ItemKind.PER_UNIT ? points : null, kind == ItemKind.RANGE ? range[0] : null,
                kind == ItemKind.RANGE ? range[1] : null, null, cap, freeCount, group, null, null, null,
                m.text("unit"), m.choice("evidence", Evidence.class), m.text("clause"), m.text("interpretation")));
    }

    private void deduction(Value value) {
        pointItem(value, Pool.DEDUCTION, null, DEDUCTION_KEYS);
    }

    private void checkKind(Mapping m, ItemKind kind) {
        ItemKind declared = m.choice("kind", ItemKind.class);
        if (declared != null && declared != kind) {
            m.get("kind").problem("says " + declared + " but the item is " + kind + " by what it gives",
                    "写的是 " + declared + "，但按所给内容该项目是 " + kind);
        }
    }

    private BigDecimal[] range(Mapping m) {
        Value value = m.get("range");
        if (value == null) {
            return null;
        }
        List<Value> bounds = value.list();
        if (bounds.size() != 2) {
            value.problem("must be [min, max]", "应为 [最低, 最高]");
            return null;
        }
        BigDecimal min = bounds.get(0).number();
        BigDecimal max = bounds.get(1).number();
        if (min == null || max == null) {
            return null;
        }
        if (min.compareTo(max) > 0) {
            value.problem("min " + min.toPlainString() + " is above max " + max.toPlainString(), "最低分" + min.toPlainString() + "高于最高分" + max.toPlainString());
            return null;
        }
        return new BigDecimal[] {min, max};
    }

    private static void checkSign(Mapping m, Pool pool, ItemKind kind, BigDecimal points, BigDecimal[] range) {
        Value where = m.get(kind == ItemKind.PER_UNIT ? "points" : "range");
        if (where == null || (kind == ItemKind.PER_UNIT ? points == null : range == null)) {
            return;
        }
        BigDecimal low = kind == ItemKind.PER_UNIT ? points : range[0];
        BigDecimal high = kind == ItemKind.PER_UNIT ? points : range[1];
        switch (pool) {
            case DEDUCTION -> {
                if (high.signum() >= 0) {
                    where.problem("deductions are negative (e.g. -2)", "扣分项目的分值应为负数（如 -2）");
                }
            }
            case BONUS -> {
                if (low.signum() <= 0) {
                    where.problem("bonus items are positive; put lapses under deductions", "加分项目的分值应为正数；扣分请列在 deductions 下");
                }
            }
            case SECTION -> {
                if (low.signum() < 0) {
                    where.problem("section items earn 0 or more; put lapses under deductions with into: the section",
                            "板块内项目的分值不能为负；扣分请列在 deductions 下并用 into 指向本板块");
                }
            }
            case NONE -> {
                // counters are read elsewhere
            }
        }
    }

    private Cap cap(Value value, ItemKind kind) {
        if (value == null) {
            return null;
        }
        Mapping m = value.mapping("a cap", Set.of("points", "window"));
        if (m == null) {
            return null;
        }
        Value pointsValue = m.required("points", "the most points per window", "每个时段最多计多少分");
        BigDecimal points = pointsValue == null ? null : pointsValue.number();
        if (points != null && points.signum() <= 0) {
            pointsValue.problem("must be more than 0 (for deductions it bounds the magnitude)", "应大于0（扣分项目按绝对值计）");
            points = null;
        }
        Value windowValue = m.required("window", "one of MONTH, QUARTER, HALF, YEAR", "MONTH、QUARTER、HALF、YEAR 之一");
        Window window = windowValue == null ? null : windowValue.choice(Window.class);
        if (kind != ItemKind.PER_UNIT && kind != ItemKind.RANGE) {
            value.problem("only items that earn points (PER_UNIT or RANGE) have a cap", "只有计分项目（PER_UNIT 或 RANGE）可以设置上限");
            return null;
        }
        return points == null || window == null ? null : new Cap(points, window);
    }

    private static BigDecimal freeCount(Mapping m, ItemKind kind) {
        Value value = m.get("freeCount");
        if (value == null) {
            return null;
        }
        BigDecimal free = value.number();
        if (kind != ItemKind.PER_UNIT) {
            value.problem("only PER_UNIT items have a free allowance", "只有按次计分（PER_UNIT）的项目可以设置 freeCount");
            return null;
        }
        if (free != null && free.signum() <= 0) {
            value.problem("must be more than 0", "应大于0");
            return null;
        }
        return free;
    }

    private String groupOf(Mapping m) {
        String group = m.text("group");
        if (group != null) {
            referenceChecks.add(() -> {
                if (!groups.containsKey(group)) {
                    m.get("group").problem("unknown group " + group + suggest(group, groups.keySet()) + ": list it under groups",
                            "未定义的组" + group + suggestZh(group, groups.keySet()) + "：请在 groups 中列出");
                }
            });
        }
        return group;
    }

    private void criterion(Value value, String section) {
        Mapping m = value.mapping("a criterion", ITEM_KEYS);
        if (m == null) {
            return;
        }
        String code = code(m, "criterion");
        m.required("name", "the criterion's Chinese name", "评定项的中文名称");
        for (String key : List.of("points", "range", "levels", "cap", "freeCount", "group")) {
            if (m.has(key)) {
                m.get(key).problem("a criterion has only max (and maybe threshold); " + key + " belongs to items that earn points",
                        "评定项只设 max（及 threshold）；" + key + " 只用于计分项目");
            }
        }
        checkKind(m, ItemKind.CRITERION);
        Value maxValue = m.required("max", "the criterion's full points", "该评定项的满分");
        BigDecimal max = maxValue == null ? null : maxValue.number();
        if (max != null && max.signum() < 0) {
            maxValue.problem("must be 0 or more", "不能小于0");
            max = null;
        }
        Threshold threshold = threshold(m.get("threshold"));
        if (code != null && m.text("name") != null && max != null) {
            add(value, new Item(code, m.text("name"), ItemKind.CRITERION, Pool.SECTION, section, null, null, max, null,
                    null, null, null, threshold, null, null, m.text("unit"), m.choice("evidence", Evidence.class),
                    m.text("clause"), m.text("interpretation")));
        }
    }

    private Threshold threshold(Value value) {
        if (value == null) {
            return null;
        }
        Mapping m = value.mapping("a threshold", Set.of("item", "atLeast"));
        if (m == null) {
            return null;
        }
        m.required("item", "the counted item", "所统计的项目");
        Value atLeastValue = m.required("atLeast", "the quantity that earns full points", "达到满分所需的数量");
        String item = m.text("item");
        BigDecimal atLeast = atLeastValue == null ? null : atLeastValue.number();
        referenceChecks.add(() -> requireItem(m.get("item"), item, "the threshold item"));
        return item == null || atLeast == null ? null : new Threshold(item, atLeast);
    }

    private void levelItem(Value value, String section) {
        Mapping m = value.mapping("a level item", ITEM_KEYS);
        if (m == null) {
            return;
        }
        String code = code(m, "item");
        m.required("name", "the item's Chinese name", "项目的中文名称");
        for (String key : List.of("points", "range", "max", "cap", "freeCount", "group", "threshold")) {
            if (m.has(key)) {
                m.get(key).problem("a level item has only levels; " + key + " belongs elsewhere", "等次项目只设 levels；不应有 " + key);
            }
        }
        checkKind(m, ItemKind.LEVEL);
        Value levelsValue = m.required("levels", "the levels with their points, e.g. [{label: 称职, points: 25}]",
                "各等次及分值，如 [{label: 称职, points: 25}]");
        List<Level> levels = new ArrayList<>();
        if (levelsValue != null) {
            for (Value element : levelsValue.list()) {
                Mapping lm = element.mapping("a level", Set.of("code", "label", "points"));
                if (lm == null) {
                    continue;
                }
                lm.required("label", "the level's Chinese label, e.g. 称职", "等次名称，如 称职");
                Value pointsValue = lm.required("points", "the level's points", "该等次的分值");
                BigDecimal points = pointsValue == null ? null : pointsValue.number();
                if (points != null && points.signum() < 0) {
                    pointsValue.problem("must be 0 or more", "不能小于0");
                    points = null;
                }
                String label = lm.text("label");
                if (label != null && levels.stream().anyMatch(l -> l.label().equals(label))) {
                    lm.get("label").problem("duplicate level " + label, "等次“" + label + "”重复");
                } else if (label != null && points != null) {
                    levels.add(new Level(lm.text("code"), label, points));
                }
            }
            if (levels.isEmpty() && levelsValue.list().isEmpty()) {
                levelsValue.problem("must list at least one level", "至少需要一个等次");
            }
        }
        if (code != null && m.text("name") != null && !levels.isEmpty()) {
            add(value, new Item(code, m.text("name"), ItemKind.LEVEL, Pool.SECTION, section, null, null, null, levels,
                    null, null, null, null, null, null, m.text("unit"), m.choice("evidence", Evidence.class),
                    m.text("clause"), m.text("interpretation")));
        }
    }

    private void veto(Value value) {
        Mapping m = value.mapping("a veto", VETO_KEYS);
        if (m == null) {
            return;
        }
        String code = code(m, "veto");
        m.required("name", "what triggers the veto, in Chinese", "触发一票否决的情形");
        Value effectsValue = m.required("effects", "a list of ZERO_SECTION, ZERO_TOTAL, FAIL, DISQUALIFY",
                "ZERO_SECTION、ZERO_TOTAL、FAIL、DISQUALIFY 中的一项或几项");
        List<VetoEffect> effects = new ArrayList<>();
        String section = m.text("section");
        boolean zeroesSection = false;
        if (effectsValue != null) {
            for (Value element : effectsValue.list()) {
                VetoEffect.Kind kind = element.choice(VetoEffect.Kind.class);
                if (kind == null) {
                    continue;
                }
                if (kind == VetoEffect.Kind.ZERO_SECTION) {
                    zeroesSection = true;
                    if (section == null) {
                        element.problem("ZERO_SECTION needs section: the code of the section it zeroes",
                                "ZERO_SECTION 需要用 section 指明清零的板块");
                    } else {
                        effects.add(VetoEffect.zeroSection(section));
                    }
                } else {
                    effects.add(VetoEffect.of(kind));
                }
                if (kind == VetoEffect.Kind.FAIL) {
                    referenceChecks.add(() -> {
                        if (grading == null || grading.failing() == null) {
                            element.problem("FAIL needs the failing grade: set grades.failing", "FAIL 需要在 grades.failing 中指明不合格等次");
                        }
                    });
                }
            }
            if (effectsValue.list().isEmpty()) {
                effectsValue.problem("must list at least one effect", "至少需要一种否决效果");
            }
        }
        if (section != null) {
            if (!zeroesSection) {
                m.get("section").problem("only a ZERO_SECTION veto names a section", "只有 ZERO_SECTION 需要 section");
            }
            referenceChecks.add(() -> {
                if (!sections.containsKey(section)) {
                    unknownSection(m.get("section"), section);
                }
            });
        }
        if (code != null && m.text("name") != null && !effects.isEmpty()) {
            add(value, new Item(code, m.text("name"), ItemKind.VETO, Pool.NONE, null, null, null, null, null, null, null,
                    null, null, null, effects, null, m.choice("evidence", Evidence.class), m.text("clause"), m.text("interpretation")));
        }
    }

    private void forfeit(Value value) {
        Mapping m = value.mapping("a forfeit", FORFEIT_KEYS);
        if (m == null) {
            return;
        }
        String code = code(m, "forfeit");
        m.required("name", "the event that forfeits the criterion, in Chinese", "导致该项不得分的情形");
        m.required("criterion", "the code of the criterion it sets to 0", "该项不得分的评定项编码");
        String criterion = m.text("criterion");
        referenceChecks.add(() -> {
            Item target = item(criterion);
            if (criterion != null && (target == null || target.kind() != ItemKind.CRITERION)) {
                m.get("criterion").problem(criterion + " is not a criterion of the scheme" + suggest(criterion, criteria()),
                        criterion + "不是本方案的评定项" + suggestZh(criterion, criteria()));
            }
        });
        if (code != null && m.text("name") != null && criterion != null) {
            add(value, new Item(code, m.text("name"), ItemKind.FORFEIT, Pool.NONE, null, null, null, null, null, null, null,
                    null, null, criterion, null, null, m.choice("evidence", Evidence.class), m.text("clause"), m.text("interpretation")));
        }
    }

    private void counter(Value value) {
        Mapping m = value.mapping("a counter", COUNTER_KEYS);
        if (m == null) {
            return;
        }
        String code = code(m, "counter");
        m.required("name", "what is counted, in Chinese", "所计数的事项");
        if (code != null && m.text("name") != null) {
            add(value, new Item(code, m.text("name"), ItemKind.PER_UNIT, Pool.NONE, null, BigDecimal.ZERO, null, null, null,
                    null, null, null, null, null, null, m.text("unit"), Evidence.NONE, m.text("clause"), m.text("interpretation")));
        }
    }

    private void add(Value value, Item item) {
        String previous = itemPaths.putIfAbsent(item.code(), value.path);
        if (previous != null) {
            value.problem("duplicate item code " + item.code() + " (also at " + previous + ")",
                    "项目编码" + item.code() + "重复（另见 " + previous + "）");
            return;
        }
        itemValues.put(item.code(), value);
        items.add(item);
        if (item.group() != null) {
            referenceChecks.add(() -> sameGroupPool(value, item));
        }
    }

    private void sameGroupPool(Value value, Item item) {
        for (Item other : items) {
            if (other != item && item.group().equals(other.group()) && (other.pool() != item.pool()
                    || !Objects.equals(other.section(), item.section()))) {
                value.problem("group " + item.group() + " mixes items of different pools (" + other.code() + ")",
                        "组" + item.group() + "中的项目应计入同一处（与" + other.code() + "不同）");
                return;
            }
        }
    }

    private Item item(String code) {
        return code == null ? null : items.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }

    private List<String> criteria() {
        return items.stream().filter(i -> i.kind() == ItemKind.CRITERION).map(Item::code).toList();
    }

    private void requireItem(Value where, String code, String what) {
        if (code != null && item(code) == null) {
            List<String> codes = items.stream().map(Item::code).toList();
            where.problem("unknown item " + code + suggest(code, codes) + " (" + what + ")",
                    "未定义的项目" + code + suggestZh(code, codes));
        }
    }

    private void unknownSection(Value where, String code) {
        where.problem("unknown section " + code + suggest(code, sections.keySet()), "未定义的板块" + code + suggestZh(code, sections.keySet()));
    }

    private static String suggest(String typed, Collection<String> known) {
        String s = Suggestions.closest(typed, known);
        return s == null ? "" : " (did you mean " + s + "?)";
    }

    private static String suggestZh(String typed, Collection<String> known) {
        String s = Suggestions.closest(typed, known);
        return s == null ? "" : "（是否应为 " + s + "？）";
    }

    private Grading grades(Value value) {
        if (value == null) {
            return Grading.none();
        }
        Mapping m = value.mapping("grades", Set.of("failing", "notGraded", "clause", "bands"));
        if (m == null) {
            return Grading.none();
        }
        List<GradeBand> bands = new ArrayList<>();
        Value bandList = m.get("bands");
        List<Value> bandValues = bandList == null ? List.of() : bandList.list();
        GradeBand previous = null;
        for (int i = 0; i < bandValues.size(); i++) {
            Value element = bandValues.get(i);
            Mapping bm = element.mapping("a grade band", Set.of("grade", "atLeast", "above"));
            if (bm == null) {
                continue;
            }
            bm.required("grade", "the grade's Chinese name, e.g. 优秀", "等次名称，如 优秀");
            if (bm.has("atLeast") && bm.has("above")) {
                element.problem("give atLeast (inclusive, 以上) or above (exclusive, 高于), not both",
                        "atLeast（含本数，以上）与 above（不含本数，高于）只能给出一个");
                continue;
            }
            boolean exclusive = bm.has("above");
            BigDecimal bound = bm.number(exclusive ? "above" : "atLeast");
            boolean last = i == bandValues.size() - 1;
            if (bound == null && !last && !bm.has("atLeast") && !bm.has("above")) {
                element.problem("only the lowest band may have no lower bound", "只有最低一档可以不设下限");
                continue;
            }
            if (bm.text("grade") == null || (bound == null && (bm.has("atLeast") || bm.has("above")))) {
                continue;
            }
            GradeBand band = new GradeBand(bm.text("grade"), bound, exclusive);
            if (previous != null && bound != null && !below(band, previous)) {
                element.problem("bands must go from the highest lower bound down without overlapping: "
                                + describe(band) + " is not below " + describe(previous),
                        "各档应按下限从高到低排列且不重叠：" + describe(band) + " 不低于 " + describe(previous));
            }
            if (bands.stream().anyMatch(b -> b.grade().equals(band.grade()))) {
                bm.get("grade").problem("grade " + band.grade() + " appears twice", "等次“" + band.grade() + "”重复");
            }
            bands.add(band);
            previous = band;
        }
        if (!bands.isEmpty() && bands.get(bands.size() - 1).bound() != null) {
            GradeBand lowest = bands.get(bands.size() - 1);
            bandValues.get(bandValues.size() - 1).problem("totals below " + describe(lowest)
                            + " would have no grade: end with a band without atLeast/above",
                    "低于" + describe(lowest) + "的总分将没有等次：最后一档请不设下限");
        }
        String failing = m.text("failing");
        if (failing != null && !bands.isEmpty() && bands.stream().noneMatch(b -> b.grade().equals(failing))) {
            m.get("failing").problem("the failing grade " + failing + " is not one of the bands", "不合格等次“" + failing + "”不在各档之中");
        }
        return new Grading(bands, failing, enumSet(m.get("notGraded"), MemberType.class), m.text("clause"));
    }

    /** Whether {@code lower} starts strictly below {@code higher}; at the same number "above" is the higher one. */
    private static boolean below(GradeBand lower, GradeBand higher) {
        int c = lower.bound().compareTo(higher.bound());
        return c < 0 || (c == 0 && higher.exclusive() && !lower.exclusive());
    }

    private static String describe(GradeBand band) {
        return band.bound() == null ? "the lowest band" : (band.exclusive() ? "above " : "atLeast ") + band.bound().toPlainString();
    }

    private FlagRule flag(Value value) {
        Mapping m = value.mapping("a flag", Set.of("code", "label", "atLeast", "rankAtMost", "perMonth", "yearOnly", "clause"));
        if (m == null) {
            return null;
        }
        String code = code(m, "flag");
        m.required("label", "the flag's Chinese label", "标记的中文名称");
        if (m.has("atLeast") == m.has("rankAtMost")) {
            value.problem("give either atLeast (a total) or rankAtMost (a rank)", "应给出 atLeast（总分）或 rankAtMost（名次）之一");
            return null;
        }
        BigDecimal atLeast = m.number("atLeast");
        Integer rank = m.get("rankAtMost") == null ? null : m.get("rankAtMost").integer();
        if (rank != null && rank < 1) {
            m.get("rankAtMost").problem("must be at least 1", "至少为1");
            return null;
        }
        Boolean perMonth = m.get("perMonth") == null ? Boolean.FALSE : m.get("perMonth").bool();
        Boolean yearOnly = m.get("yearOnly") == null ? Boolean.FALSE : m.get("yearOnly").bool();
        if (Boolean.TRUE.equals(perMonth) && Boolean.TRUE.equals(yearOnly)) {
            m.get("yearOnly").problem("a flag is judged per month or on the year, not both", "标记只能按月评定或按年度评定，不能两者兼有");
            return null;
        }
        if (code == null || m.text("label") == null || perMonth == null || yearOnly == null || (atLeast == null && rank == null)) {
            return null;
        }
        return new FlagRule(code, m.text("label"), atLeast, rank, perMonth, yearOnly, m.text("clause"));
    }

    private StarRule stars(Value value) {
        if (value == null) {
            return null;
        }
        Mapping m = value.mapping("stars", Set.of("scope", "minTotal", "minSection", "quotas", "unitQuotas", "clause"));
        if (m == null) {
            return null;
        }
        RankScope scope = m.choice("scope", RankScope.class);
        Value minTotalValue = m.required("minTotal", "the lowest total that can earn a star, e.g. 70", "可评星的最低总分，如 70");
        BigDecimal minTotal = minTotalValue == null ? null : minTotalValue.number();
        String sectionCode = null;
        BigDecimal minSection = null;
        Value minSectionValue = m.get("minSection");
        if (minSectionValue != null) {
            Mapping sm = minSectionValue.mapping("a section minimum", Set.of("section", "atLeast"));
            if (sm != null) {
                sm.required("section", "the section's code", "板块编码");
                sm.required("atLeast", "the lowest value of the section", "该板块的最低分");
                sectionCode = sm.text("section");
                minSection = sm.number("atLeast");
                String code = sectionCode;
                referenceChecks.add(() -> {
                    if (code != null && !sections.containsKey(code)) {
                        unknownSection(sm.get("section"), code);
                    }
                });
            }
        }
        Value quotasValue = m.required("quotas", "the share of each star level in percent, e.g. {5: 10, 4: 15, 3: 20}",
                "各星级所占比例（百分数），如 {5: 10, 4: 15, 3: 20}");
        List<StarQuota> quotas = quotasValue == null ? null : quotas(quotasValue);
        Map<String, List<StarQuota>> unitQuotas = new LinkedHashMap<>();
        Value unitValue = m.get("unitQuotas");
        if (unitValue != null && unitValue.node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String unit = ((ScalarNode) tuple.getKeyNode()).getValue();
                List<StarQuota> own = quotas(new Value(tuple.getValueNode(), unitValue.child(unit), unitValue.problems));
                if (own != null) {
                    unitQuotas.put(unit, own);
                }
            }
        } else if (unitValue != null) {
            unitValue.problem("must map unit names to quotas", "应为 单位名称: 各星级比例");
        }
        if (minTotal == null || quotas == null || (sectionCode == null) != (minSection == null)) {
            return null;
        }
        return new StarRule(scope == null ? RankScope.UNIT : scope, minTotal, sectionCode, minSection, quotas, unitQuotas,
                m.text("clause"));
    }

    private static List<StarQuota> quotas(Value value) {
        if (!(value.node instanceof MappingNode mapping)) {
            value.problem("must map star levels to percentages, e.g. {5: 10, 4: 15, 3: 20}", "应为 星级: 百分比，如 {5: 10, 4: 15, 3: 20}");
            return null;
        }
        Map<Integer, BigDecimal> byStars = new TreeMap<>(Comparator.reverseOrder());
        BigDecimal sum = BigDecimal.ZERO;
        boolean ok = true;
        for (NodeTuple tuple : mapping.getValue()) {
            Value key = new Value(tuple.getKeyNode(), value.path, value.problems);
            Value percent = new Value(tuple.getValueNode(), value.child(String.valueOf(((ScalarNode) tuple.getKeyNode()).getValue())), value.problems);
            Integer stars = key.integer();
            BigDecimal share = percent.number();
            if (stars == null || share == null) {
                ok = false;
                continue;
            }
            if (stars < 1 || stars > 5) {
                key.problem("star levels are 1 to 5, not " + stars, "星级应为1到5，不能是" + stars);
                ok = false;
            } else if (share.signum() < 0 || share.compareTo(Decimals.HUNDRED) > 0) {
                percent.problem("must be a percentage from 0 to 100", "应为0到100之间的百分比");
                ok = false;
            } else if (byStars.put(stars, share) != null) {
                key.problem("star level " + stars + " is given twice", stars + "星级重复");
                ok = false;
            }
            sum = sum.add(share);
        }
        if (ok && sum.compareTo(Decimals.HUNDRED) > 0) {
            value.problem("star quotas add up to " + sum.toPlainString() + "%, above 100%", "各星级比例合计" + sum.toPlainString() + "%，超过100%");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        List<StarQuota> quotas = new ArrayList<>();
        byStars.forEach((stars, share) -> quotas.add(new StarQuota(stars, share)));
        if (quotas.isEmpty()) {
            value.problem("must give at least one star level", "至少需要一个星级");
            return null;
        }
        return quotas;
    }

    private WarningRule warning(Value value) {
        Mapping m = value.mapping("a warning", Set.of("code", "label", "atLeast", "below", "memberTypes", "cycles", "attendance",
                "yearOnly", "action", "clause"));
        if (m == null) {
            return null;
        }
        String code = code(m, "warning");
        m.required("label", "the warning's Chinese label, e.g. 黄色预警", "预警名称，如 黄色预警");
        BigDecimal atLeast = m.number("atLeast");
        BigDecimal below = m.number("below");
        Attendance attendance = null;
        if (m.has("attendance")) {
            if (m.has("atLeast") || m.has("below") || m.has("cycles") || m.has("memberTypes")) {
                value.problem("an attendance warning has no score band, member types or cycles", "出勤预警不设分数段、党员类型或连续周期");
                return null;
            }
            attendance = attendance(m.get("attendance"));
            if (attendance == null) {
                return null;
            }
        } else if (!m.has("atLeast") && !m.has("below")) {
            value.problem("give a score band (atLeast and/or below) or an attendance requirement", "应给出分数段（atLeast、below）或出勤要求（attendance）");
            return null;
        }
        if (atLeast != null && below != null && atLeast.compareTo(below) >= 0) {
            m.get("below").problem("must be above atLeast " + atLeast.toPlainString(), "应高于 atLeast " + atLeast.toPlainString());
            return null;
        }
        Integer cycles = m.get("cycles") == null ? Integer.valueOf(1) : m.get("cycles").integer();
        if (cycles != null && (cycles < 1 || cycles > 2)) {
            m.get("cycles").problem("must be 1 or 2 (this cycle, or this and the previous one)", "应为1或2（本周期，或连续两个周期）");
            return null;
        }
        Set<MemberType> types = enumSet(m.get("memberTypes"), MemberType.class);
        Boolean yearOnly = m.get("yearOnly") == null ? Boolean.FALSE : m.get("yearOnly").bool();
        if (code == null || m.text("label") == null || cycles == null || yearOnly == null) {
            return null;
        }
        return new WarningRule(code, m.text("label"), atLeast, below, types, cycles, attendance, yearOnly, m.text("action"),
                m.text("clause"));
    }

    private Attendance attendance(Value value) {
        Mapping m = value.mapping("an attendance requirement", Set.of("item", "required"));
        if (m == null) {
            return null;
        }
        m.required("item", "the counter of attendances", "出勤计数项目");
        String item = m.text("item");
        referenceChecks.add(() -> requireItem(m.get("item"), item, "the attendance item"));
        Value requiredValue = m.required("required", "the yearly minimum per member category, e.g. {LEADER: 12, IN_SERVICE: 10}",
                "各类人员每年最少次数，如 {LEADER: 12, IN_SERVICE: 10}");
        if (requiredValue == null || item == null) {
            return null;
        }
        Map<Category, BigDecimal> required = new EnumMap<>(Category.class);
        Set<String> keys = new HashSet<>();
        for (Category category : Category.values()) {
            keys.add(category.name());
        }
        Mapping rm = requiredValue.mapping("the requirement per category", keys);
        if (rm == null) {
            return null;
        }
        for (Category category : Category.values()) {
            BigDecimal count = rm.number(category.name());
            if (count != null) {
                required.put(category, count);
            }
        }
        return new Attendance(item, required);
    }

    private void uniqueCodes(Value where, List<String> codes, String what) {
        if (where == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String code : codes) {
            if (!seen.add(code)) {
                where.problem("duplicate " + what + " code " + code, what + "编码" + code + "重复");
            }
        }
    }
}
