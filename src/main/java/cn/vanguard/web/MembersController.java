package cn.vanguard.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.org.Gender;
import cn.vanguard.org.Labels;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.org.Members;
import cn.vanguard.org.UnitPaths;
import cn.vanguard.org.Units;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The roster in the browser: search with filters (the rows alone for htmx), a member's page with the transfer history,
 * and the forms that create, edit and transfer (转接) members. Every rule lives in {@link Members}.
 */
@Controller
class MembersController {

    static final int LIMIT = 500;

    private final Members members;
    private final Units units;
    private final UnitOptions options;
    private final Guard guard;
    private final Clock clock;
    private final UnitPaths unitPaths;

    MembersController(Members members, Units units, UnitOptions options, Guard guard, Clock clock, UnitPaths unitPaths) {
        this.unitPaths = unitPaths;
        this.members = members;
        this.units = units;
        this.options = options;
        this.guard = guard;
        this.clock = clock;
    }

    /** One choice of a select: the value sent and the label shown. */
    record Choice(String name, String label) {
    }

    /** The labels of the enumerated fields, for selects and tables. */
    @ModelAttribute("choices")
    Map<String, Object> choices() {
        Map<String, Object> choices = new LinkedHashMap<>();
        choices.put("genders", Gender.values());
        choices.put("types", MemberType.values());
        choices.put("categories", Arrays.stream(Category.values()).map(c -> new Choice(c.name(), Labels.category(c))).toList());
        choices.put("statuses", MemberStatus.values());
        Map<Category, String> categoryLabel = new EnumMap<>(Category.class);
        Arrays.stream(Category.values()).forEach(c -> categoryLabel.put(c, Labels.category(c)));
        choices.put("categoryLabel", categoryLabel);
        return choices;
    }

    /** The full page, or only the rows when htmx asks (its history restore wants the full page). */
    @GetMapping("/members")
    String list(@ModelAttribute("filter") MemberFilter filter, @RequestHeader(value = "HX-Request", required = false) String htmx,
                @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore, Model model,
                HttpServletResponse response) {
        guard.requireAnywhere(Permission.VIEW_MEMBERS);
        if (filter.unitId() != null) {
            model.addAttribute("filterUnit", units.visible(filter.unitId()));
        }
        List<MemberRecord> found = members.search(filter.query(), LIMIT + 1);
        model.addAttribute("members", found.size() > LIMIT ? found.subList(0, LIMIT) : found);
        model.addAttribute("truncated", found.size() > LIMIT);
        model.addAttribute("unitPaths", unitPaths.of(found.stream().map(MemberRecord::unitId).toList()));
        model.addAttribute("limit", LIMIT);
        model.addAttribute("query", filter.queryString());
        model.addAttribute("canManage", guard.canAnywhere(Permission.MANAGE_MEMBERS));
        model.addAttribute("canManageAccounts", guard.canAnywhere(Permission.MANAGE_MEMBER_ACCOUNTS));
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        if (htmx != null && restore == null) {
            return "members/list :: rows";
        }
        model.addAttribute("units", options.visible());
        return "members/list";
    }

    @GetMapping("/members/{id}")
    String show(@PathVariable long id, Model model) {
        MemberRecord member = members.visible(id);
        model.addAttribute("member", member);
        model.addAttribute("category", Labels.category(member.category()));
        model.addAttribute("unitPath", unitPaths.of(member.unitId()));
        model.addAttribute("transfers", members.transfers(id));
        model.addAttribute("canManage", guard.can(Permission.MANAGE_MEMBERS, member.unitId()));
        model.addAttribute("seesUnit", guard.can(Permission.VIEW_UNITS, member.unitId()));
        return "members/show";
    }

    @GetMapping("/members/new")
    String createForm(@RequestParam(required = false) Long unitId, Model model) {
        guard.requireAnywhere(Permission.MANAGE_MEMBERS);
        return formPage(MemberFields.blank(unitId), null, Map.of(), model);
    }

    @PostMapping("/members")
    String create(@ModelAttribute MemberFields fields, Model model, RedirectAttributes redirect) {
        guard.requireAnywhere(Permission.MANAGE_MEMBERS);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            var form = fields.toForm(errors);
            if (!errors.isEmpty()) {
                throw new Invalid(errors);
            }
            MemberRecord created = members.create(form);
            return Pages.done(redirect, "已新增党员 " + created.name() + "（编号 " + created.code() + "）。", "/members/" + created.id());
        } catch (Invalid e) {
            Pages.invalid(model, e, "members/form");
            return formPage(fields, null, e.errors(), model);
        }
    }

    @GetMapping("/members/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        MemberRecord member = members.visible(id);
        guard.require(Permission.MANAGE_MEMBERS, member.unitId());
        return formPage(MemberFields.of(member), member, Map.of(), model);
    }

    /**
     * Saves the edit form. If someone else saved the member since the form was opened, nothing is saved and the form
     * comes back (409) with everything as typed and the stale version kept, so that saving it again cannot overwrite
     * the other change unseen.
     */
    @PostMapping("/members/{id}/edit")
    String edit(@PathVariable long id, @ModelAttribute MemberFields fields, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            var form = fields.toForm(errors);
            if (fields.version() == null) {
                errors.put("version", "表单已过期，请刷新后重新编辑");
            }
            if (!errors.isEmpty()) {
                throw new Invalid(errors);
            }
            MemberRecord saved = members.update(id, form, fields.version());
            return Pages.done(redirect, "已保存 " + saved.name() + " 的信息。", "/members/" + id);
        } catch (Invalid e) {
            Pages.invalid(model, e, "members/form");
            return formPage(fields, members.visible(id), e.errors(), model);
        } catch (Conflict e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("conflict", "未保存：在您编辑期间，其他人修改了该党员的信息，为免覆盖他人的修改，这次没有保存。"
                    + "您填写的内容仍在下面；请在新窗口打开最新信息，核对后重新修改并保存。");
            return formPage(fields, members.visible(id), Map.of(), model);
        }
    }

    private String formPage(MemberFields fields, MemberRecord existing, Map<String, String> errors, Model model) {
        model.addAttribute("fields", fields);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("units", existing == null ? options.where(Permission.MANAGE_MEMBERS) : List.of());
        return "members/form";
    }

    @GetMapping("/members/{id}/transfer")
    String transferForm(@PathVariable long id, Model model) {
        MemberRecord member = members.visible(id);
        guard.require(Permission.MANAGE_MEMBERS, member.unitId());
        return transferPage(member, new TransferFields(null, LocalDate.now(clock).toString(), ""), Map.of(), model);
    }

    @PostMapping("/members/{id}/transfer")
    String transfer(@PathVariable long id, @ModelAttribute TransferFields fields, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            LocalDate on = MemberFields.date(fields.on(), "on", errors);
            if (fields.toUnitId() == null) {
                errors.put("toUnitId", "请选择转入的组织");
            }
            if (!errors.isEmpty()) {
                throw new Invalid(errors);
            }
            MemberRecord moved = members.transfer(id, fields.toUnitId(), on, fields.reason());
            return Pages.done(redirect, moved.name() + " 已转接到“" + moved.unitName() + "”。", "/members/" + id);
        } catch (Invalid e) {
            Pages.invalid(model, e, "members/transfer");
            return transferPage(members.visible(id), fields, e.errors(), model);
        }
    }

    private String transferPage(MemberRecord member, TransferFields fields, Map<String, String> errors, Model model) {
        model.addAttribute("member", member);
        model.addAttribute("fields", fields);
        model.addAttribute("errors", errors);
        model.addAttribute("units", options.where(Permission.MANAGE_MEMBERS).stream().filter(o -> o.id() != member.unitId()).toList());
        return "members/transfer";
    }
}
