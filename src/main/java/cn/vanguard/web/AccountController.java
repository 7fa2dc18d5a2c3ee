package cn.vanguard.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.vanguard.Invalid;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;
import cn.vanguard.security.AccountLifecycle;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.ApiTokens;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.LiveSessions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One's own account: who one is, one's roles and member record, changing one's password (also where an account with a
 * generated or reset password is sent first) and API tokens for integrations.
 */
@Controller
class AccountController {

    private final Accounts accounts;
    private final AccountLifecycle lifecycle;
    private final LiveSessions sessions;
    private final ApiTokens tokens;
    private final Guard guard;
    private final Units units;
    private final Members members;

    AccountController(Accounts accounts, AccountLifecycle lifecycle, LiveSessions sessions, ApiTokens tokens, Guard guard, Units units,
                      Members members) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.sessions = sessions;
        this.tokens = tokens;
        this.guard = guard;
        this.units = units;
        this.members = members;
    }

    /** A role as the page shows it. */
    record RoleView(String role, String unit) {
    }

    @GetMapping("/account")
    String mine(Model model) {
        CurrentUser user = guard.current();
        model.addAttribute("user", user);
        model.addAttribute("account", accounts.find(user.accountId()).orElseThrow());
        model.addAttribute("roles", user.grants().stream().map(g -> new RoleView(g.role().label(),
                g.unitId() == null ? "全系统" : units.find(g.unitId()).map(Unit::name).orElse("#" + g.unitId()))).toList());
        model.addAttribute("member", user.memberId() == null ? null : members.find(user.memberId()).orElse(null));
        model.addAttribute("tokens", tokens.mine());
        return "account/show";
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam(required = false) String name, RedirectAttributes redirect) {
        try {
            String token = tokens.create(name);
            redirect.addFlashAttribute("token", token);
            redirect.addFlashAttribute("tokenName", name.strip());
            return Pages.done(redirect, "已创建API令牌“" + name.strip() + "”。", "/account");
        } catch (Invalid e) {
            return Pages.failed(redirect, e.getMessage(), "/account");
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id);
        return Pages.done(redirect, "令牌已吊销，使用它的系统将无法再访问。", "/account");
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("forced", forced());
        model.addAttribute("errors", Map.of());
        return "account/password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(required = false) String current, @RequestParam(required = false) String password,
                          @RequestParam(required = false) String repeat, Model model, RedirectAttributes redirect,
                          HttpServletRequest request, HttpServletResponse response) {
        boolean forced = forced();
        try {
            if (password == null || !password.equals(repeat)) {
                throw Invalid.of("repeat", "两次输入的新密码不一致");
            }
            lifecycle.changeOwnPassword(current, password, request.getSession().getId());
            sessions.keepCurrent(request, response);
            return Pages.done(redirect, "密码已修改；其他设备上的登录已退出，API令牌已全部吊销。", forced ? "/" : "/account");
        } catch (Invalid e) {
            model.addAttribute("forced", forced);
            return Pages.invalid(model, e, "account/password");
        }
    }

    private boolean forced() {
        return accounts.find(guard.current().accountId()).map(Accounts.Account::mustChangePassword).orElse(false);
    }
}
