package cn.vanguard.sheet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.vanguard.sheet.internal.Table;
import cn.vanguard.sheet.internal.Tables;

/**
 * A whole table read into rows of named cells, for imports of ordinary size (a roster; ledger files stream through
 * {@link LedgerRows}): the caller
 * names its columns with their accepted headers, and gets every row with its line, or the problems of the header.
 */
public final class SheetRows {

    private SheetRows() {
    }

    /** One row: its line and its cells by column key ("" for an absent or empty cell). */
    public record Row(int line, Map<String, String> cells) {
        public String get(String key) {
            return cells.getOrDefault(key, "");
        }
    }

    /** Reads an upload to the web application, held to {@link Limits#UPLOAD}. */
    public static List<Row> read(Path file, String displayName, Map<String, List<String>> columns, List<String> required, Problems problems) {
        return read(file, displayName, columns, required, Limits.UPLOAD, problems);
    }

    /**
     * Reads the first sheet (XLSX) or the file (CSV), stopping at the first limit reached (then the problems say which,
     * and the rows are not the whole file).
     *
     * @param columns  column key → accepted headers (the first one is shown in messages)
     * @param required the keys that must be present
     */
    public static List<Row> read(Path file, String displayName, Map<String, List<String>> columns, List<String> required, Limits limits,
                                 Problems problems) {
        List<Row> rows = new ArrayList<>();
        try (Table table = Tables.open(file, displayName, limits, problems)) {
            if (table == null) {
                return rows;
            }
            if (!table.next()) {
                if (table.stopped()) {
                    return rows;
                }
                problems.add(displayName, 0, "is empty: the first row must be the header", "文件为空：第一行应为表头");
                return rows;
            }
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < table.width(); i++) {
                String header = normalize(table.cell(i));
                for (Map.Entry<String, List<String>> column : columns.entrySet()) {
                    if (column.getValue().stream().anyMatch(h -> normalize(h).equals(header))) {
                        index.putIfAbsent(column.getKey(), i);
                    }
                }
            }
            boolean ok = true;
            for (String key : required) {
                if (!index.containsKey(key)) {
                    String header = columns.get(key).get(0);
                    problems.add(displayName, table.line(), "missing column " + header, "缺少列“" + header + "”");
                    ok = false;
                }
            }
            if (!ok) {
                return rows;
            }
            while (table.next()) {
                Map<String, String> cells = new LinkedHashMap<>();
                index.forEach((key, i) -> cells.put(key, table.cell(i)));
                rows.add(new Row(table.line(), cells));
            }
        }
        return rows;
    }

    private static String normalize(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}
