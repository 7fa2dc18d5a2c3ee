package cn.vanguard.cycle;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.vanguard.calendar.Calendars;
import cn.vanguard.calendar.HolidayCalendar;
import cn.vanguard.cycle.internal.ObjectionRows;
import cn.vanguard.cycle.internal.PeriodRows;
import cn.vanguard.cycle.internal.SnapshotRows;
import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * What waits for the current user in the cycle, worked out from the periods as they stand (nothing to mark read: a
 * notice goes when its work is done). A member: their line to confirm, a window open in their unit, answers to their
 * objections of the last two weeks. A secretary: periods ended and not closed, objections waiting, windows ending within
 * two days. The committee: periods waiting for its review.
 */
@Service
public class Notices {

    private static final Duration ANSWERS_SHOWN = Duration.ofDays(14);

    private final PeriodRows periods;
    private final SnapshotRows snapshots;
    private final ObjectionRows objections;
    private final Units units;
    private final Calendars calendars;
    private final Guard guard;
    private final Clock clock;

    Notices(PeriodRows periods, SnapshotRows snapshots, ObjectionRows objections, Units units, Calendars calendars, Guard guard,
            Clock clock) {
        this.periods = periods;
        this.snapshots = snapshots;
        this.objections = objections;
        this.units = units;
        this.calendars = calendars;
        this.guard = guard;
        this.clock = clock;
    }

    public List<Notice> forMe() {
        CurrentUser user = guard.current();
        LocalDate today = LocalDate.now(clock);
        List<Notice> notices = new ArrayList<>();
        if (user.memberId() != null) {
            member(user.memberId(), today, notices);
        }
        List<Long> running = guard.units(Permission.RUN_PERIODS);
        if (running == null || !running.isEmpty()) {
            secretary(running, today, notices);
        }
        List<Long> reviewing = guard.units(Permission.APPROVE_PERIODS);
        if (reviewing == null || !reviewing.isEmpty()) {
            for (EvaluationPeriod p : periods.inStates(reviewing, List.of(PeriodStatus.SUBMITTED))) {
                notices.add(new Notice(units.name(p.unitId()) + p.chineseLabel() + "待上级审核", link(p), true));
            }
        }
        return notices;
    }

    private void member(long memberId, LocalDate today, List<Notice> notices) {
        List<Long> lineage = units.memberUnit(memberId).map(u -> units.lineage(u).stream().map(Unit::id).toList()).orElse(List.of());
        for (EvaluationPeriod p : periods.inStates(lineage, List.of(PeriodStatus.CLOSED, PeriodStatus.SIGNED, PeriodStatus.PUBLISHED))) {
            if (p.status() == PeriodStatus.PUBLISHED) {
                if (p.inWindow(today)) {
                    notices.add(new Notice(p.chineseLabel() + "积分正在公示，" + shortDate(p.windowEnds()) + "结束", link(p) + "/publicity", false));
                }
                continue;
            }
            if (snapshots.latestId(p.id()).map(latest -> snapshots.lines(latest, memberId)).orElse(List.of()).stream()
                    .anyMatch(l -> l.answer() == null)) {
                notices.add(new Notice("请确认您" + p.chineseLabel() + "的积分结果", link(p), true));
            }
        }
        for (Objection o : objections.answeredFor(memberId, clock.instant().minus(ANSWERS_SHOWN))) {
            notices.add(new Notice("您的异议#" + o.id() + "已答复：" + o.status().label(), "/periods/" + o.periodId(), false));
        }
    }

    private void secretary(List<Long> scope, LocalDate today, List<Notice> notices) {
        List<EvaluationPeriod> mine = periods.inStates(scope, List.of(PeriodStatus.OPEN, PeriodStatus.RETURNED, PeriodStatus.CLOSED,
                PeriodStatus.SIGNED, PeriodStatus.PUBLISHED));
        Map<Long, Integer> open = objections.openByPeriod(mine.stream().map(EvaluationPeriod::id).toList());
        HolidayCalendar calendar = calendars.inForce();
        for (EvaluationPeriod p : mine) {
            String name = units.name(p.unitId()) + p.chineseLabel();
            if (p.status() == PeriodStatus.RETURNED) {
                notices.add(new Notice(name + "已被上级退回，请更正后重新汇总", link(p), true));
            } else if (p.status() == PeriodStatus.OPEN && p.endsOn().isBefore(today)) {
                notices.add(new Notice(name + "已结束，待汇总", link(p), false));
            }
            if (open.getOrDefault(p.id(), 0) > 0) {
                notices.add(new Notice(name + "有" + open.get(p.id()) + "条异议待答复", link(p), true));
            } else if (p.status() == PeriodStatus.PUBLISHED && p.inWindow(today)
                    && !p.windowEnds().isAfter(calendar.workingDayFrom(today.plusDays(1)))) {
                notices.add(new Notice(name + "公示将于" + shortDate(p.windowEnds()) + "结束", link(p), false));
            }
        }
    }

    private static String link(EvaluationPeriod p) {
        return "/periods/" + p.id();
    }

    private static String shortDate(LocalDate day) {
        return day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}
