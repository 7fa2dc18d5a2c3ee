package cn.vanguard.cycle.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Period;
import cn.vanguard.scheme.Publicity;
import cn.vanguard.scheme.ScoringEngine;
import cn.vanguard.scheme.Span;
import cn.vanguard.standings.Standing;
import cn.vanguard.standings.Standings;

/**
 * Which units run periods in a cycle, under which scheme, and who their members are: a branch whose scheme ranks by
 * branch, or the unit of a scheme that ranks its members together (cycle.md §1). Read from the stored standings.
 */
@Component
public class PeriodUnits {

    /** Publicity where a scheme names none: five working days, before the higher review (seed 003). (interpretation) */
    public static final Publicity DEFAULT_PUBLICITY = new Publicity(5, true, false);

    private final Standings standings;
    private final Schemes schemes;
    private final Members members;

    PeriodUnits(Standings standings, Schemes schemes, Members members) {
        this.standings = standings;
        this.schemes = schemes;
        this.members = members;
    }

    /** A unit that runs periods: its scheme, and whether the scheme ranks by branch (members are the branch's). */
    public record Setup(long unitId, int year, PublishedScheme scheme, boolean byBranch) {

        public Publicity publicity() {
            return scheme.scheme().publicity() == null ? DEFAULT_PUBLICITY : scheme.scheme().publicity();
        }

        /** 上级审核后公示 (seed 004) rather than 公示后报上级审核 (seed 003). */
        public boolean reviewFirst() {
            return publicity().afterHigherReview();
        }

        /** The periods of the cycle that have begun by {@code today}, in order. */
        public List<Span> spansBegunBy(LocalDate today) {
            return spans(year, scheme.scheme().evaluation()).stream().filter(s -> !s.from().isAfter(today)).toList();
        }

        /** The period a date of the cycle falls in. */
        public Span spanOf(LocalDate date) {
            return spans(year, scheme.scheme().evaluation()).stream().filter(s -> s.contains(date)).findFirst().orElseThrow();
        }
    }

    static List<Span> spans(int year, Period evaluation) {
        List<Span> spans = new ArrayList<>();
        switch (evaluation) {
            case MONTH -> { for (int m = 1; m <= 12; m++) { spans.add(Span.month(year, m)); } }
            case QUARTER -> { for (int q = 1; q <= 4; q++) { spans.add(Span.quarter(year, q)); } }
            case HALF -> { spans.add(Span.half(year, 1)); spans.add(Span.half(year, 2)); }
            case YEAR -> spans.add(Span.year(year));
        }
        return spans;
    }

    /** Every unit that runs periods in a cycle. */
    public List<Setup> all(int year) {
        List<Setup> setups = new ArrayList<>();
        Set<Long> together = new HashSet<>();
        // a committee's hundred branches share one or two versions: each is read once
        Map<Long, PublishedScheme> versions = new java.util.HashMap<>();
        for (Map.Entry<Long, Long> e : standings.rankingUnits(year).entrySet()) {
            PublishedScheme scheme = versions.computeIfAbsent(e.getValue(), schemes::get);
            if (ScoringEngine.separableByUnit(scheme.scheme())) {
                setups.add(new Setup(e.getKey(), year, scheme, true));
            } else if (together.add(scheme.unitId())) {
                setups.add(new Setup(scheme.unitId(), year, scheme, false));
            }
        }
        return setups;
    }

    /**
     * The unit's setup, as {@link #all} would give it, read for the unit alone (a period's page and every move ask for it):
     * a branch ranking its members under a scheme that ranks by branch, or the unit of a scheme that ranks its members
     * together and scores somebody.
     */
    public Optional<Setup> of(long unitId, int year) {
        Optional<PublishedScheme> branchScheme = standings.versionOfRankingUnit(year, unitId).map(schemes::get)
                .filter(s -> ScoringEngine.separableByUnit(s.scheme()));
        if (branchScheme.isPresent()) {
            return Optional.of(new Setup(unitId, year, branchScheme.get(), true));
        }
        return schemes.effective(unitId, year).filter(s -> s.unitId() == unitId && !ScoringEngine.separableByUnit(s.scheme()))
                .filter(s -> standings.anyUnder(year, s.id())).map(s -> new Setup(unitId, year, s, false));
    }

    /** The members a period of this unit reports on, by code: those whose stored standing is in its population. */
    public List<MemberRecord> members(Setup setup) {
        List<Standing> rows = setup.byBranch() ? standings.ofRankingUnit(setup.year(), setup.unitId())
                : standings.rankingUnits(setup.year()).entrySet().stream().filter(e -> e.getValue() == setup.scheme().id())
                        .flatMap(e -> standings.ofRankingUnit(setup.year(), e.getKey()).stream()).toList();
        Set<Long> ids = new HashSet<>(rows.stream().map(Standing::memberId).toList());
        return members.inSubtree(setup.byBranch() ? setup.unitId() : setup.scheme().unitId()).stream()
                .filter(m -> ids.contains(m.id())).sorted(java.util.Comparator.comparing(MemberRecord::code)).toList();
    }
}
