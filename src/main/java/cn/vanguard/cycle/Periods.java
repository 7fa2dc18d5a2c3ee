package cn.vanguard.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.NotFound;
import cn.vanguard.cycle.internal.PeriodRows;
import cn.vanguard.cycle.internal.PeriodUnits;
import cn.vanguard.cycle.internal.SnapshotRows;
import cn.vanguard.org.Units;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.scheme.Publicity;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * Reading the cycle: a unit's periods (made as they begin), a period with its snapshots, lines and history. Who may
 * read: those with VIEW_PERIODS over the unit, and the unit's own members; to anybody else a period does not exist.
 */
@Service
public class Periods {

    private final PeriodRows rows;
    private final SnapshotRows snapshots;
    private final PeriodUnits periodUnits;
    private final Units units;
    private final Guard guard;
    private final Clock clock;

    Periods(PeriodRows rows, SnapshotRows snapshots, PeriodUnits periodUnits, Units units, Guard guard, Clock clock) {
        this.rows = rows;
        this.snapshots = snapshots;
        this.periodUnits = periodUnits;
        this.units = units;
        this.guard = guard;
        this.clock = clock;
    }

    /** A unit that runs periods, as a list of them shows it. */
    public record PeriodUnit(long unitId, String unitName, PublishedScheme scheme, boolean reviewFirst) {
    }

    /**
     * Every unit running periods in a cycle that the current user may see, with its periods that have begun (made as
     * they begin), oldest first: one look at the cycle's units for all of them.
     */
    @Transactional
    public java.util.Map<PeriodUnit, List<EvaluationPeriod>> overview(int year) {
        java.util.Map<PeriodUnit, List<EvaluationPeriod>> all = new java.util.LinkedHashMap<>();
        LocalDate today = today();
        for (PeriodUnits.Setup setup : periodUnits.all(year)) {
            if (readable(setup.unitId())) {
                rows.ensure(setup.unitId(), setup.spansBegunBy(today), clock.instant());
                all.put(new PeriodUnit(setup.unitId(), units.name(setup.unitId()), setup.scheme(), setup.reviewFirst()),
                        rows.ofUnit(setup.unitId(), year));
            }
        }
        return all;
    }

    /** A unit's periods of a cycle that have begun, oldest first; empty when the unit runs none. */
    @Transactional
    public List<EvaluationPeriod> ofUnit(long unitId, int year) {
        if (!readable(unitId)) {
            throw new NotFound("组织不存在");
        }
        Optional<PeriodUnits.Setup> setup = periodUnits.of(unitId, year);
        if (setup.isEmpty()) {
            return List.of();
        }
        rows.ensure(unitId, setup.get().spansBegunBy(today()), clock.instant());
        return rows.ofUnit(unitId, year);
    }

    /** Makes the periods of the current cycle that have begun, for every unit that runs periods (the window clock's round). */
    @Transactional
    public void openBegun() {
        LocalDate today = today();
        for (PeriodUnits.Setup setup : periodUnits.all(today.getYear())) {
            rows.ensure(setup.unitId(), setup.spansBegunBy(today), clock.instant());
        }
    }

    /** A period the current user may read. */
    public EvaluationPeriod get(long id) {
        return rows.find(id).filter(p -> readable(p.unitId())).orElseThrow(() -> new NotFound("考评期不存在"));
    }

    /** Whether the current user may run the period's steps, close it, or review it (the page offers the buttons). */
    public boolean may(Permission permission, EvaluationPeriod period) {
        return guard.can(permission, period.unitId());
    }

    /** Whether the current user may read everybody's lines of the period (not just their own). */
    public boolean seesAll(EvaluationPeriod period) {
        return guard.can(Permission.VIEW_PERIODS, period.unitId());
    }

    public String unitName(EvaluationPeriod period) {
        return units.name(period.unitId());
    }

    public List<PeriodMove> history(EvaluationPeriod period) {
        return rows.moves(period.id());
    }

    /** The period's snapshots, the first first. */
    public List<Snapshot> snapshots(EvaluationPeriod period) {
        return snapshots.ofPeriod(period.id());
    }

    /**
     * The lines of the period's latest snapshot the current user may read: all of them for those over the unit, the
     * member's own otherwise (publicity shows the others' on its own list).
     */
    public List<SnapshotLine> lines(EvaluationPeriod period) {
        Optional<Long> latest = snapshots.latestId(period.id());
        if (latest.isEmpty()) {
            return List.of();
        }
        if (seesAll(period)) {
            return snapshots.lines(latest.get(), null);
        }
        Long self = guard.current().memberId();
        return self == null ? List.of() : snapshots.lines(latest.get(), self);
    }

    /**
     * The published list (公示名单): every line of the latest snapshot, for those over the unit at any time and for the
     * unit's members once the period has been published (during the window and after it, as the period's record).
     */
    public List<SnapshotLine> publicityLines(EvaluationPeriod period) {
        if (!seesAll(period) && period.windowStarts() == null) {
            throw new NotFound("公示名单不存在");
        }
        Optional<Long> latest = snapshots.latestId(period.id());
        if (latest.isEmpty()) {
            return List.of();
        }
        List<SnapshotLine> lines = snapshots.lines(latest.get(), null);
        Integer top = publicityTop(period);
        // a list of the best (每月前五名公示) names those ranked 1 to top only, and nobody without a point: a member who
        // scored nothing is ranked but is not among the best (branch-hourly's interpretation)
        return top == null ? lines : lines.stream()
                .filter(l -> l.rank() != null && l.rank() <= top && l.total() != null && l.total().signum() > 0).toList();
    }

    /** How many ranks the publicity list names where it is a list of the best (前五名公示); null where it lists everybody. */
    public Integer publicityTop(EvaluationPeriod period) {
        return periodUnits.of(period.unitId(), period.year()).map(s -> s.publicity().top()).orElse(null);
    }

    /**
     * What the publicity list shows of each line: what the scheme's {@code publicity.shows} names (the least the rule
     * needs, name, total and grade, where it names nothing), and the rank too where members see each other's ranks.
     */
    public List<String> publicityShows(EvaluationPeriod period) {
        Publicity publicity = periodUnits.of(period.unitId(), period.year()).map(PeriodUnits.Setup::publicity)
                .orElse(PeriodUnits.DEFAULT_PUBLICITY);
        if (publicity.showRankToMembers() && !publicity.shows().contains("rank")) {
            List<String> shows = new java.util.ArrayList<>(publicity.shows());
            shows.add(Math.min(shows.size(), shows.indexOf("name") + 1), "rank");
            return shows;
        }
        return publicity.shows();
    }

    /** The unit a period belongs to, with the scheme it runs under. */
    public PeriodUnit unit(EvaluationPeriod period) {
        PeriodUnits.Setup setup = periodUnits.of(period.unitId(), period.year()).orElseThrow(() -> new NotFound("考评期不存在"));
        return new PeriodUnit(setup.unitId(), units.name(setup.unitId()), setup.scheme(), setup.reviewFirst());
    }

    /** How many members of a snapshot confirmed, disputed, have not answered (CONFIRMED, DISPUTED, NONE). */
    public java.util.Map<String, Long> answers(Snapshot snapshot) {
        return snapshots.answerCounts(snapshot.id(), snapshot.memberCount());
    }

    /**
     * Those over the unit and its members. A role held inside the unit alone (a group leader of one of a branch's groups)
     * does not open the branch's periods: the group leader sees them as the member they are.
     */
    private boolean readable(long unitId) {
        if (guard.can(Permission.VIEW_PERIODS, unitId)) {
            return true;
        }
        Long self = guard.current().memberId();
        return self != null && units.memberUnit(self).map(u -> units.within(u, unitId)).orElse(false);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
