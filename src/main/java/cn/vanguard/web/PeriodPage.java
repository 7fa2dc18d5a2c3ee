package cn.vanguard.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.vanguard.cycle.EvaluationPeriod;
import cn.vanguard.cycle.ObjectionEvidence;
import cn.vanguard.cycle.Objections;
import cn.vanguard.cycle.PeriodActions;
import cn.vanguard.cycle.PeriodStatus;
import cn.vanguard.cycle.Periods;
import cn.vanguard.cycle.Snapshot;
import cn.vanguard.cycle.SnapshotLine;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/** What a period's page and its publicity list show, for the current user. */
@Component
class PeriodPage {

    private final Periods periods;
    private final PeriodActions actions;
    private final Objections objections;
    private final ObjectionEvidence evidence;
    private final Guard guard;
    private final Clock clock;

    PeriodPage(Periods periods, PeriodActions actions, Objections objections, ObjectionEvidence evidence, Guard guard, Clock clock) {
        this.evidence = evidence;
        this.periods = periods;
        this.actions = actions;
        this.objections = objections;
        this.guard = guard;
        this.clock = clock;
    }

    void fill(EvaluationPeriod period, Model model) {
        Periods.PeriodUnit unit = periods.unit(period);
        LocalDate today = LocalDate.now(clock);
        List<Snapshot> snapshots = periods.snapshots(period);
        Snapshot latest = snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
        boolean mayClose = periods.may(Permission.CLOSE_PERIODS, period);
        boolean mayRun = periods.may(Permission.RUN_PERIODS, period);
        boolean mayApprove = periods.may(Permission.APPROVE_PERIODS, period);
        Set<PeriodStatus> next = period.status().successors(unit.reviewFirst());
        List<SnapshotLine> lines = periods.lines(period);
        Long self = guard.current().memberId();
        SnapshotLine own = self == null ? null : lines.stream().filter(l -> l.memberId() == self).findFirst().orElse(null);

        model.addAttribute("period", period);
        model.addAttribute("unit", unit);
        model.addAttribute("today", today);
        model.addAttribute("snapshots", snapshots);
        model.addAttribute("latest", latest);
        model.addAttribute("answers", latest == null || !periods.seesAll(period) ? null : periods.answers(latest));
        model.addAttribute("lines", lines);
        model.addAttribute("seesAll", periods.seesAll(period));
        model.addAttribute("own", own);
        model.addAttribute("mayAnswerOwn", own != null && own.answer() == null
                && (period.status() == PeriodStatus.CLOSED || period.status() == PeriodStatus.SIGNED));
        boolean mayObject = self != null && period.inWindow(today);
        model.addAttribute("mayObject", mayObject);
        List<SnapshotLine> objectable = mayObject ? objectable(period, own) : List.of();
        model.addAttribute("objectable", objectable);
        model.addAttribute("history", periods.history(period));
        model.addAttribute("objections", objections.ofPeriod(period.id()));
        model.addAttribute("objectionFiles", evidence.ofPeriod(period.id()));
        model.addAttribute("selfMember", self);
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        lines.forEach(l -> names.put(l.memberId(), l.name()));
        objectable.forEach(l -> names.put(l.memberId(), l.name()));
        model.addAttribute("memberNames", names);
        model.addAttribute("pending", period.status().counting() && mayClose ? actions.pendingAtClose(period) : List.of());
        model.addAttribute("canClose", mayClose && next.contains(PeriodStatus.CLOSED));
        model.addAttribute("canSign", mayRun && next.contains(PeriodStatus.SIGNED));
        model.addAttribute("canPublish", mayRun && next.contains(PeriodStatus.PUBLISHED) && period.status() != PeriodStatus.PUBLISHED);
        model.addAttribute("canSubmit", mayRun && period.status() == PeriodStatus.SIGNED && next.contains(PeriodStatus.SUBMITTED));
        model.addAttribute("canRepublish", mayRun && period.status() == PeriodStatus.PUBLISHED);
        model.addAttribute("canReview", mayApprove && next.contains(PeriodStatus.APPROVED));
        model.addAttribute("mayAnswerObjections", mayRun);
        model.addAttribute("endsLater", today.isBefore(period.endsOn()));
    }

    /** The lines a member may object to in the window: the published list's, and their own where a list of the best leaves it out. */
    private List<SnapshotLine> objectable(EvaluationPeriod period, SnapshotLine own) {
        List<SnapshotLine> listed = periods.publicityLines(period);
        if (own == null || listed.stream().anyMatch(l -> l.memberId() == own.memberId())) {
            return listed;
        }
        List<SnapshotLine> all = new java.util.ArrayList<>(listed);
        all.add(own);
        return all;
    }

    void fillPublicity(EvaluationPeriod period, Model model) {
        Periods.PeriodUnit unit = periods.unit(period);
        model.addAttribute("period", period);
        model.addAttribute("unit", unit);
        List<SnapshotLine> lines = periods.publicityLines(period);
        boolean graded = lines.stream().anyMatch(l -> l.grade() != null);
        model.addAttribute("lines", lines);
        model.addAttribute("top", periods.publicityTop(period));
        // a scheme that grades nobody in a period (quarters of changzhou-2021) gets no empty 等次 column
        model.addAttribute("shows", periods.publicityShows(period).stream().filter(f -> graded || !f.equals("grade")).toList());
    }
}
