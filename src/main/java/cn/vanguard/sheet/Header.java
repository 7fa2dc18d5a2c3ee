package cn.vanguard.sheet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.vanguard.sheet.internal.Table;

/** The header row of a table: where each known column is. Unknown columns are ignored (formats.md). */
public final class Header {

    private final Map<Column, Integer> columns;
    private final Map<String, Integer> named;

    private Header(Map<Column, Integer> columns, Map<String, Integer> named) {
        this.columns = columns;
        this.named = named;
    }

    /**
     * Reads the header row. Reports a missing header, missing required columns and columns given twice; returns
     * {@code null} when the table cannot be read as asked.
     */
    static Header read(Table table, String file, Set<Column> required, Problems problems) {
        if (!table.next()) {
            if (table.stopped()) {
                return null;
            }
            problems.add(file, 0, "is empty: the first row must be the header (" + describe(required) + ")",
                    "文件为空：第一行应为表头（" + describeChinese(required) + "）");
            return null;
        }
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        Map<String, Integer> named = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < table.width(); i++) {
            String text = table.cell(i);
            named.putIfAbsent(Column.normalize(text), i);
            for (Column column : Column.values()) {
                if (column.matches(text)) {
                    Integer previous = columns.putIfAbsent(column, i);
                    if (previous != null) {
                        problems.add(file, table.line(), "column " + column.describe() + " is given twice",
                                "列“" + column.chinese() + "”（" + column.header() + "）出现了两次");
                        ok = false;
                    }
                }
            }
        }
        List<Column> missing = new ArrayList<>();
        for (Column column : required) {
            if (!columns.containsKey(column)) {
                missing.add(column);
            }
        }
        for (Column column : missing) {
            problems.add(file, table.line(), "missing column " + column.describe(),
                    "缺少列“" + column.chinese() + "”（" + column.header() + "）");
            ok = false;
        }
        return ok ? new Header(columns, named) : null;
    }

    private static String describe(Set<Column> columns) {
        return String.join(", ", columns.stream().map(Column::header).toList());
    }

    private static String describeChinese(Set<Column> columns) {
        return String.join("、", columns.stream().map(Column::chinese).toList());
    }

    /** The column's index, or -1 when the file does not have it. */
    public int index(Column column) {
        return columns.getOrDefault(column, -1);
    }

    /** The index of a column named by the scheme (vote levels: {@code good} or {@code 好}), or -1. */
    public int index(String... names) {
        for (String name : names) {
            Integer i = named.get(Column.normalize(name));
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    static String cell(Table table, int index) {
        return index < 0 ? "" : table.cell(index);
    }
}
