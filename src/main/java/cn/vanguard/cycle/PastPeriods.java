package cn.vanguard.cycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.calendar.Calendars;
import cn.vanguard.calendar.HolidayCalendar;
import cn.vanguard.calendar.PublicityWindow;
import cn.vanguard.cycle.internal.PeriodRows;
import cn.vanguard.cycle.internal.PeriodUnits;
import cn.vanguard.cycle.internal.Snapshotter;
import cn.vanguard.cycle.internal.Windows;
import cn.vanguard.scheme.Span;
import cn.vanguard.standings.Standings;

/**
 * A year already under way, as a branch would have run it: every period of a unit that ended before today goes
 * through the cycle on the working days after it, by the same guarded moves as {@link PeriodActions}, each dated when it
 * would have happened. The secretary closes the period on the second working day after it ended (its snapshot made
 * from the ledger as it stands) and signs it the next working day; publicity first, they publish that afternoon, the
 * window runs on the holiday calendar, the application submits the period when the window ends and the committee
 * approves it on the next working day; review first, the secretary submits on signing, the committee approves the
 * next working day, the secretary publishes the day after and the period is final when the window ends. A step that
 * would fall after now is not taken: the period waits there, as it would today.
 * <p>
 * For the demonstration organisation, loaded by the system administrator (no guard: a trusted call, like the other
 * {@code *Trusted} ones); each move's audit line says it was loaded, and when it stands for.
 */
@Service
public class PastPeriods {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final PeriodActions actions;
    private final PeriodRows rows;
    private final PeriodUnits periodUnits;
    private final Snapshotter snapshotter;
    private final Windows windows;
    private final Calendars calendars;
    private final Standings standings;
    private final Clock clock;

    PastPeriods(PeriodActions actions, PeriodRows rows, PeriodUnits periodUnits, Snapshotter snapshotter, Windows windows,
                Calendars calendars, Standings standings, Clock clock) {
        this.standings = standings;
        this.actions = actions;
        this.rows = rows;
        this.periodUnits = periodUnits;
        this.snapshotter = snapshotter;
        this.windows = windows;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** A person who moves the demo's periods on: their account and their name. */
    public record Person(long accountId, String name) {
    }

    /** Runs the unit's ended periods of this year through the cycle; returns the unit's periods as they then stand. */
    @Transactional
    public List<EvaluationPeriod> runTrusted(long unitId, Person secretary, Person committee, AuditLog.Actor loadedBy) {
        LocalDate today = LocalDate.now(clock);
        // the unit's population is its members' stored standings: those of the same transaction (a demo being loaded) too
        standings.refreshWaiting();
        PeriodUnits.Setup setup = periodUnits.of(unitId, today.getYear())
                .orElseThrow(() -> new IllegalArgumentException("unit " + unitId + " runs no periods in " + today.getYear()));
        for (Span span : setup.spansBegunBy(today)) {
            rows.ensure(unitId, List.of(span), span.from().atStartOfDay(CHINA).toInstant());
        }
        HolidayCalendar calendar = calendars.inForce();
        Steps steps = new Steps(setup, secretary, committee, loadedBy);
        for (EvaluationPeriod period : rows.ofUnit(unitId, today.getYear())) {
            if (period.status() == PeriodStatus.OPEN && period.endsOn().isBefore(today)) {
                steps.run(period, calendar);
            }
        }
        return rows.ofUnit(unitId, today.getYear());
    }

    /** The moves of one unit's periods, each taken only when its moment is past. */
    private final class Steps {
        private final PeriodUnits.Setup setup;
        private final PeriodActions.Mover secretary;
        private final PeriodActions.Mover committee;
        private final PeriodActions.Mover system = new PeriodActions.Mover(null, "系统", AuditLog.Actor.SYSTEM);

        Steps(PeriodUnits.Setup setup, Person secretary, Person committee, AuditLog.Actor loadedBy) {
            this.setup = setup;
            this.secretary = new PeriodActions.Mover(secretary.accountId(), secretary.name(), loadedBy);
            this.committee = new PeriodActions.Mover(committee.accountId(), committee.name(), loadedBy);
        }

        void run(EvaluationPeriod period, HolidayCalendar calendar) {
            LocalDate closed = nextWorkingDay(calendar, nextWorkingDay(calendar, period.endsOn()));
            Instant at = at(closed, 10);
            if (!past(at)) {
                return;
            }
            EvaluationPeriod p = move(period, PeriodStatus.CLOSED, null, secretary, at);
            snapshotter.make(p, setup, "汇总", secretary.accountId(), at);
            LocalDate signed = nextWorkingDay(calendar, closed);
            if (!past(at(signed, 9))) {
                return;
            }
            p = move(p, PeriodStatus.SIGNED, null, secretary, at(signed, 9));
            if (setup.reviewFirst()) {
                p = move(p, PeriodStatus.SUBMITTED, null, secretary, at(signed, 9).plusSeconds(600));
                LocalDate approved = nextWorkingDay(calendar, signed);
                if (!past(at(approved, 10))) {
                    return;
                }
                p = move(p, PeriodStatus.APPROVED, null, committee, at(approved, 10));
                LocalDate published = nextWorkingDay(calendar, approved);
                if (past(at(published, 15))) {
                    publishThen(p, published, PeriodStatus.FINAL, calendar);
                }
            } else if (past(at(signed, 15))) {
                publishThen(p, signed, PeriodStatus.SUBMITTED, calendar);
            }
        }

        /** Publishes on the day; when the window has ended, moves on to {@code after} (and, publicity first, approval). */
        private void publishThen(EvaluationPeriod period, LocalDate day, PeriodStatus after, HolidayCalendar calendar) {
            PublicityWindow window = windows.of(day, setup.publicity());
            EvaluationPeriod p = actions.move(period, PeriodStatus.PUBLISHED, null, window, setup.reviewFirst(), secretary, at(day, 15), note(at(day, 15)));
            Instant ended = window.ends().toInstant();
            if (!past(ended)) {
                return;
            }
            p = actions.move(p, after, "公示期满，无未答复的异议", null, setup.reviewFirst(), system, ended, note(ended));
            if (after == PeriodStatus.SUBMITTED) {
                LocalDate approved = nextWorkingDay(calendar, window.last());
                if (past(at(approved, 10))) {
                    move(p, PeriodStatus.APPROVED, null, committee, at(approved, 10));
                }
            }
        }

        private EvaluationPeriod move(EvaluationPeriod period, PeriodStatus to, String reason, PeriodActions.Mover mover, Instant at) {
            return actions.move(period, to, reason, null, setup.reviewFirst(), mover, at, note(at));
        }

        private String note(Instant at) {
            return "（演示组织载入，按" + LocalDate.ofInstant(at, CHINA) + "补记）";
        }
    }

    private boolean past(Instant at) {
        return at.isBefore(clock.instant());
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(CHINA).toInstant();
    }

    /** The first working day after {@code day}. */
    private static LocalDate nextWorkingDay(HolidayCalendar calendar, LocalDate day) {
        return calendar.workingDayFrom(day.plusDays(1));
    }
}
