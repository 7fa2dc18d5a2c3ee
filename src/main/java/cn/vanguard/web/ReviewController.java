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
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * The review queue: declarations waiting for the scorer's first check and entries waiting for the secretary's
 * approval, oldest first. With htmx an action replaces only its row.
 */
@Controller
class ReviewController {

    /** The review queue shows the oldest entries first, this many at a time. */
    static final int PAGE = 100;

    private final Ledger ledger;
    private final Guard guard;

    ReviewController(Ledger ledger, Guard guard) {
        this.ledger = ledger;
        this.guard = guard;
    }

    @GetMapping("/review")
    String queue(Model model) {
        if (!guard.canAnywhere(Permission.FIRST_CHECK) && !guard.canAnywhere(Permission.APPROVE_ENTRIES)) {
            throw Guard.denied();
        }
        List<LedgerEntry> entries = ledger.queue(PAGE);
        model.addAttribute("entries", entries);
        model.addAttribute("waiting", entries.size() < PAGE ? entries.size() : ledger.pendingForMe());
        return "review";
    }

    @PostMapping("/review/{id}")
    String act(@PathVariable long id, @RequestParam String action, @RequestParam int version,
               @RequestParam(required = false) String reason, @RequestHeader(value = "HX-Request", required = false) String htmx,
               Model model, RedirectAttributes redirect) {
        String outcome;
        LedgerEntry after;
        try {
            after = switch (action) {
                case "check" -> ledger.firstCheck(id, true, null, version);
                case "approve" -> ledger.approve(id, version);
                case "reject" -> ledger.reject(id, reason, version);
                default -> throw Invalid.of("action", "未知操作");
            };
            outcome = switch (action) {
                case "check" -> "初审通过，已转审核";
                case "approve" -> "已审核通过";
                default -> "已驳回";
            };
        } catch (Invalid | Conflict e) {
            if (htmx == null) {
                return Pages.failed(redirect, e.getMessage(), "/review");
            }
            model.addAttribute("entries", java.util.List.of(ledger.visible(id)));
            model.addAttribute("rowError", e.getMessage());
            return "review :: row";
        }
        if (htmx == null) {
            return Pages.done(redirect, outcome + "：#" + id, "/review");
        }
        model.addAttribute("done", after);
        model.addAttribute("outcome", outcome);
        return "review :: done";
    }
}
