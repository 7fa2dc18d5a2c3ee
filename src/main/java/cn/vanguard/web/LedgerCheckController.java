package cn.vanguard.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import cn.vanguard.ledger.ChainCheck;
import cn.vanguard.ledger.LedgerChain;
import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * 账本校验: the check of {@code verify-ledger} (cycle.md §6) run on the page, over the units of the administrator's
 * scope (every unit for the system administrator): the entries verified, or the first entry whose row no longer matches
 * its chain, with a link to it. The check reads every link of those units, so it runs only when asked.
 */
@Controller
class LedgerCheckController {

    private final LedgerChain chain;
    private final Guard guard;
    private final Units units;
    private final Clock clock;

    LedgerCheckController(LedgerChain chain, Guard guard, Units units, Clock clock) {
        this.chain = chain;
        this.guard = guard;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/ledger-check")
    String check(@RequestParam(defaultValue = "false") boolean run, @RequestHeader(value = "HX-Request", required = false) String htmx,
                 Model model) {
        guard.requireAnywhere(Permission.VERIFY_LEDGER);
        List<Long> scope = guard.units(Permission.VERIFY_LEDGER);
        model.addAttribute("everything", scope == null);
        if (run) {
            ChainCheck check = scope == null ? chain.verify() : chain.verify(scope);
            model.addAttribute("check", check);
            model.addAttribute("checkedAt", Instant.now(clock));
            model.addAttribute("unitName", check.ok() ? null
                    : units.find(check.broken().unitId()).map(Unit::name).orElse("#" + check.broken().unitId()));
        }
        return htmx != null && run ? "ledger-check/page :: result" : "ledger-check/page";
    }
}
