package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 10 of scoring.md §3.4, the part that depends on other members or on the previous cycle: grade (§7),
 * flags, rank (§8), stars (§9) and warnings (§10).
 */
final class Standings {

    private static final Comparator<Tally> BY_TOTAL_DESCENDING = (a, b) -> b.total.compareTo(a.total);

    private final Scheme scheme;
    private final Span span;

    private Standings(Scheme scheme, Span span) {
        this.scheme = scheme;
        this.span = span;
    }

    static void apply(Scheme scheme, Span span, List<Tally> tallies, Map<String, Boolean> attendanceTracked, boolean previousProvided) {
        Standings standings = new Standings(scheme, span);
        List<Tally> scored = tallies.stream().filter(Tally::scored).toList();
        for (Tally tally : scored) {
            standings.grade(tally);
            standings.scoreFlags(tally);
        }
        rank(scheme.ranking(), scored, true);
        for (Tally tally : scored) {
            standings.rankFlags(tally);
        }
        if (scheme.stars() != null) {
            standings.stars(scored);
        }
        for (Tally tally : scored) {
            standings.warnings(tally, attendanceTracked, previousProvided);
        }
    }

    private void grade(Tally tally) {
        Grading grading = scheme.grading();
        Explanation why = tally.explanation;
        if (tally.fail) {
            tally.grade = grading.failing();
            tally.graded = true;
            if (why.on()) {
                why.add(Step.GRADE, Wording.failGrade(grading), null, null, null);
            }
        } else if (grading.notGraded().contains(tally.member.type())) {
            tally.graded = false;
            if (why.on()) {
                why.add(Step.GRADE, Wording.notGraded(tally.member.type(), grading), null, null, null);
            }
        } else if (grading.bands().isEmpty()) {
            tally.graded = false;
            if (why.on()) {
                why.add(Step.GRADE, "本方案未设等次，由党组织另行评定", null, null, null);
            }
        } else {
            GradeBand band = grading.bandOf(tally.total);
            tally.grade = band.grade();
            tally.graded = true;
            if (why.on()) {
                why.add(Step.GRADE, Wording.band(grading, band, tally.total), tally.total, null, null);
            }
        }
    }

    /** Flags by total. A FAIL veto clears all flags (scoring.md §7). */
    private void scoreFlags(Tally tally) {
        if (tally.fail) {
            return;
        }
        for (FlagRule flag : scheme.flags()) {
            if (flag.atLeast() != null && !flag.perMonth() && applies(flag.yearOnly()) && tally.total.compareTo(flag.atLeast()) >= 0) {
                tally.flags.add(flag.code());
                if (tally.explanation.on()) {
                    tally.explanation.add(Step.FLAG, Wording.scoreFlag(flag, tally.total), tally.total, null, null);
                }
            }
        }
    }

    /** Flags by rank (年度积分最高: rank 1). Per-month rank flags are the engine's monthly pass. */
    private void rankFlags(Tally tally) {
        if (tally.fail) {
            return;
        }
        for (FlagRule flag : scheme.flags()) {
            if (flag.rankAtMost() != null && !flag.perMonth() && applies(flag.yearOnly()) && tally.total.signum() > 0
                    && tally.rank <= flag.rankAtMost()) {
                tally.flags.add(flag.code());
                if (tally.explanation.on()) {
                    tally.explanation.add(Step.FLAG, Wording.rankFlag(flag, tally.rank), tally.total, null, null);
                }
            }
        }
    }

    /**
     * Shared ranks by rounded total, highest first: 1, 2, 2, 4 (scoring.md §8). Population: scored members of the
     * ranking unit (disqualified members are not scored).
     */
    static void rank(RankScope scope, List<Tally> scored, boolean explain) {
        for (List<Tally> population : populations(scope, scored).values()) {
            List<Tally> ordered = new ArrayList<>(population);
            ordered.sort(BY_TOTAL_DESCENDING);
            for (int i = 0; i < ordered.size(); i++) {
                Tally tally = ordered.get(i);
                boolean tie = i > 0 && ordered.get(i - 1).total.compareTo(tally.total) == 0;
                tally.rank = tie ? ordered.get(i - 1).rank : i + 1;
            }
            if (explain) {
                for (int i = 0; i < ordered.size(); ) {
                    int end = i;
                    while (end < ordered.size() && ordered.get(end).total.compareTo(ordered.get(i).total) == 0) {
                        end++;
                    }
                    for (Tally tally : ordered.subList(i, end)) {
                        if (tally.explanation.on()) {
                            tally.explanation.add(Step.RANK,
                                    Wording.rank(scope, tally.member, ordered.size(), tally.rank, end - i), tally.total, null, null);
                        }
                    }
                    i = end;
                }
            }
        }
    }

    /** Keyed by the unit's identity, never by its name: two branches called alike are two populations. */
    private static Map<String, List<Tally>> populations(RankScope scope, List<Tally> scored) {
        Map<String, List<Tally>> populations = new LinkedHashMap<>();
        for (Tally tally : scored) {
            String key = scope == RankScope.ALL ? "" : tally.member.unitId();
            populations.computeIfAbsent(key, k -> new ArrayList<>()).add(tally);
        }
        return populations;
    }

    /**
     * 评星定级 (scoring.md §9). A unit the scheme gives quotas of its own (named as its members' {@code unit}) is rated on
     * its own; populations are keyed by the unit's identity.
     */
    private void stars(List<Tally> scored) {
        StarRule rule = scheme.stars();
        Map<String, List<Tally>> populations = new LinkedHashMap<>();
        Map<String, List<StarQuota>> quotasOf = new LinkedHashMap<>();
        for (Tally tally : scored) {
            if (!tally.member.type().isPartyMember()) {
                if (tally.explanation.on()) {
                    tally.explanation.add(Step.STAR, "入党积极分子参照执行积分管理，但不是党员，不参与评星定级", null, null, null);
                }
                continue;
            }
            List<StarQuota> own = rule.unitQuotas().get(tally.member.unit());
            String key = rule.scope() == RankScope.UNIT || own != null ? "#" + tally.member.unitId() : "";
            populations.computeIfAbsent(key, k -> new ArrayList<>()).add(tally);
            quotasOf.putIfAbsent(key, own != null ? own : rule.quotas());
        }
        for (Map.Entry<String, List<Tally>> population : populations.entrySet()) {
            rate(rule, quotasOf.get(population.getKey()), population.getValue());
        }
    }

    private void rate(StarRule rule, List<StarQuota> quotas, List<Tally> population) {
        int n = population.size();
        int[] counts = new int[quotas.size()];
        for (int q = 0; q < quotas.size(); q++) {
            counts[q] = quotas.get(q).percent().multiply(BigDecimal.valueOf(n))
                    .divide(Decimals.HUNDRED, 0, RoundingMode.HALF_UP).intValueExact();
        }
        List<Tally> eligible = new ArrayList<>();
        for (Tally tally : population) {
            boolean ok = eligible(rule, tally);
            if (tally.explanation.on()) {
                tally.explanation.add(Step.STAR, Wording.starQuotas(quotas, n, counts), null, null, null);
                tally.explanation.add(Step.STAR, Wording.starEligibility(scheme, rule, tally, ok), tally.total, null, null);
            }
            if (ok) {
                eligible.add(tally);
            }
        }
        eligible.sort(BY_TOTAL_DESCENDING);
        int position = 0;
        for (int q = 0; q < quotas.size(); q++) {
            int admitted = 0;
            BigDecimal last = null;
            while (position < eligible.size()
                    && (admitted < counts[q] || (last != null && eligible.get(position).total.compareTo(last) == 0))) {
                Tally tally = eligible.get(position);
                boolean tie = admitted >= counts[q];
                tally.stars = quotas.get(q).stars();
                if (tally.explanation.on()) {
                    tally.explanation.add(Step.STAR, Wording.starAwarded(quotas.get(q), position + 1, tie), tally.total, null, null);
                }
                last = tally.total;
                admitted++;
                position++;
            }
        }
        for (int i = position; i < eligible.size(); i++) {
            Tally tally = eligible.get(i);
            if (tally.explanation.on()) {
                tally.explanation.add(Step.STAR, "各星级名额已满，本次未评星", tally.total, null, null);
            }
        }
    }

    private boolean eligible(StarRule rule, Tally tally) {
        if (tally.fail || tally.total.compareTo(rule.minTotal()) < 0) {
            return false;
        }
        return rule.minSectionCode() == null
                || Decimals.round(tally.sections[scheme.sectionIndexOf(rule.minSectionCode())]).compareTo(rule.minSection()) >= 0;
    }

    /** Whether a rule that may be limited to the whole cycle applies to the evaluated span. */
    private boolean applies(boolean yearOnly) {
        return !yearOnly || span.isWholeYear();
    }

    /** 预警 (scoring.md §10). */
    private void warnings(Tally tally, Map<String, Boolean> attendanceTracked, boolean previousProvided) {
        for (WarningRule rule : scheme.warnings()) {
            if (!applies(rule.yearOnly())) {
                continue;
            }
            Attendance attendance = rule.attendance();
            if (attendance != null) {
                BigDecimal required = attendance.required().get(tally.member.category());
                if (required == null || !attendanceTracked.getOrDefault(attendance.item(), false)) {
                    continue;
                }
                BigDecimal attended = tally.quantity(scheme.indexOf(scheme.item(attendance.item())));
                if (attended.compareTo(required) < 0) {
                    fire(tally, rule, Wording.attendanceWarning(scheme, rule, tally.member.category(), attended, required));
                }
                continue;
            }
            if (!rule.appliesTo(tally.member.type()) || !rule.bandContains(tally.total)) {
                continue;
            }
            if (rule.cycles() > 1) {
                BigDecimal previous = tally.previous == null ? null : tally.previous.total();
                if (previous == null || !rule.bandContains(previous)) {
                    if (tally.explanation.on() && !previousProvided) {
                        tally.explanation.add(Step.WARNING, Wording.previousMissing(rule), null, null, null);
                    }
                    continue;
                }
                fire(tally, rule, Wording.consecutiveWarning(rule, previous, tally.total));
                continue;
            }
            fire(tally, rule, Wording.bandWarning(rule, tally.member.type(), tally.total));
        }
    }

    private static void fire(Tally tally, WarningRule rule, String sentence) {
        tally.warnings.add(rule.code());
        if (tally.explanation.on()) {
            tally.explanation.add(Step.WARNING, sentence, tally.total, null, null);
        }
    }
}
