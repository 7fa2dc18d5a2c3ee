package cn.vanguard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.vanguard.Invalid;
import cn.vanguard.org.Labels;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.org.Units;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/** The organisation tree: see it, create, rename, move and close (撤销) units. Every rule lives in {@link Units}. */
@Controller
class UnitsController {

    private final Units units;
    private final Members members;
    private final UnitOptions options;
    private final Guard guard;

    UnitsController(Units units, Members members, UnitOptions options, Guard guard) {
        this.units = units;
        this.members = members;
        this.options = options;
        this.guard = guard;
    }

    /** A line of the tree: the unit, its depth as the user sees the tree, its members and those of its subtree. */
    record UnitRow(Unit unit, int depth, int members, int subtreeMembers) {
    }

    /** The form that creates a unit; no parent makes a top unit (system administrator only). */
    record NewUnit(Long parentId, String name, String kind) {
    }

    /** The form that renames a unit or changes its kind. */
    record UnitEdit(String name, String kind) {
    }

    /** The form that moves a unit under another parent. */
    record UnitMove(Long parentId) {
    }

    @GetMapping("/units")
    String list(Model model) {
        guard.requireAnywhere(Permission.VIEW_UNITS);
        model.addAttribute("newUnit", new NewUnit(null, "", UnitKind.BRANCH.name()));
        return listPage(model);
    }

    @PostMapping("/units")
    String create(@ModelAttribute("newUnit") NewUnit form, Model model, RedirectAttributes redirect) {
        try {
            Unit unit = units.create(form.parentId(), form.name(), Labels.unitKind(form.kind()));
            return Pages.done(redirect, "已新建" + unit.kind().label() + "“" + unit.name() + "”。", "/units/" + unit.id());
        } catch (Invalid e) {
            Pages.invalid(model, e, "units/list");
            return listPage(model);
        }
    }

    private String listPage(Model model) {
        List<Unit> tree = units.visibleTree();
        Map<Long, Integer> counts = members.countByUnit(tree.stream().map(Unit::id).toList());
        List<UnitRow> rows = new ArrayList<>();
        for (Unit unit : tree) {
            int subtree = tree.stream().filter(u -> u.within(unit)).mapToInt(u -> counts.getOrDefault(u.id(), 0)).sum();
            rows.add(new UnitRow(unit, UnitOptions.depth(unit, tree), counts.getOrDefault(unit.id(), 0), subtree));
        }
        List<UnitOptions.Option> parents = options.where(Permission.MANAGE_UNITS);
        boolean top = guard.current().isSystemAdmin();
        model.addAttribute("rows", rows);
        model.addAttribute("parents", parents);
        model.addAttribute("canCreateTop", top);
        model.addAttribute("canCreate", top || !parents.isEmpty());
        model.addAttribute("kinds", UnitKind.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Pages.noErrors());
        }
        return "units/list";
    }

    @GetMapping("/units/{id}")
    String show(@PathVariable long id, Model model) {
        Unit unit = units.visible(id);
        model.addAttribute("edit", new UnitEdit(unit.name(), unit.kind().name()));
        model.addAttribute("move", new UnitMove(unit.parentId()));
        return showPage(unit, null, model);
    }

    @PostMapping("/units/{id}/edit")
    String edit(@PathVariable long id, @ModelAttribute("edit") UnitEdit form, Model model, RedirectAttributes redirect) {
        try {
            Unit unit = units.rename(id, form.name(), Labels.unitKind(form.kind()));
            return Pages.done(redirect, "已保存“" + unit.name() + "”。", "/units/" + id);
        } catch (Invalid e) {
            Pages.invalid(model, e, "units/show");
            Unit unit = units.visible(id);
            model.addAttribute("move", new UnitMove(unit.parentId()));
            return showPage(unit, "edit", model);
        }
    }

    @PostMapping("/units/{id}/move")
    String move(@PathVariable long id, @ModelAttribute("move") UnitMove form, Model model, RedirectAttributes redirect) {
        try {
            if (form.parentId() == null) {
                throw Invalid.of("parentId", "请选择新的上级组织");
            }
            Unit unit = units.move(id, form.parentId());
            return Pages.done(redirect, "已把“" + unit.name() + "”移到“" + units.get(form.parentId()).name() + "”之下。", "/units/" + id);
        } catch (Invalid e) {
            Pages.invalid(model, e, "units/show");
            Unit unit = units.visible(id);
            model.addAttribute("edit", new UnitEdit(unit.name(), unit.kind().name()));
            return showPage(unit, "move", model);
        }
    }

    private String showPage(Unit unit, String failedForm, Model model) {
        boolean seesSubtree = guard.can(Permission.VIEW_UNITS, unit.id());
        List<Unit> children = seesSubtree ? units.children(unit.id()) : List.of();
        List<Long> ids = new ArrayList<>(children.stream().map(Unit::id).toList());
        ids.add(unit.id());
        boolean manage = guard.can(Permission.MANAGE_UNITS, unit.id());
        model.addAttribute("unit", unit);
        model.addAttribute("lineage", units.lineage(unit.id()));
        model.addAttribute("children", children);
        model.addAttribute("counts", members.countByUnit(ids));
        model.addAttribute("seesMembers", guard.can(Permission.VIEW_MEMBERS, unit.id()));
        model.addAttribute("canManage", manage && !unit.closed());
        model.addAttribute("canMove", manage && !unit.closed() && unit.parentId() != null);
        model.addAttribute("moveTargets", manage ? moveTargets(unit) : List.of());
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("failedForm", failedForm);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Pages.noErrors());
        }
        return "units/show";
    }

    /** Where a unit can go: open units the user manages, outside its own subtree, other than its parent. */
    private List<UnitOptions.Option> moveTargets(Unit unit) {
        List<Long> subtree = units.subtree(unit.id());
        return options.where(Permission.MANAGE_UNITS).stream()
                .filter(o -> !subtree.contains(o.id()) && (unit.parentId() == null || o.id() != unit.parentId())).toList();
    }

    @GetMapping("/units/{id}/close")
    String confirmClose(@PathVariable long id, Model model) {
        Unit unit = units.visible(id);
        guard.require(Permission.MANAGE_UNITS, id);
        model.addAttribute("unit", unit);
        return "units/close";
    }

    @PostMapping("/units/{id}/close")
    String close(@PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            Unit unit = units.close(id);
            return Pages.done(redirect, "已撤销“" + unit.name() + "”。", "/units/" + id);
        } catch (Invalid e) {
            model.addAttribute("unit", units.visible(id));
            model.addAttribute("errors", e.errors());
            model.addAttribute("flashError", e.getMessage());
            return "units/close";
        }
    }
}
