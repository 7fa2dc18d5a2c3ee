package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Random schemes and ledgers for the property tests of scoring.md §13, reproducible from a seed. */
final class RandomSchemes {

    static final int YEAR = 2025;
    /** Two ranking units of this name (ids U1 and U3) and one other (U2): populations go by id (scoring.md §8). */
    static final String SAME_NAME = "第一支部";
    private static final List<String> UNIT_IDS = List.of("U1", "U2", "U3");

    private final Random random;
    private int codes;

    RandomSchemes(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    private String code(String prefix) {
        return prefix + "_" + (codes++);
    }

    private BigDecimal decimal(int min, int max, int scale) {
        int unscaled = min * (int) Math.pow(10, scale) + random.nextInt((max - min) * (int) Math.pow(10, scale) + 1);
        return BigDecimal.valueOf(unscaled, scale);
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    Scheme scheme() {
        List<Section> sections = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        List<ExclusiveGroup> groups = new ArrayList<>();
        if (chance(0.5)) {
            groups.add(new ExclusiveGroup("G_A", "随机组A", null));
        }
        int sectionCount = 1 + random.nextInt(4);
        for (int s = 0; s < sectionCount; s++) {
            String code = "S" + s;
            SectionMode mode = SectionMode.values()[random.nextInt(SectionMode.values().length)];
            switch (mode) {
                case ACCRUE -> {
                    BigDecimal max = chance(0.7) ? decimal(5, 60, 0) : null;
                    sections.add(new Section(code, "板块" + s, mode, max, null, null, null, null, null));
                    int n = 1 + random.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        items.add(pointItem(Pool.SECTION, code, false, groups));
                    }
                }
                case CRITERIA -> {
                    int n = 1 + random.nextInt(4);
                    BigDecimal sum = BigDecimal.ZERO;
                    List<Item> criteria = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        BigDecimal max = decimal(1, 20, chance(0.3) ? 1 : 0);
                        sum = sum.add(max);
                        criteria.add(new Item(code("C"), "评定项", ItemKind.CRITERION, Pool.SECTION, code, null, null, max, null,
                                null, null, null, null, null, null, null, null, null, null));
                    }
                    CriteriaDefault fallback = chance(0.5) ? CriteriaDefault.FULL : CriteriaDefault.ZERO;
                    sections.add(new Section(code, "板块" + s, mode, sum, fallback, null, null, null, null));
                    items.addAll(criteria);
                }
                case LEVEL -> {
                    sections.add(new Section(code, "板块" + s, mode, BigDecimal.valueOf(30), null, null, null, null, null));
                    items.add(new Item(code("L"), "等次", ItemKind.LEVEL, Pool.SECTION, code, null, null, null,
                            List.of(new Level("A", "优秀", BigDecimal.valueOf(30)), new Level("B", "称职", BigDecimal.valueOf(25)),
                                    new Level("C", "不称职", BigDecimal.ZERO)),
                            null, null, null, null, null, null, null, null, null, null));
                }
                case APPRAISAL -> sections.add(new Section(code, "板块" + s, mode, decimal(5, 20, 0), null, null,
                        List.of(new VoteLevel("good", "好", BigDecimal.ONE), new VoteLevel("average", "一般", new BigDecimal("0.8")),
                                new VoteLevel("poor", "差", new BigDecimal("0.6"))), null, null));
                case ATTAINMENT -> {
                    sections.add(new Section(code, "板块" + s, mode, decimal(5, 30, 0), null,
                            new Attainment(decimal(0, 6, 0), null), null, null, null));
                    int n = 1 + random.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        items.add(pointItem(Pool.SECTION, code, false, groups));
                    }
                }
            }
        }
        int bonus = random.nextInt(4);
        for (int i = 0; i < bonus; i++) {
            items.add(pointItem(Pool.BONUS, null, false, groups));
        }
        int deductions = random.nextInt(4);
        for (int i = 0; i < deductions; i++) {
            String into = chance(0.4) ? sections.get(random.nextInt(sections.size())).code() : null;
            items.add(pointItem(Pool.DEDUCTION, into, true, List.of()));
        }
        List<Item> criteria = items.stream().filter(i -> i.kind() == ItemKind.CRITERION).toList();
        if (!criteria.isEmpty() && chance(0.5)) {
            items.add(new Item(code("F"), "不得分事项", ItemKind.FORFEIT, Pool.NONE, null, null, null, null, null, null, null,
                    null, null, criteria.get(random.nextInt(criteria.size())).code(), null, null, null, null, null));
        }
        items.add(new Item("VETO_TOTAL", "年度积分为0", ItemKind.VETO, Pool.NONE, null, null, null, null, null, null, null,
                null, null, null, chance(0.5) ? List.of(VetoEffect.of(VetoEffect.Kind.ZERO_TOTAL))
                        : List.of(VetoEffect.of(VetoEffect.Kind.ZERO_TOTAL), VetoEffect.of(VetoEffect.Kind.FAIL)),
                null, null, null, null));
        items.add(new Item("VETO_SECTION", "板块清零", ItemKind.VETO, Pool.NONE, null, null, null, null, null, null, null,
                null, null, null, List.of(VetoEffect.zeroSection(sections.get(0).code())), null, null, null, null));
        items.add(new Item("VETO_FAIL", "直接评定为不合格", ItemKind.VETO, Pool.NONE, null, null, null, null, null, null, null,
                null, null, null, List.of(VetoEffect.of(VetoEffect.Kind.FAIL)), null, null, null, null));
        items.add(new Item("VETO_OUT", "取消积分资格", ItemKind.VETO, Pool.NONE, null, null, null, null, null, null, null,
                null, null, null, List.of(VetoEffect.of(VetoEffect.Kind.DISQUALIFY)), null, null, null, null));
        items.add(new Item("COUNT", "计数", ItemKind.PER_UNIT, Pool.NONE, null, BigDecimal.ZERO, null, null, null, null, null,
                null, null, null, null, null, null, null, null));
        List<GradeBand> bands = List.of(new GradeBand("优秀", decimal(80, 100, 0), false),
                new GradeBand("合格", decimal(50, 79, 0), chance(0.5)), new GradeBand("不合格", null, false));
        String starSection = chance(0.5) ? sections.get(0).code() : null;
        // a committee may give one branch quotas of its own (scoring.md §9); two branches carry that name
        Map<String, List<StarQuota>> unitQuotas = chance(0.4) ? Map.of(SAME_NAME, quotas()) : Map.of();
        StarRule stars = new StarRule(chance(0.5) ? RankScope.ALL : RankScope.UNIT, decimal(0, 60, 0),
                starSection, starSection == null ? null : decimal(0, 10, 0), quotas(), unitQuotas, null);
        BigDecimal bonusCap = chance(0.5) ? decimal(1, 20, 0) : null;
        BigDecimal floor = chance(0.8) ? BigDecimal.ZERO : (chance(0.5) ? null : decimal(-10, 0, 0));
        BigDecimal low = decimal(40, 70, 0);
        return new Scheme("random-" + codes, "随机方案", null, null, Period.YEAR, null,
                EnumSet.of(MemberType.FORMAL, MemberType.PROBATIONARY, MemberType.ACTIVIST), Set.of(Category.RETIRED),
                CriteriaDefault.ZERO, sections, items, groups, null, bonusCap, null, floor,
                new Grading(bands, "不合格", Set.of(MemberType.ACTIVIST), null),
                List.of(new FlagRule("GOOD", "可参加评先评优", decimal(50, 100, 0), null, false, false, null)),
                chance(0.5) ? RankScope.ALL : RankScope.UNIT, stars,
                List.of(new WarningRule("LOW", "预警", null, low, Set.of(), 1, null, false, null, null),
                        new WarningRule("LOW_TWICE", "连续两年预警", chance(0.5) ? null : decimal(10, 30, 0), low, Set.of(), 2, null, false,
                                null, null)),
                List.of(), List.of());
    }

    private List<StarQuota> quotas() {
        return List.of(new StarQuota(5, decimal(0, 30, 0)), new StarQuota(4, decimal(0, 30, 0)), new StarQuota(3, decimal(0, 30, 0)));
    }

    private Item pointItem(Pool pool, String section, boolean negative, List<ExclusiveGroup> groups) {
        int sign = negative ? -1 : 1;
        boolean range = chance(0.3);
        Window window = Window.values()[random.nextInt(Window.values().length)];
        Cap cap = chance(0.4) ? new Cap(decimal(1, 12, chance(0.3) ? 1 : 0), window) : null;
        BigDecimal free = !range && chance(0.25) ? decimal(1, 3, 0) : null;
        String group = !groups.isEmpty() && pool != Pool.DEDUCTION && chance(0.3) && pool == Pool.BONUS ? groups.get(0).code() : null;
        if (range) {
            BigDecimal a = decimal(0, 5, 1);
            BigDecimal b = a.add(decimal(0, 5, 1));
            if (negative) {
                BigDecimal low = b.negate();
                BigDecimal high = a.negate().min(new BigDecimal("-0.1"));
                return new Item(code("R"), "酌情项目", ItemKind.RANGE, pool, section, null, low.min(high), high, null, cap, null,
                        group, null, null, null, null, null, null, null);
            }
            BigDecimal low = pool == Pool.BONUS ? a.max(new BigDecimal("0.1")) : a;
            return new Item(code("R"), "酌情项目", ItemKind.RANGE, pool, section, null, low, b.max(low), null, cap, null,
                    group, null, null, null, null, null, null, null);
        }
        BigDecimal points = decimal(1, 5, chance(0.3) ? 1 : 0).multiply(BigDecimal.valueOf(sign));
        return new Item(code("P"), "计分项目", ItemKind.PER_UNIT, pool, section, points, null, null, null, cap, free, group,
                null, null, null, null, null, null, null);
    }

    /** A roster of members and a ledger for each, in the cycle. */
    List<MemberInput> ledger(Scheme scheme) {
        int members = 1 + random.nextInt(25);
        List<MemberInput> inputs = new ArrayList<>();
        long ref = 1;
        for (int m = 0; m < members; m++) {
            MemberType type = MemberType.values()[random.nextInt(3)];
            Category category = chance(0.1) ? Category.RETIRED : Category.IN_SERVICE;
            String unitId = UNIT_IDS.get(random.nextInt(UNIT_IDS.size()));
            // exempt: yes, no (scored although the category is exempt by default), or the scheme's default
            Boolean exempt = chance(0.05) ? Boolean.TRUE : chance(0.15) ? Boolean.FALSE : null;
            Member member = new Member("M" + m, "成员" + m, unitId.equals("U2") ? "第二支部" : SAME_NAME, type, category, exempt, unitId);
            List<Entry> entries = new ArrayList<>();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                Entry entry = entry(scheme, ref++, false);
                if (entry != null) {
                    entries.add(entry);
                }
            }
            if (chance(0.15)) {
                List<Item> vetoes = scheme.items().stream().filter(i -> i.kind() == ItemKind.VETO).toList();
                entries.add(entryOf(vetoes.get(random.nextInt(vetoes.size())), ref++));
            }
            PreviousResult previous = chance(0.5) ? new PreviousResult(chance(0.1) ? null : decimal(0, 100, 2)) : null;
            inputs.add(new MemberInput(member, entries, assessments(scheme, ref), votes(scheme), previous));
            ref += 100;
        }
        return inputs;
    }

    /** The evaluated span: the year half of the time, else a month, quarter, half or the year up to a day. */
    Span span() {
        return switch (chance(0.5) ? 0 : 1 + random.nextInt(4)) {
            case 1 -> Span.month(YEAR, 1 + random.nextInt(12));
            case 2 -> Span.quarter(YEAR, 1 + random.nextInt(4));
            case 3 -> Span.half(YEAR, 1 + random.nextInt(2));
            case 4 -> Span.until(LocalDate.ofYearDay(YEAR, 1 + random.nextInt(365)));
            default -> Span.year(YEAR);
        };
    }

    /** A random entry of a point-earning, count-only, forfeit or (rarely) veto item. */
    Entry entry(Scheme scheme, long ref, boolean allowVeto) {
        List<Item> candidates = scheme.items().stream()
                .filter(i -> i.earnsPoints() || i.kind() == ItemKind.FORFEIT || (allowVeto && i.kind() == ItemKind.VETO)).toList();
        Item item = candidates.get(random.nextInt(candidates.size()));
        if (item.kind() == ItemKind.VETO && !chance(0.3)) {
            return null;
        }
        return entryOf(item, ref);
    }

    Entry entryOf(Item item, long ref) {
        LocalDate date = LocalDate.ofYearDay(YEAR, 1 + random.nextInt(365));
        BigDecimal quantity = item.kind() == ItemKind.RANGE ? BigDecimal.ONE
                : (chance(0.2) ? decimal(1, 4, 1).max(new BigDecimal("0.5")) : BigDecimal.valueOf(1 + random.nextInt(3)));
        BigDecimal points = null;
        if (item.kind() == ItemKind.RANGE) {
            BigDecimal span = item.max().subtract(item.min());
            points = item.min().add(span.multiply(BigDecimal.valueOf(random.nextInt(11))).divide(BigDecimal.TEN));
        }
        String occurrence = item.group() != null && chance(0.7) ? "E" + random.nextInt(3) : null;
        return new Entry(item, date, quantity, points, occurrence, ref);
    }

    private List<Assessment> assessments(Scheme scheme, long ref) {
        List<Assessment> assessments = new ArrayList<>();
        for (Item item : scheme.items()) {
            if (item.kind() == ItemKind.CRITERION && chance(0.5)) {
                BigDecimal value = item.max().multiply(BigDecimal.valueOf(random.nextInt(11))).divide(BigDecimal.TEN);
                assessments.add(new Assessment(item, value, null, ref));
            } else if (item.kind() == ItemKind.LEVEL && chance(0.8)) {
                assessments.add(new Assessment(item, null, item.levels().get(random.nextInt(item.levels().size())), ref));
            }
        }
        return assessments;
    }

    private List<Votes> votes(Scheme scheme) {
        Section section = Inputs.voteSection(scheme);
        if (section == null || chance(0.2)) {
            return List.of();
        }
        return List.of(new Votes(section.code(), List.of((long) random.nextInt(20), (long) random.nextInt(8), (long) random.nextInt(4))));
    }
}
