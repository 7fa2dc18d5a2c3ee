package cn.vanguard.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.NotFound;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.calendar.PublicityWindow;
import cn.vanguard.calendar.WindowUnit;
import cn.vanguard.cycle.internal.ObjectionRows;
import cn.vanguard.cycle.internal.PeriodRows;
import cn.vanguard.cycle.internal.PeriodUnits;
import cn.vanguard.cycle.internal.Snapshotter;
import cn.vanguard.cycle.internal.Windows;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * Moving a period on (cycle.md §1): one call per action, each checking who may, the state the period is in (a
 * {@link PeriodStatus} move the scheme's order allows) and its version, then moving it, writing its history and the
 * audit line in the same transaction and announcing {@link PeriodMoved}.
 */
@Service
public class PeriodActions {

    private final PeriodRows rows;
    private final PeriodUnits periodUnits;
    private final Snapshotter snapshotter;
    private final ObjectionRows objections;
    private final Windows windows;
    private final Ledger ledger;
    private final Guard guard;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PeriodActions(PeriodRows rows, PeriodUnits periodUnits, Snapshotter snapshotter, ObjectionRows objections, Windows windows,
                  Ledger ledger, Guard guard, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.rows = rows;
        this.periodUnits = periodUnits;
        this.snapshotter = snapshotter;
        this.objections = objections;
        this.windows = windows;
        this.ledger = ledger;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** Entries dated in the period still waiting for review: closing asks for them to be decided first (or a reason). */
    public List<LedgerEntry> pendingAtClose(EvaluationPeriod period) {
        List<LedgerEntry> pending = new ArrayList<>();
        for (EntryStatus status : List.of(EntryStatus.FIRST_CHECK, EntryStatus.PENDING)) {
            pending.addAll(ledger.search(new Ledger.Filter(period.unitId(), null, status, null, period.startsOn(), period.endsOn()), 200));
        }
        return pending;
    }

    /**
     * Closes the period (汇总): its results frozen as a snapshot, members asked to confirm. Entries of the period still
     * waiting need deciding first, or a reason; they then count in the next period open when they are approved.
     */
    @Transactional
    public EvaluationPeriod close(long id, int version, String reason) {
        EvaluationPeriod period = readable(id);
        guard.require(Permission.CLOSE_PERIODS, period.unitId());
        PeriodUnits.Setup setup = setup(period);
        refuseUnlessMay(period, PeriodStatus.CLOSED, setup, version);
        for (EvaluationPeriod earlier : rows.ofUnit(period.unitId(), period.year())) {
            if (earlier.startsOn().isBefore(period.startsOn()) && earlier.status().counting()) {
                throw new Conflict("请先汇总" + earlier.chineseLabel() + "，再汇总" + period.chineseLabel());
            }
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        int pending = pendingAtClose(period).size();
        if (pending > 0 && why == null) {
            throw Invalid.of("reason", "本期还有" + pending + "条记录待审核：请先审核，或填写原因后汇总（这些记录审核通过后计入下一期）");
        }
        if (why != null && why.length() > 500) {
            throw Invalid.of("reason", "原因不能超过500字");
        }
        boolean again = period.status() == PeriodStatus.RETURNED;
        CurrentUser user = guard.current();
        EvaluationPeriod moved = move(period, PeriodStatus.CLOSED, why, null, setup);
        snapshotter.make(moved, setup, again ? "退回后重新汇总" : "汇总", user.accountId());
        return moved;
    }

    /** Records the branch committee's review (支部评定). */
    @Transactional
    public EvaluationPeriod sign(long id, int version) {
        return step(id, version, PeriodStatus.SIGNED, null);
    }

    /** Publishes the results for objections (公示) from today, for the scheme's window. */
    @Transactional
    public EvaluationPeriod publish(long id, int version) {
        EvaluationPeriod period = readable(id);
        guard.require(Permission.RUN_PERIODS, period.unitId());
        PeriodUnits.Setup setup = setup(period);
        refuseUnlessMay(period, PeriodStatus.PUBLISHED, setup, version);
        return move(period, PeriodStatus.PUBLISHED, null, windows.of(today(), setup.publicity()), setup);
    }

    /** Submits a signed period for the higher review, where the scheme has the review before publicity (上级审核后公示). */
    @Transactional
    public EvaluationPeriod submit(long id, int version) {
        return step(id, version, PeriodStatus.SUBMITTED, null);
    }

    /** The committee approves the period (上级审核通过). */
    @Transactional
    public EvaluationPeriod approve(long id, int version) {
        int read = endedMeanwhile(id) ? version + 1 : version;
        EvaluationPeriod period = readable(id);
        guard.require(Permission.APPROVE_PERIODS, period.unitId());
        PeriodUnits.Setup setup = setup(period);
        refuseUnlessMay(period, PeriodStatus.APPROVED, setup, read);
        return move(period, PeriodStatus.APPROVED, null, null, setup);
    }

    /** The committee returns the period with a reason (退回): the branch closes it again, with a new snapshot. */
    @Transactional
    public EvaluationPeriod returnPeriod(long id, int version, String reason) {
        int read = endedMeanwhile(id) ? version + 1 : version;
        EvaluationPeriod period = readable(id);
        guard.require(Permission.APPROVE_PERIODS, period.unitId());
        PeriodUnits.Setup setup = setup(period);
        refuseUnlessMay(period, PeriodStatus.RETURNED, setup, read);
        if (reason == null || reason.isBlank()) {
            throw Invalid.of("reason", "请填写退回原因");
        }
        if (reason.strip().length() > 500) {
            throw Invalid.of("reason", "退回原因不能超过500字");
        }
        return move(period, PeriodStatus.RETURNED, reason.strip(), null, setup);
    }

    /**
     * Republishes after objections were upheld and corrected (cycle.md §4): a new snapshot and a new full window; with
     * the review before publicity, the corrected results go back to the committee instead.
     */
    @Transactional
    public EvaluationPeriod republish(long id, int version) {
        EvaluationPeriod period = readable(id);
        guard.require(Permission.RUN_PERIODS, period.unitId());
        PeriodUnits.Setup setup = setup(period);
        PeriodStatus next = setup.reviewFirst() ? PeriodStatus.SUBMITTED : PeriodStatus.PUBLISHED;
        refuseUnlessMay(period, next, setup, version);
        if (objections.openCount(period.id()) > 0) {
            throw new Conflict("还有异议未答复，答复全部异议后才能重新公示");
        }
        if (objections.upheldSinceLatestSnapshot(period.id()) == 0) {
            throw new Conflict("没有成立的异议，无需重新公示");
        }
        EvaluationPeriod moved = move(period, next, "异议更正后重新公示",
                setup.reviewFirst() ? null : windows.of(today(), setup.publicity()), setup);
        snapshotter.make(moved, setup, "异议更正后重新公示", guard.current().accountId());
        return moved;
    }

    /**
     * Ends the windows that ran out (the day after their last day, China time) where no objection waits for an answer:
     * publicity first, the period goes to the committee; review first, it is final. Returns how many moved.
     */
    @Transactional
    public int endWindows() {
        return endDueWindows().size();
    }

    /**
     * Ends the due windows first and says whether this period's was one of them: the committee may have read the period
     * just before the application moved it on, which is no conflict with another person's action.
     */
    private boolean endedMeanwhile(long id) {
        return endDueWindows().contains(id);
    }

    private java.util.Set<Long> endDueWindows() {
        java.util.Set<Long> moved = new java.util.HashSet<>();
        for (EvaluationPeriod period : rows.windowsEndedBefore(today())) {
            if (objections.openCount(period.id()) > 0) {
                continue;
            }
            PeriodUnits.Setup setup = periodUnits.of(period.unitId(), period.year()).orElse(null);
            PeriodStatus next = setup != null && setup.reviewFirst() ? PeriodStatus.FINAL : PeriodStatus.SUBMITTED;
            if (rows.move(period, next, period.windowStarts(), period.windowEnds(), period.windowDays(), period.windowWorking())) {
                rows.recordMove(period.id(), period.status(), next, null, "系统", "公示期满，无未答复的异议", clock.instant());
                audit.record(AuditLog.Actor.SYSTEM, "PERIOD_" + next.name(), "evaluation_period", period.id(), period.unitId(),
                        period.chineseLabel() + "公示期满：" + next.label(), Map.of("status", period.status().name()),
                        Map.of("status", next.name()));
                events.publishEvent(new PeriodMoved(period.id(), period.unitId(), period.label(), period.status(), next));
                moved.add(period.id());
            }
        }
        return moved;
    }

    private EvaluationPeriod step(long id, int version, PeriodStatus to, String reason) {
        EvaluationPeriod period = readable(id);
        guard.require(Permission.RUN_PERIODS, period.unitId());
        PeriodUnits.Setup setup = setup(period);
        refuseUnlessMay(period, to, setup, version);
        return move(period, to, reason, null, setup);
    }

    private EvaluationPeriod move(EvaluationPeriod period, PeriodStatus to, String reason, PublicityWindow window, PeriodUnits.Setup setup) {
        CurrentUser user = guard.current();
        return move(period, to, reason, window, setup.reviewFirst(), new Mover(user.accountId(), user.displayName(), user.actor()),
                clock.instant(), "");
    }

    /** Who moves a period on: their account (none for the application itself), name as the history shows it, audit actor. */
    record Mover(Long accountId, String name, AuditLog.Actor actor) {
    }

    /**
     * The one way a period moves: the state guarded, the row moved at its version, the history written as of {@code at},
     * the audit line (its summary ending in {@code note}) and the event in the same transaction.
     */
    EvaluationPeriod move(EvaluationPeriod period, PeriodStatus to, String reason, PublicityWindow window, boolean reviewFirst, Mover mover,
                          java.time.Instant at, String note) {
        PeriodStatus next = period.status().moveTo(to, reviewFirst);
        boolean moved = window == null
                ? rows.move(period, next, period.windowStarts(), period.windowEnds(), period.windowDays(), period.windowWorking())
                : rows.move(period, next, window.first(), window.last(), window.days().size(), window.unit() == WindowUnit.WORKING_DAYS);
        if (!moved) {
            throw new Conflict("该考评期已被他人处理，请刷新后查看");
        }
        rows.recordMove(period.id(), period.status(), next, mover.accountId(), mover.name(), reason, at);
        audit.record(mover.actor(), "PERIOD_" + next.name(), "evaluation_period", period.id(), period.unitId(),
                period.chineseLabel() + "：" + period.status().label() + " → " + next.label() + (reason == null ? "" : "（" + reason + "）") + note,
                Map.of("status", period.status().name()), Map.of("status", next.name()));
        events.publishEvent(new PeriodMoved(period.id(), period.unitId(), period.label(), period.status(), next));
        return rows.find(period.id()).orElseThrow();
    }

    private void refuseUnlessMay(EvaluationPeriod period, PeriodStatus to, PeriodUnits.Setup setup, int version) {
        if (period.version() != version) {
            throw new Conflict("该考评期已被他人处理，请刷新后查看");
        }
        if (!period.status().canMoveTo(to, setup.reviewFirst())) {
            throw new Conflict(PeriodRefusals.why(period, to));
        }
    }

    private EvaluationPeriod readable(long id) {
        EvaluationPeriod period = rows.find(id).orElseThrow(() -> new NotFound("考评期不存在"));
        if (!guard.can(Permission.VIEW_PERIODS, period.unitId())) {
            throw new NotFound("考评期不存在");
        }
        return period;
    }

    private PeriodUnits.Setup setup(EvaluationPeriod period) {
        return periodUnits.of(period.unitId(), period.year()).orElseThrow(() -> new Conflict("本组织本年度没有适用的积分方案"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
