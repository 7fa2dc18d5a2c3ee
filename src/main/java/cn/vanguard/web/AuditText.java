package cn.vanguard.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.vanguard.cycle.Objection;
import cn.vanguard.cycle.PeriodStatus;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.org.Gender;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.org.UnitKind;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.security.Role;

/**
 * The audit log in Chinese: what each action code means ({@link AuditActions}), what each recorded field is called
 * ({@link AuditFields}), and the recorded values
 * (enum names, grants, booleans) as people read them. Codes it does not know are shown as they are.
 */
final class AuditText {

    private static final Map<String, String> VALUES = values();
    private static final Pattern GRANT = Pattern.compile("Grant\\[role=([A-Z_]+), unitId=(\\d+|null)]");

    private AuditText() {
    }

    private static Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        for (MemberType v : MemberType.values()) {
            values.put(v.name(), v.label());
        }
        for (Category v : Category.values()) {
            values.put(v.name(), v.label());
        }
        for (MemberStatus v : MemberStatus.values()) {
            values.put(v.name(), v.label());
        }
        for (EntryStatus v : EntryStatus.values()) {
            values.put(v.name(), v.label());
        }
        for (Gender v : Gender.values()) {
            values.put(v.name(), v.label());
        }
        for (UnitKind v : UnitKind.values()) {
            values.put(v.name(), v.label());
        }
        for (PublishedScheme.SourceKind v : PublishedScheme.SourceKind.values()) {
            values.put(v.name(), v.label());
        }
        for (EntrySource v : EntrySource.values()) {
            values.putIfAbsent(v.name(), v.label());
        }
        for (Role v : Role.values()) {
            values.put("role:" + v.name(), v.label());
        }
        for (PeriodStatus v : PeriodStatus.values()) {
            values.put("evaluation_period:" + v.name(), v.label());
        }
        for (Objection.Status v : Objection.Status.values()) {
            values.put("objection:" + v.name(), v.label());
        }
        values.put("true", "是");
        values.put("false", "否");
        return Map.copyOf(values);
    }

    static String action(String code) {
        return AuditActions.action(code);
    }

    static String field(String key) {
        return AuditFields.name(key);
    }

    /** One field of a change: its name, and its value before and after ({@code hadBefore}: it was recorded before). */
    record Change(String field, String before, String after, boolean hadBefore, boolean hadAfter) {
    }

    /**
     * The fields of a line as a list: every field recorded after (with its value before, if there was one), then those
     * only recorded before; fields recorded on both sides with the same value are left out.
     */
    static List<Change> changes(Map<String, String> before, Map<String, String> after, Function<String, String> unitName,
                                LongFunction<String> memberName) {
        return changes(before, after, null, unitName, memberName);
    }

    /** As above, for a line about an object of {@code objectType} (whose statuses are its own). */
    static List<Change> changes(Map<String, String> before, Map<String, String> after, String objectType,
                                Function<String, String> unitName, LongFunction<String> memberName) {
        Set<String> keys = new LinkedHashSet<>(after.keySet());
        keys.addAll(before.keySet());
        List<Change> changes = new ArrayList<>();
        for (String key : keys) {
            boolean hadBefore = before.containsKey(key);
            boolean hadAfter = after.containsKey(key);
            String b = value(key, before.get(key), objectType, unitName, memberName);
            String a = value(key, after.get(key), objectType, unitName, memberName);
            if (hadBefore && hadAfter && b.equals(a)) {
                continue;
            }
            changes.add(new Change(field(key), b, a, hadBefore, hadAfter));
        }
        return changes;
    }

    static String value(String key, String value, String objectType, Function<String, String> unitName,
                        LongFunction<String> memberName) {
        if (value == null || value.isEmpty()) {
            return "—";
        }
        if (key.equals("status") && VALUES.containsKey(objectType + ":" + value)) {
            return VALUES.get(objectType + ":" + value);
        }
        if (key.equals("role")) {
            return VALUES.getOrDefault("role:" + value, value);
        }
        if (key.equals("memberId") && value.matches("\\d+")) {
            return memberName.apply(Long.parseLong(value));
        }
        if (key.equals("grants")) {
            return grants(value, unitName);
        }
        return VALUES.getOrDefault(value, value);
    }

    /** "[Grant[role=SCORER, unitId=5]]" → "记分员（第一支部）". */
    static String grants(String value, Function<String, String> unitName) {
        Matcher m = GRANT.matcher(value);
        List<String> grants = new ArrayList<>();
        while (m.find()) {
            String role = VALUES.getOrDefault("role:" + m.group(1), m.group(1));
            grants.add(m.group(2).equals("null") ? role : role + "（" + unitName.apply(m.group(2)) + "）");
        }
        if (grants.isEmpty()) {
            return value.equals("[]") ? "无" : value;
        }
        return String.join("、", grants);
    }

    /** Caches look-ups for one page, so that a name is read once however often it appears. */
    static <K, V> Function<K, V> cached(Function<K, V> lookup) {
        Map<K, V> cache = new LinkedHashMap<>();
        return key -> cache.computeIfAbsent(key, lookup);
    }
}
