package cn.vanguard.cycle.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a snapshot line's lists are kept in text columns: one item a line; sections as {@code code=value} lines, in order. */
final class LineText {

    private LineText() {
    }

    static String join(List<String> items) {
        return String.join("\n", items.stream().map(i -> i.replace('\n', ' ')).toList());
    }

    static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    static String sections(Map<String, BigDecimal> sections) {
        return join(sections.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toPlainString()).toList());
    }

    static Map<String, BigDecimal> sections(String text) {
        Map<String, BigDecimal> sections = new LinkedHashMap<>();
        for (String line : split(text)) {
            int eq = line.lastIndexOf('=');
            sections.put(line.substring(0, eq), new BigDecimal(line.substring(eq + 1)));
        }
        return sections;
    }
}
