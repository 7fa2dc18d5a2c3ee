package cn.vanguard.standings.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One population's stored rows (a cycle and the scheme version its members are scored under), grouped by ranking unit,
 * with how its branches are labelled and how many members have recorded each attendance item. Never changed once
 * built: a refresh {@link #edit() edits} a copy that shares every ranking unit it does not touch, so that one member's
 * change copies their branch, not the committee.
 */
final class Population {

    private final Map<Long, Map<Long, StandingStore.Stored>> parts;
    private final Map<Long, String> labels;
    private final Map<String, Integer> attendance;

    private Population(Map<Long, Map<Long, StandingStore.Stored>> parts, Map<Long, String> labels, Map<String, Integer> attendance) {
        this.parts = parts;
        this.labels = labels;
        this.attendance = attendance;
    }

    static Population of(Collection<StandingStore.Stored> rows, Map<Long, String> labels) {
        Editor editor = new Population(new HashMap<>(), Map.of(), new HashMap<>()).edit();
        rows.forEach(editor::put);
        return editor.done(labels);
    }

    /** The rows of one ranking unit, member id → row; empty when the unit has none here. */
    Map<Long, StandingStore.Stored> part(long rankingUnitId) {
        return parts.getOrDefault(rankingUnitId, Map.of());
    }

    Map<Long, Map<Long, StandingStore.Stored>> parts() {
        return parts;
    }

    Set<Long> rankingUnits() {
        return parts.keySet();
    }

    /** How each ranking unit is shown among this population's branches, as when the population was last ranked. */
    Map<Long, String> labels() {
        return labels;
    }

    /** The attendance items anybody in the population has recorded (scoring.md §10). */
    Set<String> attendanceRecorded() {
        return recorded(attendance);
    }

    /** The items that at least one member has recorded, from the count of members per item. */
    private static Set<String> recorded(Map<String, Integer> attendance) {
        Set<String> recorded = new HashSet<>();
        attendance.forEach((code, members) -> {
            if (members > 0) {
                recorded.add(code);
            }
        });
        return recorded;
    }

    Editor edit() {
        return new Editor();
    }

    /** A copy being changed: a ranking unit is copied the first time a row of it is removed or put. */
    final class Editor {

        private final Map<Long, Map<Long, StandingStore.Stored>> parts = new HashMap<>(Population.this.parts);
        private final Map<String, Integer> attendance = new HashMap<>(Population.this.attendance);
        private final Set<Long> touched = new HashSet<>();

        /** Removes a member's row from the ranking unit it is stored in; returns it, or null when it is not there. */
        StandingStore.Stored remove(long memberId, long rankingUnitId) {
            Map<Long, StandingStore.Stored> part = parts.get(rankingUnitId);
            if (part == null || !part.containsKey(memberId)) {
                return null;
            }
            StandingStore.Stored old = writable(rankingUnitId).remove(memberId);
            old.figures().attendanceSeen().forEach(code -> attendance.merge(code, -1, Integer::sum));
            if (parts.get(rankingUnitId).isEmpty()) {
                parts.remove(rankingUnitId);
            }
            return old;
        }

        /** Puts a row (a member's new figures, or a new result) into its ranking unit, replacing the member's row there. */
        void put(StandingStore.Stored row) {
            StandingStore.Stored old = writable(row.rankingUnitId()).put(row.memberId(), row);
            if (old != null) {
                old.figures().attendanceSeen().forEach(code -> attendance.merge(code, -1, Integer::sum));
            }
            row.figures().attendanceSeen().forEach(code -> attendance.merge(code, 1, Integer::sum));
        }

        /** The ranking units a row was removed from or put into. */
        Set<Long> touched() {
            return touched;
        }

        Map<Long, Map<Long, StandingStore.Stored>> parts() {
            return parts;
        }

        Set<String> attendanceRecorded() {
            return recorded(attendance);
        }

        private Map<Long, StandingStore.Stored> writable(long rankingUnitId) {
            if (touched.add(rankingUnitId)) {
                parts.put(rankingUnitId, new HashMap<>(parts.getOrDefault(rankingUnitId, Map.of())));
            }
            // a part emptied (and dropped) earlier in this edit starts again as a map of this edit's own
            return parts.computeIfAbsent(rankingUnitId, k -> new HashMap<>());
        }

        /** The population as edited, its branches labelled so. */
        Population done(Map<Long, String> labels) {
            return new Population(parts, Map.copyOf(labels), attendance);
        }
    }
}
