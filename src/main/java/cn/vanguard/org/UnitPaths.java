package cn.vanguard.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;

/**
 * Units named by their path (第一党支部 / 第一党小组), where a name alone is ambiguous: the demo alone has three
 * 第一党小组. The path runs from below the top unit (the committee everybody in one organisation shares) down to the
 * unit itself; a top unit is named by its own name. No scope check: the names are those of the unit and its
 * ancestors, which whoever sees the unit sees above it anyway.
 */
@Service
public class UnitPaths {

    /** What separates the names of a path. */
    public static final String SEPARATOR = " / ";

    private final Units units;

    public UnitPaths(Units units) {
        this.units = units;
    }

    /** The path of each unit given (ids without a unit are left out), in two queries whatever the number of units. */
    public Map<Long, String> of(Collection<Long> ids) {
        Map<Long, Unit> found = units.byIds(ids.stream().filter(Objects::nonNull).distinct().toList());
        List<Long> ancestors = new ArrayList<>();
        found.values().forEach(u -> ancestors.addAll(lineage(u)));
        Map<Long, Unit> byId = new HashMap<>(found);
        byId.putAll(units.byIds(ancestors.stream().filter(a -> !byId.containsKey(a)).toList()));
        Map<Long, String> paths = new HashMap<>();
        found.values().forEach(u -> paths.put(u.id(), label(u, byId)));
        return paths;
    }

    /** The path of one unit ({@code #id} when there is no such unit). */
    public String of(long id) {
        return of(List.of(id)).getOrDefault(id, "#" + id);
    }

    /** The path of a unit whose ancestors are in {@code byId}: the names below the top unit, or the top unit's own. */
    static String label(Unit unit, Map<Long, Unit> byId) {
        List<Long> ids = lineage(unit);
        if (ids.size() <= 1) {
            return unit.name();
        }
        List<String> names = new ArrayList<>();
        for (Long id : ids.subList(1, ids.size())) {
            Unit u = byId.get(id);
            names.add(u == null ? "#" + id : u.name());
        }
        return String.join(SEPARATOR, names);
    }

    private static List<Long> lineage(Unit unit) {
        List<Long> ids = new ArrayList<>();
        for (String part : unit.path().split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }
}
