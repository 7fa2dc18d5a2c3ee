package cn.vanguard.scheme.file;

import static cn.vanguard.scheme.Decimals.plain;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.Scenario;
import cn.vanguard.scheme.Span;

/**
 * Small readers shared by the preset worked-example tables: a span column, a list-of-codes column, a member's
 * section figures, and an item written the way presets.md writes it.
 */
final class PresetTables {

    private PresetTables() {
    }

    /** {@code 2025} (the cycle), {@code 2025-03}, {@code 2025-Q2} or {@code 2025-H1}. */
    static Span span(String text) {
        if (text == null || text.isBlank() || text.trim().equals(Integer.toString(Scenario.YEAR))) {
            return Span.year(Scenario.YEAR);
        }
        return Span.parsePeriod(text).orElseThrow(() -> new IllegalArgumentException("bad span " + text));
    }

    /** A ledger column; an empty cell is an empty ledger. */
    static String ledger(String text) {
        return text == null ? "" : text;
    }

    /** Codes separated by spaces; an empty cell is the empty list. */
    static List<String> codes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.asList(text.trim().split("\\s+"));
    }

    /** The member's section figures in scheme order, two decimals each, separated by spaces. */
    static String sections(MemberResult result) {
        return result.sections().values().stream().map(v -> v.toPlainString()).collect(Collectors.joining(" "));
    }

    /**
     * An item as presets.md states it: where it goes, what it gives, its cap. {@code STUDY 10/月},
     * {@code FEATURE [0, 5] cap 5/YEAR}, {@code →DUES -2.5/次}, {@code POLITICS max 2.5}, {@code COUNTER 0/次}.
     */
    static String describe(Item item) {
        String where = switch (item.pool()) {
            case SECTION -> item.section();
            case BONUS -> "BONUS";
            case DEDUCTION -> "→" + (item.section() == null ? "TOTAL" : item.section());
            case NONE -> "COUNTER";
        };
        String gives = switch (item.kind()) {
            case PER_UNIT -> plain(item.points()) + "/" + item.unit();
            case RANGE -> "[" + plain(item.min()) + ", " + plain(item.max()) + "]";
            case CRITERION -> "max " + plain(item.max());
            case LEVEL -> item.levels().stream().map(l -> l.label() + "(" + l.code() + ")=" + plain(l.points()))
                    .collect(Collectors.joining(" "));
            case VETO, FORFEIT -> item.kind().name();
        };
        String cap = item.cap() == null ? "" : " cap " + plain(item.cap().points()) + "/" + item.cap().window();
        return where + " " + gives + cap;
    }
}
