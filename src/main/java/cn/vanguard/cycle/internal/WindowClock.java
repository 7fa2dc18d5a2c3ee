package cn.vanguard.cycle.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.vanguard.cycle.PeriodActions;
import cn.vanguard.cycle.Periods;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Every few minutes, on one node (ShedLock): makes the periods that have begun (so that the secretaries are told when
 * one ends) and ends publicity windows that ran out — a window ends at 24:00 China time of its last day, so a period
 * moves on shortly after midnight. The committee's approval ends a due window itself first.
 */
@Component
class WindowClock {

    private final PeriodActions actions;
    private final Periods periods;

    WindowClock(PeriodActions actions, Periods periods) {
        this.actions = actions;
        this.periods = periods;
    }

    @Scheduled(fixedDelayString = "${vanguard.cycle.window-check-every:PT5M}", initialDelayString = "${vanguard.cycle.window-check-first:PT20S}")
    @SchedulerLock(name = "cycle-window-check", lockAtMostFor = "PT10M")
    void scheduled() {
        periods.openBegun();
        actions.endWindows();
    }
}
