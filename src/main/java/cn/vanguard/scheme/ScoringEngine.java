package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;


/**
 * The scoring engine: turns a span of a cycle's ledger into scores, ranks, grades, stars, warnings and their
 * explanation (scoring.md). A pure function of its arguments; the web application, the API and the command line all
 * score through it.
 *
 * <p>Scoring runs in two phases. The member phase ({@link #evaluate}) computes from one member's own inputs everything
 * that does not depend on anybody else, as a {@link MemberFigures} value. The population phase ({@link #standings})
 * grades, ranks, rates and warns a population from those values alone. {@link #score} is exactly the two in a row, so
 * a caller that keeps members' figures (the standings module) re-runs only the population phase when one member
 * changes, and gets what a whole run would give.
 */
public final class ScoringEngine {

    /** The reason a month's own result stands in for when the member was not scored that month. */
    private static final String NOT_SCORED_THIS_MONTH = "not scored this month";

    private ScoringEngine() {
    }

    /**
     * Scores every member of the roster: the member phase for each, then the population phase over all.
     *
     * @param inputs one per member, each member id once; results come back in the same order
     */
    public static ScoreSheet score(Scheme scheme, Span span, List<MemberInput> inputs, ScoringOptions options) {
        requireUnique(inputs.stream().map(i -> i.member().id()).toList());
        return standings(scheme, span, evaluateAll(scheme, span, inputs, options), options);
    }

    /** The member phase for one member (steps 1–9 of scoring.md §3.4, and their per-month results). */
    public static MemberFigures evaluate(Scheme scheme, Span span, MemberInput input, ScoringOptions options) {
        return evaluateAll(scheme, span, List.of(input), options.withParallel(false)).get(0);
    }

    /** The member phase for many members, in input order; the scheme is laid out once for all of them. */
    public static List<MemberFigures> evaluateAll(Scheme scheme, Span span, List<MemberInput> inputs, ScoringOptions options) {
        Plan plan = new Plan(scheme, span);
        List<Plan> monthPlans = monthlyFlagSpans(scheme, span).stream().map(month -> new Plan(scheme, month)).toList();
        IntStream indices = IntStream.range(0, inputs.size());
        if (options.parallel()) {
            indices = indices.parallel();
        }
        return indices.mapToObj(i -> figures(plan, monthPlans, inputs.get(i), options.explain(), options.entryLabel())).toList();
    }

    /**
     * The population phase (step 10 of scoring.md §3.4): grades, flags, ranks, stars and warnings of a population from
     * its members' figures, which must come from the member phase under the same scheme and span. A member whose
     * figures carry an explanation gets it continued with these steps; the others get none.
     *
     * @param figures one per member, each member id once; results come back in the same order
     * @param options only {@code attendanceTracked} and {@code previousProvided} matter here
     */
    public static ScoreSheet standings(Scheme scheme, Span span, List<MemberFigures> figures, ScoringOptions options) {
        return standings(scheme, span, figures, attendanceTracked(scheme, attendanceRecorded(scheme, figures), options), options);
    }

    /**
     * Whether this scheme's population phase relates a member only to the members of their own ranking unit: ranks
     * (and per-month ranks) go by the unit, and stars, if any, are rated unit by unit. Then the population phase over
     * one ranking unit's members ({@link #standingsOfUnit}) gives them what the phase over the whole population gives;
     * the one fact of the whole population it needs is where attendance is recorded ({@link #attendanceRecorded}).
     */
    public static boolean separableByUnit(Scheme scheme) {
        return scheme.ranking() == RankScope.UNIT && (scheme.stars() == null || scheme.stars().scope() == RankScope.UNIT);
    }

    /**
     * The attendance items of the scheme's warnings that anybody among these figures has an entry of in the span: the
     * population-wide fact that decides whether attendance warnings are evaluated at all (scoring.md §10).
     */
    public static Set<String> attendanceRecorded(Scheme scheme, Collection<MemberFigures> figures) {
        Set<String> recorded = new HashSet<>();
        for (WarningRule rule : scheme.warnings()) {
            if (rule.attendance() != null && figures.stream().anyMatch(f -> f.attendanceSeen().contains(rule.attendance().item()))) {
                recorded.add(rule.attendance().item());
            }
        }
        return recorded;
    }

    /**
     * The population phase over the members of one ranking unit, part of a larger population whose members' attendance
     * records show {@code recordedInPopulation} ({@link #attendanceRecorded} over the whole population). For a scheme
     * that is {@link #separableByUnit}, these results (explanations included) are the ones {@link #standings} gives the
     * same members over the whole population, so that one member's change re-runs the phase over their unit only.
     *
     * @param part the unit's members, in the order the whole population has them
     * @throws IllegalArgumentException when the scheme is not separable or the members are of several ranking units
     */
    public static ScoreSheet standingsOfUnit(Scheme scheme, Span span, List<MemberFigures> part, Set<String> recordedInPopulation,
                                             ScoringOptions options) {
        if (!separableByUnit(scheme)) {
            throw new IllegalArgumentException("scheme " + scheme.id() + " ranks or rates members across units");
        }
        if (part.stream().map(f -> f.member().unitId()).distinct().count() > 1) {
            throw new IllegalArgumentException("members of several ranking units");
        }
        return standings(scheme, span, part, attendanceTracked(scheme, recordedInPopulation, options), options);
    }

    private static ScoreSheet standings(Scheme scheme, Span span, List<MemberFigures> figures, Map<String, Boolean> attendanceTracked,
                                        ScoringOptions options) {
        requireUnique(figures.stream().map(f -> f.member().id()).toList());
        List<Tally> tallies = new ArrayList<>(figures.size());
        for (MemberFigures f : figures) {
            tallies.add(tally(scheme, f));
        }
        Standings.apply(scheme, span, tallies, attendanceTracked, options.previousProvided());
        monthlyFlags(scheme, span, figures, tallies);
        List<MemberResult> results = new ArrayList<>(tallies.size());
        for (Tally tally : tallies) {
            results.add(result(scheme, tally));
        }
        return new ScoreSheet(scheme, span, results);
    }

    private static void requireUnique(List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("member " + id + " appears twice");
            }
        }
    }

    /** The months scored on their own for per-month flags: none when the span is itself a month or nothing is monthly. */
    private static List<Span> monthlyFlagSpans(Scheme scheme, Span span) {
        if (span.period() == Period.MONTH || scheme.flags().stream().noneMatch(FlagRule::perMonth)) {
            return List.of();
        }
        return span.monthsInside();
    }

    private static MemberFigures figures(Plan plan, List<Plan> monthPlans, MemberInput input, boolean explain, String label) {
        Scheme scheme = plan.scheme;
        Tally tally = MemberEvaluation.evaluate(plan, input, explain, label);
        Map<String, BigDecimal> attendance = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (WarningRule rule : scheme.warnings()) {
            if (rule.attendance() == null) {
                continue;
            }
            String code = rule.attendance().item();
            if (tally.scored()) {
                BigDecimal quantity = tally.quantity(scheme.indexOf(scheme.item(code)));
                attendance.put(code, quantity);
                if (quantity.signum() > 0) {
                    seen.add(code);
                }
            } else if (input.entries().stream().anyMatch(e -> e.item().code().equals(code) && plan.span.contains(e.date()))) {
                // scored members' quantities are already counted; only the others' entries are looked at
                seen.add(code);
            }
        }
        List<MemberFigures.Month> months = new ArrayList<>(monthPlans.size());
        for (Plan month : monthPlans) {
            Tally own = MemberEvaluation.evaluate(month, input, false, "");
            months.add(new MemberFigures.Month(month.span.label(), own.scored(), own.fail, own.scored() ? own.total : null));
        }
        List<BigDecimal> sections = new ArrayList<>();
        if (tally.scored()) {
            for (BigDecimal section : tally.sections) {
                sections.add(Decimals.round(section));
            }
        }
        return new MemberFigures(tally.member, tally.reason, tally.fail, tally.scored() ? tally.total : null, sections,
                tally.scored() ? Decimals.round(tally.bonus) : null, tally.scored() ? Decimals.round(tally.deductions) : null,
                tally.vetoes.stream().map(Item::code).toList(), attendance, seen, tally.previous, months,
                explain ? tally.explanation.lines() : null);
    }

    /** A member's figures laid out again as the population phase works on them. */
    private static Tally tally(Scheme scheme, MemberFigures f) {
        Tally tally = new Tally(f.member(), f.explanation() == null ? Explanation.off() : Explanation.continuing(f.explanation()),
                f.previous());
        tally.reason = f.reason();
        tally.fail = f.fail();
        tally.total = f.total();
        tally.sections = f.sections().toArray(BigDecimal[]::new);
        tally.bonus = f.bonus();
        tally.deductions = f.deductions();
        for (String code : f.vetoes()) {
            tally.vetoes.add(scheme.item(code));
        }
        if (!f.attendance().isEmpty()) {
            tally.quantities = new BigDecimal[scheme.items().size()];
            f.attendance().forEach((code, quantity) -> tally.quantities[scheme.indexOf(scheme.item(code))] = quantity);
        }
        return tally;
    }

    /**
     * Attendance warnings are evaluated only where attendance is recorded: as the caller says, or else when anybody in
     * the population has an entry of the attendance item inside the span (scoring.md §10).
     */
    private static Map<String, Boolean> attendanceTracked(Scheme scheme, Set<String> recordedInPopulation, ScoringOptions options) {
        Map<String, Boolean> tracked = new HashMap<>();
        for (WarningRule rule : scheme.warnings()) {
            if (rule.attendance() != null) {
                String code = rule.attendance().item();
                tracked.put(code, options.attendanceTracked() != null ? options.attendanceTracked() : recordedInPopulation.contains(code));
            }
        }
        return tracked;
    }

    /**
     * Per-month flags (月度: ≥5 荣誉证书, 前五名公示). When the span is one month they are the month's own flags;
     * over a longer span every month is ranked on the members' own results of that month and the flag is reported as
     * {@code CODE@2025-03}.
     */
    private static void monthlyFlags(Scheme scheme, Span span, List<MemberFigures> figures, List<Tally> tallies) {
        List<FlagRule> monthly = scheme.flags().stream().filter(FlagRule::perMonth).toList();
        if (monthly.isEmpty()) {
            return;
        }
        if (span.period() == Period.MONTH) {
            applyMonthly(monthly, tallies, tallies, null);
            return;
        }
        List<Span> months = span.monthsInside();
        for (int m = 0; m < months.size(); m++) {
            List<Tally> monthTallies = new ArrayList<>(figures.size());
            for (MemberFigures f : figures) {
                if (f.months().size() != months.size() || !f.months().get(m).label().equals(months.get(m).label())) {
                    throw new IllegalArgumentException("figures of " + f.member().id() + " were evaluated for another span");
                }
                MemberFigures.Month own = f.months().get(m);
                Tally monthTally = new Tally(f.member(), Explanation.off(), null);
                monthTally.reason = own.scored() ? null : NOT_SCORED_THIS_MONTH;
                monthTally.fail = own.fail();
                monthTally.total = own.total();
                monthTallies.add(monthTally);
            }
            Standings.rank(scheme.ranking(), monthTallies.stream().filter(Tally::scored).toList(), false);
            applyMonthly(monthly, tallies, monthTallies, months.get(m));
        }
    }

    private static void applyMonthly(List<FlagRule> rules, List<Tally> tallies, List<Tally> monthTallies, Span month) {
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
