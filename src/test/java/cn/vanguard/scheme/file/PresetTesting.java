package cn.vanguard.scheme.file;

import static cn.vanguard.scheme.Decimals.plain;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.ItemKind;
import cn.vanguard.scheme.Level;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.Scenario;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.Section;
import cn.vanguard.scheme.Span;
import cn.vanguard.scheme.VetoEffect;

/**
 * Helpers shared by the preset tests: a one-line digest of every item and section (to compare a preset with the
 * tables of presets.md), the {@code {FULL}} shorthand of the worked examples, and the checks of a result row.
 */
final class PresetTesting {

    private PresetTesting() {
    }

    static Scheme load(String id) {
        SchemeLoad load = SchemeFiles.read(Presets.text(id).orElseThrow());
        assertThat(load.problems()).as("problems loading preset " + id).isEmpty();
        return load.scheme();
    }

    /** One line per section: {@code BASE CRITERIA 100} (max "-" when uncapped). */
    static List<String> sections(Scheme scheme) {
        return scheme.sections().stream()
                .map(s -> s.code() + " " + s.mode() + " " + (s.max() == null ? "-" : plain(s.max()))
                        + (s.criteriaDefault() == null ? "" : " default " + s.criteriaDefault())
                        + (s.votes().isEmpty() ? "" : " votes " + votes(s)))
                .toList();
    }

    private static String votes(Section section) {
        StringJoiner joiner = new StringJoiner(",");
        section.votes().forEach(v -> joiner.add(v.code() + "/" + v.label() + "=" + plain(v.weight())));
        return joiner.toString();
    }

    /**
     * One line per item, e.g. {@code B_POLITICAL BASE max 20}, {@code BON_CHARITY bonus 3},
     * {@code DED_ABSENT_LEAVE deduction->BASE -2 free 2}, {@code BON_EXTRA bonus 1..5},
     * {@code CON_PUB_CITY bonus 2 cap 3/YEAR}, {@code BON_INNOVATION bonus 3 group INNOVATION},
     * {@code VETO_X veto ZERO_TOTAL,FAIL}, {@code ORGLIFE_ATTEND counter}.
     */
    static List<String> items(Scheme scheme) {
        return scheme.items().stream().map(PresetTesting::describe).toList();
    }

    static String describe(Item item) {
        StringBuilder s = new StringBuilder(item.code()).append(' ');
        switch (item.kind()) {
            case CRITERION -> s.append(item.section()).append(" max ").append(plain(item.max()));
            case LEVEL -> {
                StringJoiner levels = new StringJoiner(",");
                for (Level level : item.levels()) {
                    levels.add(level.label() + "=" + plain(level.points()));
                }
                s.append(item.section()).append(" levels ").append(levels);
            }
            case VETO -> {
                StringJoiner effects = new StringJoiner(",");
                for (VetoEffect effect : item.vetoEffects()) {
                    effects.add(effect.section() == null ? effect.kind().name() : effect.kind() + "(" + effect.section() + ")");
                }
                s.append("veto ").append(effects);
            }
            case FORFEIT -> s.append("forfeits ").append(item.forfeits());
            case PER_UNIT, RANGE -> {
                switch (item.pool()) {
                    case SECTION -> s.append(item.section());
                    case BONUS -> s.append("bonus");
                    case DEDUCTION -> s.append("deduction->").append(item.section() == null ? "total" : item.section());
                    case NONE -> s.append("counter");
                }
                if (item.pool() != cn.vanguard.scheme.Pool.NONE) {
                    s.append(' ').append(item.kind() == ItemKind.PER_UNIT ? plain(item.points()) : plain(item.min()) + ".." + plain(item.max()));
                } else if (item.points().signum() != 0) {
                    s.append(" points ").append(plain(item.points()));
                }
            }
        }
        if (item.threshold() != null) {
            s.append(" threshold ").append(item.threshold().item()).append(">=").append(plain(item.threshold().atLeast()));
        }
        if (item.cap() != null) {
            s.append(" cap ").append(plain(item.cap().points())).append('/').append(item.cap().window());
        }
        if (item.freeCount() != null) {
            s.append(" free ").append(plain(item.freeCount()));
        }
        if (item.group() != null) {
            s.append(" group ").append(item.group());
        }
        return s.toString();
    }

    /** The lines of a text block, trimmed, blank lines left out. */
    static String[] lines(String block) {
        return block.lines().map(String::trim).filter(l -> !l.isEmpty()).toArray(String[]::new);
    }

    /**
     * Expands the shorthand {@code {FULL}} of a worked example: every criterion of the scheme that the ledger does not
     * assess itself is assessed at its maximum ({@code {FULL} WORK_RESULTS:9.99} = all full but WORK_RESULTS).
     */
    static String ledger(Scheme scheme, String ledger) {
        if (ledger == null) {
            return "";
        }
        if (!ledger.contains("{FULL}")) {
            return ledger;
        }
        Set<String> assessed = new HashSet<>();
        for (String token : ledger.trim().split("[;\\s]+")) {
            int colon = token.indexOf(':');
            if (colon > 0 && !token.startsWith("votes:")) {
                assessed.add(token.substring(0, colon));
            }
        }
        StringJoiner full = new StringJoiner(" ");
        for (Item item : scheme.items()) {
            if (item.kind() == ItemKind.CRITERION && !assessed.contains(item.code())) {
                full.add(item.code() + ":" + plain(item.max()));
            }
        }
        return ledger.replace("{FULL}", full.toString());
    }

    /** A list cell of a worked example: codes separated by ';', empty for none. */
    static List<String> codes(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(";")).map(String::trim).toList();
    }

    /** Asserts the section values of a cell like {@code WORK=0;EDU=5}; an empty cell asserts nothing. */
    static void assertSections(MemberResult result, String cell) {
        for (String pair : codes(cell)) {
            String[] parts = pair.split("=");
            assertThat(result.sections().get(parts[0])).as("section " + parts[0]).isEqualByComparingTo(parts[1]);
        }
    }

    /** Spreads a section value over criteria of equal maximum, filling them in order: 49 over 6×10 → 10,10,10,10,9,0. */
    static String spread(BigDecimal value, List<String> criteria, BigDecimal max) {
        List<String> tokens = new ArrayList<>();
        BigDecimal left = value;
        for (String criterion : criteria) {
            BigDecimal part = left.min(max);
            tokens.add(criterion + ":" + plain(part));
            left = left.subtract(part);
        }
        if (left.signum() != 0) {
            throw new IllegalArgumentException(value + " does not fit " + criteria);
        }
        return String.join(" ", tokens);
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

    /** Codes separated by spaces (the tables of the later preset tests); an empty cell is the empty list. */
    static List<String> words(String text) {
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
    static String asInPresetsMd(Item item) {
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
