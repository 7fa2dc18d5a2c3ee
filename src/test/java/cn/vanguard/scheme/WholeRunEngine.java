package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The engine as it was before the member and population phases were split: one run over the whole population. Kept as
 * the oracle of {@link PhasesComposeTest}, which proves the split changed no result.
 */
final class WholeRunEngine {

    private WholeRunEngine() {
    }

    /**
     * Scores every member of the roster.
     *
     * @param inputs one per member, each member id once; results come back in the same order
     */
    public static ScoreSheet score(Scheme scheme, Span span, List<MemberInput> inputs, ScoringOptions options) {
        requireUniqueMembers(inputs);
        Plan plan = new Plan(scheme, span);
        List<Tally> tallies = evaluateAll(plan, inputs, options.explain(), options.entryLabel(), options.parallel());
        Standings.apply(scheme, span, tallies, attendanceTracked(scheme, span, inputs, tallies, options), options.previousProvided());
        monthlyFlags(scheme, span, inputs, tallies, options.parallel());
        List<MemberResult> results = new ArrayList<>(tallies.size());
        for (Tally tally : tallies) {
            results.add(result(scheme, tally));
        }
        return new ScoreSheet(scheme, span, results);
    }

    private static void requireUniqueMembers(List<MemberInput> inputs) {
        Set<String> ids = new HashSet<>();
        for (MemberInput input : inputs) {
            if (!ids.add(input.member().id())) {
                throw new IllegalArgumentException("member " + input.member().id() + " appears twice");
            }
        }
    }

    private static List<Tally> evaluateAll(Plan plan, List<MemberInput> inputs, boolean explain, String label, boolean parallel) {
        IntStream indices = IntStream.range(0, inputs.size());
        if (parallel) {
            indices = indices.parallel();
        }
        return indices.mapToObj(i -> MemberEvaluation.evaluate(plan, inputs.get(i), explain, label)).toList();
    }

    /**
     * Attendance warnings are evaluated only where attendance is recorded: as the caller says, or else when anybody
     * has an entry of the attendance item inside the span (scoring.md §10).
     */
    private static Map<String, Boolean> attendanceTracked(Scheme scheme, Span span, List<MemberInput> inputs, List<Tally> tallies,
                                                          ScoringOptions options) {
        Map<String, Boolean> tracked = new HashMap<>();
        for (WarningRule rule : scheme.warnings()) {
            if (rule.attendance() == null) {
                continue;
            }
            String code = rule.attendance().item();
            if (options.attendanceTracked() != null) {
                tracked.put(code, options.attendanceTracked());
                continue;
            }
            int index = scheme.indexOf(scheme.item(code));
            boolean seen = false;
            for (int i = 0; i < tallies.size() && !seen; i++) {
                // scored members' quantities are already counted; only the others' entries are looked at
                seen = tallies.get(i).scored() ? tallies.get(i).quantity(index).signum() > 0
                        : inputs.get(i).entries().stream().anyMatch(e -> e.item().code().equals(code) && span.contains(e.date()));
            }
            tracked.put(code, seen);
        }
        return tracked;
    }

    /**
     * Per-month flags (月度: ≥5 荣誉证书, 前五名公示). When the span is one month they are the month's own flags;
     * over a longer span every month is scored on its own entries and the flag is reported as {@code CODE@2025-03}.
     */
    private static void monthlyFlags(Scheme scheme, Span span, List<MemberInput> inputs, List<Tally> tallies, boolean parallel) {
        List<FlagRule> monthly = scheme.flags().stream().filter(FlagRule::perMonth).toList();
        if (monthly.isEmpty()) {
            return;
        }
        if (span.period() == Period.MONTH) {
            applyMonthly(scheme, monthly, tallies, tallies, null);
            return;
        }
        for (Span month : span.monthsInside()) {
            List<Tally> monthTallies = evaluateAll(new Plan(scheme, month), inputs, false, "", parallel);
            Standings.rank(scheme.ranking(), monthTallies.stream().filter(Tally::scored).toList(), false);
            applyMonthly(scheme, monthly, tallies, monthTallies, month);
        }
    }

    private static void applyMonthly(Scheme scheme, List<FlagRule> rules, List<Tally> tallies, List<Tally> monthTallies, Span month) {
        for (int i = 0; i < tallies.size(); i++) {
            Tally tally = tallies.get(i);
            Tally monthTally = monthTallies.get(i);
            if (!tally.scored() || !monthTally.scored() || monthTally.fail || tally.fail) {
                continue;
            }
            for (FlagRule rule : rules) {
                boolean reached = rule.atLeast() != null
                        ? monthTally.total.compareTo(rule.atLeast()) >= 0
                        : monthTally.rank != null && monthTally.total.signum() > 0 && monthTally.rank <= rule.rankAtMost();
                if (reached) {
                    tally.flags.add(month == null ? rule.code() : rule.code() + "@" + month.label());
                    if (tally.explanation.on()) {
                        tally.explanation.add(Step.FLAG, Wording.monthlyFlag(rule, month, monthTally), monthTally.total, null, null);
                    }
                }
            }
        }
    }

    private static MemberResult result(Scheme scheme, Tally tally) {
        List<String> vetoes = tally.vetoes.stream().map(Item::code).toList();
        List<ExplanationLine> explanation = tally.explanation.lines();
        if (!tally.scored()) {
            boolean disqualified = Reasons.DISQUALIFIED.equals(tally.reason);
            return new MemberResult(tally.member, false, tally.reason, null, null,
                    disqualified ? Reasons.DISQUALIFIED : null, false, null, Map.of(), null, null,
                    disqualified ? vetoes : List.of(), List.of(), List.of(), explanation);
        }
        Map<String, BigDecimal> sections = new LinkedHashMap<>();
        for (int s = 0; s < tally.sections.length; s++) {
            sections.put(scheme.sections().get(s).code(), Decimals.round(tally.sections[s]));
        }
        return new MemberResult(tally.member, true, null, tally.total, tally.rank, tally.grade, tally.graded, tally.stars,
                sections, Decimals.round(tally.bonus), Decimals.round(tally.deductions), vetoes,
                List.copyOf(tally.flags), List.copyOf(tally.warnings), explanation);
    }
}
