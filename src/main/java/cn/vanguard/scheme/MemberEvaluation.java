package cn.vanguard.scheme;

import static cn.vanguard.scheme.Decimals.HUNDRED;
import static java.math.BigDecimal.ZERO;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores one member from their own entries, assessments and votes: steps 1–9 of scoring.md §3.4 (everything that
 * does not depend on other members). Grades, flags, ranks, stars and warnings follow in {@link Standings}.
 */
final class MemberEvaluation {

    private final Plan plan;
    private final Scheme scheme;
    private final MemberInput input;
    private final Tally tally;
    private final Explanation why;
    private final String entryLabel;
    /** For the explanation only: which deduction items came off each section. */
    private final Map<Integer, Set<Item>> sectionDeductionItems = new HashMap<>();

    private MemberEvaluation(Plan plan, MemberInput input, boolean explain, String entryLabel) {
        this.plan = plan;
        this.scheme = plan.scheme;
        this.input = input;
        this.why = explain ? Explanation.collecting() : Explanation.off();
        this.tally = new Tally(input.member(), why, input.previous());
        this.entryLabel = entryLabel;
    }

    static Tally evaluate(Plan plan, MemberInput input, boolean explain, String entryLabel) {
        MemberEvaluation evaluation = new MemberEvaluation(plan, input, explain, entryLabel);
        evaluation.run();
        return evaluation.tally;
    }

    /** Why a member on the roster is not scored, or {@code null} (scoring.md §7, §11; formats.md). */
    static String reasonNotScored(Scheme scheme, Member member) {
        if (Boolean.TRUE.equals(member.exempt())) {
            return Reasons.EXEMPT;
        }
        if (!scheme.inScope(member.type())) {
            return Reasons.OUT_OF_SCOPE;
        }
        if (member.exempt() == null && scheme.exemptCategories().contains(member.category())) {
            return Reasons.EXEMPT;
        }
        return null;
    }

    private void run() {
        tally.reason = reasonNotScored(scheme, tally.member);
        if (tally.reason != null) {
            if (why.on()) {
                why.add(Step.TOTAL, Wording.notScored(scheme, tally.member, tally.reason));
            }
            return;
        }
        List<Entry> entries = entriesInSpan();
        int sectionCount = scheme.sections().size();
        BigDecimal[] earned = filled(sectionCount);
        BigDecimal[] sectionDeductions = filled(sectionCount);
        BigDecimal[] quantities = new BigDecimal[plan.items.length];
        tally.quantities = quantities;
        BigDecimal totalDeductions = ZERO;
        BigDecimal bonus = ZERO;
        boolean[] forfeited = new boolean[plan.items.length];
        boolean[] discarded = plan.hasGroups ? exclusiveGroups(entries) : null;
        BigDecimal[] freeLeft = new BigDecimal[plan.items.length];
        BigDecimal[][] capUsed = new BigDecimal[plan.items.length][];
        List<Entry> vetoEntries = new ArrayList<>(0);

        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            Item item = entry.item();
            int index = scheme.indexOf(item);
            if (plan.tracked[index]) {
                quantities[index] = quantities[index] == null ? entry.quantity() : quantities[index].add(entry.quantity());
            }
            switch (item.kind()) {
                case VETO -> {
                    vetoEntries.add(entry);
                    if (!tally.vetoes.contains(item)) {
                        tally.vetoes.add(item);
                    }
                    if (why.on()) {
                        why.add(Step.ENTRY, Wording.vetoEntry(entry), null, null, ref(entry));
                    }
                }
                case FORFEIT -> {
                    Item criterion = scheme.item(item.forfeits());
                    forfeited[scheme.indexOf(criterion)] = true;
                    if (why.on()) {
                        why.add(Step.ENTRY, Wording.forfeitEntry(entry, criterion), null, null, ref(entry));
                    }
                }
                case PER_UNIT, RANGE -> {
                    BigDecimal value = count(entry, index, discarded != null && discarded[i], freeLeft, capUsed);
                    switch (item.pool()) {
                        case SECTION -> earned[plan.sectionOf[index]] = earned[plan.sectionOf[index]].add(value);
                        case BONUS -> bonus = bonus.add(value);
                        case DEDUCTION -> {
                            tally.deductions = tally.deductions.add(value);
                            if (plan.sectionOf[index] >= 0) {
                                sectionDeductions[plan.sectionOf[index]] = sectionDeductions[plan.sectionOf[index]].add(value);
                                noteSectionDeduction(plan.sectionOf[index], item);
                            } else {
                                totalDeductions = totalDeductions.add(value);
                            }
                        }
                        case NONE -> {
                            // count-only: the quantity was tracked above
                        }
                    }
                }
                default -> throw new IllegalArgumentException(item.code() + " is assessed, not recorded as an entry");
            }
        }

        tally.sections = sections(earned, sectionDeductions, forfeited, vetoEntries);
        bonus = bonusPool(bonus);
        tally.bonus = bonus;
        total(bonus, totalDeductions, vetoEntries);
    }

    private void noteSectionDeduction(int section, Item item) {
        if (why.on()) {
            sectionDeductionItems.computeIfAbsent(section, s -> new LinkedHashSet<>()).add(item);
        }
    }

    private static BigDecimal[] filled(int length) {
        BigDecimal[] values = new BigDecimal[length];
        Arrays.fill(values, ZERO);
        return values;
    }

    private List<Entry> entriesInSpan() {
        List<Entry> all = input.entries();
        List<Entry> inSpan = new ArrayList<>(all.size());
        for (Entry entry : all) {
            if (plan.span.contains(entry.date())) {
                inSpan.add(entry);
            }
        }
        inSpan.sort(Entry.CHRONOLOGICAL);
        return inSpan;
    }

    private String ref(Entry entry) {
        return entryLabel + entry.ref();
    }

    /**
     * Step 2: of the entries sharing a group and an occurrence key only the highest counts, the earliest of equals
     * (同一项目不同级别表彰的不能累计加分，以最高级别计分). Returns which entries are discarded.
     */
    private boolean[] exclusiveGroups(List<Entry> entries) {
        boolean[] discarded = new boolean[entries.size()];
        Map<String, Integer> best = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String group = entry.item().group();
            if (group == null) {
                continue;
            }
            String key = group + '\u0000' + (entry.occurrence() != null ? entry.occurrence() : "\u0001" + i);
            Integer current = best.get(key);
            if (current == null) {
                best.put(key, i);
            } else if (entry.rawPoints().abs().compareTo(entries.get(current).rawPoints().abs()) > 0) {
                discarded[current] = true;
                best.put(key, i);
            } else {
                discarded[i] = true;
            }
        }
        return discarded;
    }

    /** Steps 2–4 for one entry: its points after the exclusive group, the free allowance and the window cap. */
    private BigDecimal count(Entry entry, int index, boolean discarded, BigDecimal[] freeLeft, BigDecimal[][] capUsed) {
        Item item = entry.item();
        BigDecimal raw = entry.rawPoints();
        if (why.on()) {
            why.add(Step.ENTRY, Wording.entry(entry), null, raw, ref(entry));
        }
        if (discarded) {
            if (why.on()) {
                why.add(Step.GROUP, Wording.groupDiscard(scheme.group(item.group()), entry), raw, ZERO, ref(entry));
            }
            return ZERO;
        }
        BigDecimal value = raw;
        if (item.freeCount() != null) {
            BigDecimal left = freeLeft[index] == null ? item.freeCount() : freeLeft[index];
            if (left.signum() > 0) {
                BigDecimal free = Decimals.min(left, entry.quantity());
                freeLeft[index] = left.subtract(free);
                value = item.points().multiply(entry.quantity().subtract(free));
                if (why.on()) {
                    why.add(Step.ALLOWANCE, Wording.allowance(item, free, plan.span), raw, value, ref(entry));
                }
            }
        }
        Cap cap = item.cap();
        if (cap != null && value.signum() != 0) {
            BigDecimal[] used = capUsed[index];
            if (used == null) {
                used = filled(cap.window().count());
                capUsed[index] = used;
            }
            int window = cap.window().indexOf(entry.date());
            BigDecimal left = cap.points().subtract(used[window]);
            BigDecimal magnitude = value.abs();
            if (magnitude.compareTo(left) > 0) {
                BigDecimal capped = value.signum() < 0 ? left.negate() : left;
                used[window] = cap.points();
                if (why.on()) {
                    why.add(Step.CAP, Wording.itemCap(item, entry.date()), value, capped, ref(entry));
                }
                value = capped;
            } else {
                used[window] = used[window].add(magnitude);
            }
        }
        return value;
    }

    /** Steps 5–6: each section from its mode, then deductions routed into it, then ZERO_SECTION vetoes. */
    private BigDecimal[] sections(BigDecimal[] earned, BigDecimal[] deductions, boolean[] forfeited, List<Entry> vetoEntries) {
        List<Section> sections = scheme.sections();
        BigDecimal[] values = new BigDecimal[sections.size()];
        Map<Item, Assessment> assessments = assessmentsByItem();
        for (int s = 0; s < values.length; s++) {
            Section section = sections.get(s);
            BigDecimal value = switch (section.mode()) {
                case ACCRUE -> accrue(section, earned[s]);
                case CRITERIA -> criteria(section, assessments, forfeited);
                case LEVEL -> level(section, assessments);
                case APPRAISAL -> section.isVoteAppraisal() ? votes(section) : level(section, assessments);
                case ATTAINMENT -> attainment(section, earned[s]);
            };
            if (deductions[s].signum() != 0) {
                BigDecimal after = Decimals.max(ZERO, value.add(deductions[s]));
                if (why.on()) {
                    why.add(Step.SECTION, Wording.sectionDeduction(section, deductions[s], sectionDeductionItems.get(s)), value, after, null);
                }
                value = after;
            }
            for (Entry veto : vetoEntries) {
                for (VetoEffect effect : veto.item().vetoEffects()) {
                    if (effect.kind() == VetoEffect.Kind.ZERO_SECTION && effect.section().equals(section.code())) {
                        if (why.on()) {
                            why.add(Step.VETO, Wording.zeroSection(veto.item(), section), value, ZERO, ref(veto));
                        }
                        value = ZERO;
                    }
                }
            }
            values[s] = value;
        }
        return values;
    }

    private Map<Item, Assessment> assessmentsByItem() {
        if (input.assessments().isEmpty()) {
            return Map.of();
        }
        Map<Item, Assessment> map = new IdentityHashMap<>();
        for (Assessment assessment : input.assessments()) {
            if (map.put(assessment.item(), assessment) != null) {
                throw new IllegalArgumentException(tally.member.id() + " is assessed twice on " + assessment.item().code());
            }
        }
        return map;
    }

    private BigDecimal accrue(Section section, BigDecimal sum) {
        BigDecimal value = Decimals.clamp(sum, ZERO, section.max());
        if (why.on()) {
            why.add(Step.SECTION, Wording.accrue(section, sum, value), sum, value, null);
        }
        return value;
    }

    private BigDecimal criteria(Section section, Map<Item, Assessment> assessments, boolean[] forfeited) {
        BigDecimal sum = ZERO;
        CriteriaDefault fallback = scheme.criteriaDefaultOf(section);
        for (Item criterion : scheme.criteriaOf(section)) {
            int index = scheme.indexOf(criterion);
            Assessment assessment = assessments.get(criterion);
            BigDecimal value;
            String rule;
            if (forfeited[index]) {
                value = ZERO;
                rule = why.on() ? Wording.criterionForfeited(criterion) : null;
            } else if (criterion.threshold() != null && thresholdMet(criterion.threshold())) {
                value = criterion.max();
                rule = why.on() ? Wording.criterionThreshold(scheme, criterion, tally.quantity(thresholdIndex(criterion))) : null;
            } else if (assessment != null) {
                value = assessment.value();
                rule = why.on() ? Wording.criterionAssessed(criterion, value) : null;
            } else {
                value = fallback == CriteriaDefault.FULL ? criterion.max() : ZERO;
                rule = why.on() ? Wording.criterionDefault(criterion, fallback) : null;
            }
            if (why.on()) {
                why.add(Step.SECTION, rule, null, value, null);
            }
            sum = sum.add(value);
        }
        BigDecimal value = Decimals.clamp(sum, ZERO, section.max());
        if (why.on()) {
            why.add(Step.SECTION, Wording.criteriaTotal(section, sum, value), sum, value, null);
        }
        return value;
    }

    private int thresholdIndex(Item criterion) {
        return scheme.indexOf(scheme.item(criterion.threshold().item()));
    }

    private boolean thresholdMet(Threshold threshold) {
        return tally.quantity(scheme.indexOf(scheme.item(threshold.item()))).compareTo(threshold.atLeast()) >= 0;
    }

    private BigDecimal level(Section section, Map<Item, Assessment> assessments) {
        Item item = scheme.levelItemOf(section);
        Assessment assessment = item == null ? null : assessments.get(item);
        BigDecimal value = assessment == null ? ZERO : assessment.points();
        value = Decimals.clamp(value, ZERO, section.max());
        if (why.on()) {
            why.add(Step.SECTION, Wording.level(section, item, assessment), null, value, null);
        }
        return value;
    }

    /**
     * 民主测评得分 = Σ(票数 × 权重) ÷ 总票数 × 100, counted into the section at max/100 (scoring.md §6), computed as
     * Σ(票数 × 权重) × max ÷ 总票数 so that the one division comes last (§4).
     */
    private BigDecimal votes(Section section) {
        Votes votes = null;
        for (Votes v : input.votes()) {
            if (v.section().equals(section.code())) {
                votes = v;
            }
        }
        long total = votes == null ? 0 : votes.total();
        if (total == 0) {
            if (why.on()) {
                why.add(Step.SECTION, Wording.notAppraised(section), null, ZERO, null);
            }
            return ZERO;
        }
        BigDecimal weighted = ZERO;
        for (int i = 0; i < section.votes().size(); i++) {
            weighted = weighted.add(BigDecimal.valueOf(votes.counts().get(i)).multiply(section.votes().get(i).weight()));
        }
        BigDecimal voters = BigDecimal.valueOf(total);
        BigDecimal raw = Decimals.quotient(weighted.multiply(HUNDRED), voters);
        BigDecimal value = Decimals.quotient(weighted.multiply(section.max()), voters);
        if (why.on()) {
            why.add(Step.SECTION, Wording.votes(section, votes, raw), raw, value, null);
        }
        return value;
    }

    /**
     * max × earned ÷ target, at most max and at least 0; a zero target gives the full section (scoring.md §2). The
     * product comes before the one division (§4): 30 × 150 ÷ 180 is 25, never 30 × 0.8333… = 24.99…9.
     */
    private BigDecimal attainment(Section section, BigDecimal earned) {
        Attainment attainment = section.attainment();
        BigDecimal target = attainment.perMonth() != null
                ? attainment.perMonth().multiply(BigDecimal.valueOf(plan.span.months()))
                : tally.quantity(scheme.indexOf(scheme.item(attainment.expectedItem())));
        BigDecimal value;
        if (target.signum() <= 0 || earned.compareTo(target) >= 0) {
            value = section.max();
        } else if (earned.signum() <= 0) {
            value = ZERO;
        } else {
            value = Decimals.quotient(section.max().multiply(earned), target);
        }
        if (why.on()) {
            why.add(Step.SECTION, Wording.attainment(scheme, section, plan.span, earned, target), earned, value, null);
        }
        return value;
    }

    /** Step 7: the BONUS pool, then its cap. */
    private BigDecimal bonusPool(BigDecimal bonus) {
        BigDecimal cap = scheme.bonusCap();
        if (cap != null && bonus.compareTo(cap) > 0) {
            if (why.on()) {
                why.add(Step.CAP, Wording.bonusCap(scheme), bonus, cap, null);
            }
            return cap;
        }
        return bonus;
    }

    /** Steps 8–10 up to rounding: sum, floor, ZERO_TOTAL vetoes, DISQUALIFY, round HALF_UP to two decimals. */
    private void total(BigDecimal bonus, BigDecimal totalDeductions, List<Entry> vetoEntries) {
        BigDecimal sections = ZERO;
        for (BigDecimal value : tally.sections) {
            sections = sections.add(value);
        }
        BigDecimal total = sections.add(bonus).add(totalDeductions);
        if (why.on()) {
            why.add(Step.TOTAL, Wording.sum(scheme, sections, bonus, totalDeductions), null, total, null);
        }
        BigDecimal floor = scheme.totalFloor();
        if (floor != null && total.compareTo(floor) < 0) {
            if (why.on()) {
                why.add(Step.TOTAL, Wording.floor(floor), total, floor, null);
            }
            total = floor;
        }
        boolean disqualified = false;
        for (Entry veto : vetoEntries) {
            for (VetoEffect effect : veto.item().vetoEffects()) {
                switch (effect.kind()) {
                    case ZERO_TOTAL -> {
                        if (why.on()) {
                            why.add(Step.VETO, Wording.zeroTotal(veto.item()), total, ZERO, ref(veto));
                        }
                        total = ZERO;
                    }
                    case FAIL -> {
                        tally.fail = true;
                        if (why.on()) {
                            why.add(Step.VETO, Wording.fail(scheme, veto.item()), null, null, ref(veto));
                        }
                    }
                    case DISQUALIFY -> {
                        disqualified = true;
                        if (why.on()) {
                            why.add(Step.VETO, Wording.disqualify(veto.item()), null, null, ref(veto));
                        }
                    }
                    case ZERO_SECTION -> {
                        // applied to its section in step 6
                    }
                }
            }
        }
        if (disqualified) {
            tally.reason = Reasons.DISQUALIFIED;
            return;
        }
        BigDecimal rounded = Decimals.round(total);
        if (why.on() && rounded.compareTo(total) != 0) {
            why.add(Step.TOTAL, Wording.rounded(), total, rounded, null);
        }
        tally.total = rounded;
    }
}
