package cn.vanguard.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.cycle.EvaluationPeriod;
import cn.vanguard.cycle.PeriodActions;
import cn.vanguard.cycle.Periods;

/**
 * The cycle in the browser (考评期): the periods of the units the user may see, a period's page with its snapshot,
 * confirmations, window, objections and history, and one route per move. A refused move shows the period again with
 * the reason and what was typed.
 */
@Controller
class PeriodsController {

    private final Periods periods;
    private final PeriodActions actions;
    private final PeriodPage page;
    private final Clock clock;

    PeriodsController(Periods periods, PeriodActions actions, PeriodPage page, Clock clock) {
        this.periods = periods;
        this.actions = actions;
        this.page = page;
        this.clock = clock;
    }

    @GetMapping("/periods")
    String list(@RequestParam(required = false) Integer year, Model model) {
        int cycle = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", cycle);
        model.addAttribute("byUnit", periods.overview(cycle));
        return "periods/list";
    }

    @GetMapping("/periods/{id}")
    String show(@PathVariable long id, Model model) {
        page.fill(periods.get(id), model);
        return "periods/show";
    }

    @GetMapping("/periods/{id}/publicity")
    String publicity(@PathVariable long id, Model model) {
        page.fillPublicity(periods.get(id), model);
        return "periods/publicity";
    }

    @PostMapping("/periods/{id}/close")
    String close(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason, Model model,
                 RedirectAttributes redirect) {
        return act(id, () -> actions.close(id, version, reason), "已汇总，结果已冻结为快照，请党员确认", reason, model, redirect);
    }

    @PostMapping("/periods/{id}/sign")
    String sign(@PathVariable long id, @RequestParam int version, Model model, RedirectAttributes redirect) {
        return act(id, () -> actions.sign(id, version), "已记录支部评定", null, model, redirect);
    }

    @PostMapping("/periods/{id}/publish")
    String publish(@PathVariable long id, @RequestParam int version, Model model, RedirectAttributes redirect) {
        return act(id, () -> actions.publish(id, version), "已公示", null, model, redirect);
    }

    @PostMapping("/periods/{id}/submit")
    String submit(@PathVariable long id, @RequestParam int version, Model model, RedirectAttributes redirect) {
        return act(id, () -> actions.submit(id, version), "已提交上级审核", null, model, redirect);
    }

    @PostMapping("/periods/{id}/republish")
    String republish(@PathVariable long id, @RequestParam int version, Model model, RedirectAttributes redirect) {
        return act(id, () -> actions.republish(id, version), "已按更正后的结果重新公示", null, model, redirect);
    }

    @PostMapping("/periods/{id}/approve")
    String approve(@PathVariable long id, @RequestParam int version, Model model, RedirectAttributes redirect) {
        return act(id, () -> actions.approve(id, version), "已审核通过", null, model, redirect);
    }

    @PostMapping("/periods/{id}/return")
    String returnPeriod(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason, Model model,
                        RedirectAttributes redirect) {
        return act(id, () -> actions.returnPeriod(id, version, reason), "已退回支部", reason, model, redirect);
    }

    private String act(long id, Supplier<EvaluationPeriod> move, String outcome, String typed, Model model, RedirectAttributes redirect) {
        EvaluationPeriod after;
        try {
            after = move.get();
        } catch (Invalid | Conflict e) {
            page.fill(periods.get(id), model);
            model.addAttribute("flashError", e.getMessage());
            model.addAttribute("typedReason", typed);
            return "periods/show";
        }
        return Pages.done(redirect, after.chineseLabel() + outcome, "/periods/" + id);
    }
}
