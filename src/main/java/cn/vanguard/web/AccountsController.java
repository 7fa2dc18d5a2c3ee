package cn.vanguard.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.vanguard.Invalid;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;
import cn.vanguard.security.AccountLifecycle;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.Accounts.Account;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;
import cn.vanguard.security.Role;

/**
 * Accounts for those who manage them (MANAGE_ACCOUNTS): the list, creating an account with its roles per unit and an
 * optional member link (its one-time password shown once), and on an account's page its roles, member link, password
 * reset, enabled state and API tokens (revoked all at once). Every rule, scope included, is {@link Accounts}'.
 */
@Controller
class AccountsController {

    /** Rows of role and unit the create form offers. */
    static final int GRANT_ROWS = 3;

    private final Accounts accounts;
    private final AccountLifecycle lifecycle;
    private final Units units;
    private final Members members;
    private final Guard guard;

    AccountsController(Accounts accounts, AccountLifecycle lifecycle, Units units, Members members, Guard guard) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.units = units;
        this.members = members;
        this.guard = guard;
    }

    /** A grant as shown: its role, its unit's name, and whether the current user may revoke it. */
    record GrantView(Grant grant, String role, String unit, boolean revocable) {
    }

    /** An account as listed and shown. */
    record AccountView(Account account, List<GrantView> grants, MemberRecord member) {
    }

    /** What the create form posts besides its role rows. */
    record AccountForm(String username, String displayName, String memberCode) {
    }

    @GetMapping("/accounts")
    String list(@RequestParam(required = false) String q, Model model) {
        guard.requireAnywhere(Permission.MANAGE_ACCOUNTS);
        String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<AccountView> views = accounts.visible().stream()
                .filter(a -> text.isEmpty() || a.username().toLowerCase(Locale.ROOT).contains(text) || a.displayName().toLowerCase(Locale.ROOT).contains(text))
                .map(this::view).toList();
        model.addAttribute("accounts", views);
        model.addAttribute("q", q);
        return "accounts/list";
    }

    @GetMapping("/accounts/new")
    String newForm(Model model) {
        guard.requireAnywhere(Permission.MANAGE_ACCOUNTS);
        model.addAttribute("form", new AccountForm("", "", ""));
        model.addAttribute("rows", emptyRows());
        return formPage(model, Map.of());
    }

    /** A role row of the create form, as last submitted. */
    record GrantRow(String role, String unitId) {
    }

    @PostMapping("/accounts")
    String create(AccountForm form, @RequestParam(name = "role", required = false) String[] roles,
                  @RequestParam(name = "unitId", required = false) String[] unitIds, Model model, RedirectAttributes redirect) {
        guard.requireAnywhere(Permission.MANAGE_ACCOUNTS);
        List<GrantRow> rows = rows(roles, unitIds);
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        try {
            List<Grant> grants = grants(rows);
            Long memberId = memberId(form.memberCode());
            Accounts.Created created = accounts.create(form.username(), form.displayName(), memberId, grants);
            redirect.addFlashAttribute("password", created.password());
            return Pages.done(redirect, "账号“" + form.username().strip() + "”已创建。", "/accounts/" + created.id());
        } catch (Invalid e) {
            Pages.invalid(model, e, "accounts/new");
            return formPage(model, e.errors());
        }
    }

    private String formPage(Model model, Map<String, String> errors) {
        model.addAttribute("roles", offeredRoles());
        model.addAttribute("units", manageableUnits());
        model.addAttribute("errors", errors);
        return "accounts/new";
    }

    private static List<GrantRow> emptyRows() {
        List<GrantRow> rows = new ArrayList<>();
        for (int i = 0; i < GRANT_ROWS; i++) {
            rows.add(new GrantRow("", ""));
        }
        return rows;
    }

    private static List<GrantRow> rows(String[] roles, String[] unitIds) {
        List<GrantRow> rows = new ArrayList<>();
        int n = Math.max(roles == null ? 0 : roles.length, unitIds == null ? 0 : unitIds.length);
        for (int i = 0; i < Math.max(n, GRANT_ROWS); i++) {
            rows.add(new GrantRow(roles != null && i < roles.length ? roles[i] : "", unitIds != null && i < unitIds.length ? unitIds[i] : ""));
        }
        return rows;
    }

    /** The grants of the filled rows; a row with a role but no unit (other than 系统管理员) is a mistake. */
    private static List<Grant> grants(List<GrantRow> rows) {
        List<Grant> grants = new ArrayList<>();
        for (GrantRow row : rows) {
            if (row.role() == null || row.role().isBlank()) {
                continue;
            }
            Grant grant = grant(row.role(), row.unitId());
            if (!grants.contains(grant)) {
                grants.add(grant);
            }
        }
        return grants;
    }

    private static Grant grant(String roleName, String unitId) {
        Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(roleName)).findFirst()
                .orElseThrow(() -> Invalid.of("grants", "请选择角色"));
        if (role == Role.SYSTEM_ADMIN) {
            return new Grant(role, null);
        }
        if (unitId == null || !unitId.strip().matches("\\d+")) {
            throw Invalid.of("grants", "请为“" + role.label() + "”选择所在组织");
        }
        return new Grant(role, Long.parseLong(unitId.strip()));
    }

    /**
     * The member with this code (编号) in the manager's scope, or null for none given. A code held out of scope answers
     * as one held by nobody, so that codes cannot be probed across committees.
     */
    private Long memberId(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return members.findByCode(code.strip()).filter(m -> guard.can(Permission.MANAGE_ACCOUNTS, m.unitId()))
                .map(MemberRecord::id)
                .orElseThrow(() -> Invalid.of("member", "你管理的范围内没有编号为“" + code.strip() + "”的党员"));
    }

    /** Members the manager may link an account to, found by name or code (for the search beside the member field). */
    @GetMapping("/accounts/members")
    String searchMembers(@RequestParam(required = false) String q, @RequestParam(defaultValue = "memberCode") String target, Model model) {
        guard.requireAnywhere(Permission.MANAGE_ACCOUNTS);
        List<MemberRecord> found = q == null || q.isBlank() ? List.of()
                : members.search(new Members.Query(null, q.strip(), null, null, null), 50).stream()
                .filter(m -> guard.can(Permission.MANAGE_ACCOUNTS, m.unitId())).limit(20).toList();
        model.addAttribute("found", found);
        model.addAttribute("q", q);
        model.addAttribute("target", target.matches("[A-Za-z0-9_-]+") ? target : "memberCode");
        return "accounts/parts :: members";
    }

    @GetMapping("/accounts/{id}")
    String show(@PathVariable long id, Model model) {
        Account account = accounts.visible(id);
        model.addAttribute("view", view(account));
        model.addAttribute("manageable", accounts.manageable(account));
        model.addAttribute("self", guard.current().accountId() == id);
        model.addAttribute("tokens", lifecycle.tokensOf(id));
        model.addAttribute("roles", offeredRoles());
        model.addAttribute("units", manageableUnits());
        return "accounts/show";
    }

    @PostMapping("/accounts/{id}/grants")
    String addGrant(@PathVariable long id, @RequestParam(required = false) String role, @RequestParam(required = false) String unitId,
                    RedirectAttributes redirect) {
        Account account = accounts.visible(id);
        try {
            Grant grant = grant(role, unitId);
            accounts.grant(id, grant);
            return Pages.done(redirect, "已授予“" + grant.role().label() + "”角色。", "/accounts/" + account.id());
        } catch (Invalid e) {
            return Pages.failed(redirect, e.getMessage(), "/accounts/" + account.id());
        }
    }

    @PostMapping("/accounts/{id}/grants/remove")
    String removeGrant(@PathVariable long id, @RequestParam String role, @RequestParam(required = false) String unitId,
                       RedirectAttributes redirect) {
        Account account = accounts.visible(id);
        try {
            Grant grant = grant(role, unitId);
            accounts.revoke(id, grant);
            return Pages.done(redirect, "已取消“" + grant.role().label() + "”角色。", "/accounts/" + account.id());
        } catch (Invalid e) {
            return Pages.failed(redirect, e.getMessage(), "/accounts/" + account.id());
        }
    }

    @PostMapping("/accounts/{id}/password")
    String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        Account account = accounts.visible(id);
        String password = lifecycle.resetPassword(id);
        redirect.addFlashAttribute("password", password);
        return Pages.done(redirect, "已为“" + account.username() + "”重置密码。", "/accounts/" + id);
    }

    @PostMapping("/accounts/{id}/tokens/revoke")
    String revokeTokens(@PathVariable long id, RedirectAttributes redirect) {
        Account account = accounts.visible(id);
        int revoked = lifecycle.revokeTokens(id);
        return Pages.done(redirect, "已吊销“" + account.username() + "”的" + revoked + "个API令牌，使用它们的系统将无法再访问。", "/accounts/" + id);
    }

    @PostMapping("/accounts/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        Account account = accounts.visible(id);
        try {
            lifecycle.setEnabled(id, enabled);
            return Pages.done(redirect, (enabled ? "已启用账号“" : "已停用账号“") + account.username() + "”。", "/accounts/" + id);
        } catch (Invalid e) {
            return Pages.failed(redirect, e.getMessage(), "/accounts/" + id);
        }
    }

    @PostMapping("/accounts/{id}/member")
    String linkMember(@PathVariable long id, @RequestParam(required = false) String memberCode, RedirectAttributes redirect) {
        accounts.visible(id);
        try {
            Long memberId = memberId(memberCode);
            if (memberId == null) {
                throw Invalid.of("member", "请填写要关联的党员编号");
            }
            accounts.linkMember(id, memberId);
            return Pages.done(redirect, "已关联党员。", "/accounts/" + id);
        } catch (Invalid e) {
            return Pages.failed(redirect, e.getMessage(), "/accounts/" + id);
        }
    }

    @PostMapping("/accounts/{id}/member/unlink")
    String unlinkMember(@PathVariable long id, RedirectAttributes redirect) {
        accounts.visible(id);
        try {
            accounts.linkMember(id, null);
            return Pages.done(redirect, "已解除与党员的关联。", "/accounts/" + id);
        } catch (Invalid e) {
            return Pages.failed(redirect, e.getMessage(), "/accounts/" + id);
        }
    }

    private AccountView view(Account account) {
        List<GrantView> grants = account.grants().stream().map(g -> new GrantView(g, g.role().label(),
                g.unitId() == null ? "全系统" : units.find(g.unitId()).map(Unit::name).orElse("#" + g.unitId()),
                accounts.grantable(g))).toList();
        MemberRecord member = account.memberId() == null ? null : members.find(account.memberId()).orElse(null);
        return new AccountView(account, grants, member);
    }

    /** The roles the current user may hand out: 系统管理员 only by a system administrator. */
    private List<Role> offeredRoles() {
        boolean admin = guard.current().isSystemAdmin();
        return Arrays.stream(Role.values()).filter(r -> r != Role.SYSTEM_ADMIN || admin).toList();
    }

    private List<Unit> manageableUnits() {
        return units.visibleTree().stream().filter(u -> !u.closed() && guard.can(Permission.MANAGE_ACCOUNTS, u.id())).toList();
    }
}
