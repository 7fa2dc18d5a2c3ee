package cn.vanguard.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.org.UnitPaths;
import cn.vanguard.review.Review;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * The review in the browser: the queue of declarations waiting for the scorer's first check and entries waiting for
 * the secretary's approval, oldest first, and one route per action, shared by the queue and the entry's page. With htmx
 * (the queue) an action replaces only its row; without, it returns to the page it came from.
 */
@Controller
class ReviewController {

    /** The review queue shows the oldest entries first, this many at a time. */
    static final int PAGE = 100;

    /** The value of the {@code from} field of the queue's forms: back to the queue, not to the entry, after an action. */
    static final String FROM_QUEUE = "review";

    private final Review review;
    private final Ledger ledger;
    private final Guard guard;

    private final UnitPaths unitPaths;

    ReviewController(Review review, Ledger ledger, Guard guard, UnitPaths unitPaths) {
        this.unitPaths = unitPaths;
        this.review = review;
        this.ledger = ledger;
        this.guard = guard;
    }

    @GetMapping("/review")
    String queue(Model model) {
        if (!guard.canAnywhere(Permission.FIRST_CHECK) && !guard.canAnywhere(Permission.APPROVE_ENTRIES)) {
            throw Guard.denied();
        }
        List<LedgerEntry> entries = review.queue(PAGE);
        model.addAttribute("entries", entries);
        model.addAttribute("unitPaths", unitPaths.of(entries.stream().map(LedgerEntry::unitId).toList()));
        model.addAttribute("waiting", entries.size() < PAGE ? entries.size() : review.pendingForMe());
        return "review";
    }

    @PostMapping("/entries/{id}/check")
    String check(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String from,
                 @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        return act(id, () -> review.check(id, true, null, version), "初审通过，已转支部书记审核", from, htmx, model, redirect);
    }

    @PostMapping("/entries/{id}/approve")
    String approve(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String from,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        return act(id, () -> review.approve(id, version), "已审核通过，记录生效", from, htmx, model, redirect);
    }

    @PostMapping("/entries/{id}/reject")
    String reject(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String from, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model, RedirectAttributes redirect) {
        return act(id, () -> review.reject(id, reason, version), "已驳回", from, htmx, model, redirect);
    }

    /** A review call; a refusal the user can fix is shown, anything else (out of scope, unknown) is the error pages'. */
    private interface Decision {
        LedgerEntry take();
    }

    private String act(long id, Decision decision, String outcome, String from, String htmx, Model model, RedirectAttributes redirect) {
        String back = FROM_QUEUE.equals(from) ? "/review" : "/entries/" + id;
        LedgerEntry after;
        try {
            after = decision.take();
        } catch (Invalid | Conflict e) {
            if (htmx == null) {
                return Pages.failed(redirect, e.getMessage(), back);
            }
            LedgerEntry entry = ledger.visible(id);
            model.addAttribute("entries", List.of(entry));
            model.addAttribute("unitPaths", unitPaths.of(List.of(entry.unitId())));
            model.addAttribute("rowError", e.getMessage());
            return "review :: row";
        }
        if (htmx == null) {
            return Pages.done(redirect, outcome + "：#" + id, back);
        }
        model.addAttribute("done", after);
        model.addAttribute("outcome", outcome);
        return "review :: done";
    }
}
