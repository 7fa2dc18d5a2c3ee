package cn.vanguard.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/** The units a select offers: those the current user may act in, open, in tree order and indented as a tree. */
@Component
class UnitOptions {

    /** One choice of a unit select; {@code label} is indented by the unit's depth within what the user sees. */
    record Option(long id, String label) {
    }

    private final Units units;
    private final Guard guard;

    UnitOptions(Units units, Guard guard) {
        this.units = units;
        this.guard = guard;
    }

    /** Every unit the user sees, closed ones included, for filters. */
    List<Option> visible() {
        List<Unit> tree = units.visibleTree();
        return options(tree, tree);
    }

    /** The open units where the user holds the permission, for choosing where to create or move something. */
    List<Option> where(Permission permission) {
        List<Unit> tree = units.visibleTree();
        List<Long> scope = guard.units(permission);
        Set<Long> allowed = scope == null ? null : new HashSet<>(scope);
        return options(tree, tree.stream().filter(u -> !u.closed() && (allowed == null || allowed.contains(u.id()))).toList());
    }

    private static List<Option> options(List<Unit> tree, List<Unit> chosen) {
        return chosen.stream().map(u -> new Option(u.id(), "\u3000".repeat(depth(u, tree)) + u.name()
                + (u.closed() ? "（已撤销）" : ""))).toList();
    }

    /** How many of the unit's ancestors are in the list: its depth in the tree as the user sees it. */
    static int depth(Unit unit, List<Unit> tree) {
        int depth = 0;
        for (Unit other : tree) {
            if (other.id() != unit.id() && unit.within(other)) {
                depth++;
            }
        }
        return depth;
    }
}
