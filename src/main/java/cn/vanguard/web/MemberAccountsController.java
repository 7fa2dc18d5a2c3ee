package cn.vanguard.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.vanguard.Invalid;
import cn.vanguard.org.Units;
import cn.vanguard.security.Guard;
import cn.vanguard.security.MemberAccounts;
import cn.vanguard.security.MemberAccounts.Slip;
import cn.vanguard.security.Permission;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 党员账号, reached from the roster: a unit's members with their accounts; creating accounts for the members chosen
 * (or all without one), issuing a code again, disabling and enabling. Creating and issuing answer with the slips' PDF
 * itself, so that a code exists in clear only in that download. Every rule, scope included, is {@link MemberAccounts}'.
 */
@Controller
class MemberAccountsController {

    private final MemberAccounts accounts;
    private final UnitOptions options;
    private final Units units;
    private final Guard guard;
    private final SlipSheet sheet;
    private final Clock clock;
    private final String publicUrl;

    MemberAccountsController(MemberAccounts accounts, UnitOptions options, Units units, Guard guard, SlipSheet sheet, Clock clock,
                             @Value("${vanguard.public-url:}") String publicUrl) {
        this.accounts = accounts;
        this.options = options;
        this.units = units;
        this.guard = guard;
        this.sheet = sheet;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/member-accounts")
    String list(@RequestParam(required = false) Long unitId, Model model) {
        guard.requireAnywhere(Permission.MANAGE_MEMBER_ACCOUNTS);
        List<UnitOptions.Option> where = options.where(Permission.MANAGE_MEMBER_ACCOUNTS);
        Long unit = unitId != null ? unitId : where.isEmpty() ? null : where.get(0).id();
        model.addAttribute("units", where);
        model.addAttribute("unit", unit == null ? null : units.visible(unit));
        model.addAttribute("rows", unit == null ? List.of() : accounts.roster(unit));
        return "member-accounts/list";
    }

    /** Creates the accounts and answers with their slips (PDF); a refusal returns to the list with its message. */
    @PostMapping("/member-accounts")
    String create(@RequestParam long unitId, @RequestParam(name = "memberId", required = false) List<Long> memberIds,
                  RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        List<Slip> slips;
        try {
            slips = accounts.create(unitId, memberIds == null ? List.of() : memberIds);
        } catch (Invalid e) {
            return Pages.failed(redirect, String.join("；", e.errors().values()), "/member-accounts?unitId=" + unitId);
        }
        pdf(response, slips, "账号激活单-" + units.get(unitId).name());
        return null;
    }

    @PostMapping("/member-accounts/{id}/code")
    String reissue(@PathVariable long id, HttpServletResponse response) throws IOException {
        Slip slip = accounts.reissue(id);
        pdf(response, List.of(slip), "账号激活单-" + slip.username());
        return null;
    }

    @PostMapping("/member-accounts/{id}/enabled")
    String enabled(@PathVariable long id, @RequestParam boolean enabled, @RequestParam(required = false) Long unitId,
                   RedirectAttributes redirect) {
        String back = "/member-accounts" + (unitId == null ? "" : "?unitId=" + unitId);
        try {
            accounts.setEnabled(id, enabled);
        } catch (Invalid e) {
            return Pages.failed(redirect, String.join("；", e.errors().values()), back);
        }
        return Pages.done(redirect, enabled ? "账号已启用。" : "账号已停用，其登录会话已全部结束。", back);
    }

    private void pdf(HttpServletResponse response, List<Slip> slips, String name) throws IOException {
        byte[] pdf = sheet.render(slips, activationUrl());
        String file = URLEncoder.encode(name + "-" + LocalDate.now(clock) + ".pdf", StandardCharsets.UTF_8).replace("+", "%20");
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"activation-slips.pdf\"; filename*=UTF-8''" + file);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }

    /** The activation page's address as members reach it: {@code vanguard.public-url} when set, else this request's. */
    private String activationUrl() {
        String base = publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : publicUrl.strip();
        return base.replaceAll("/+$", "") + "/activate";
    }
}
