package cn.vanguard.sheet;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import cn.vanguard.scheme.Checked;
import cn.vanguard.scheme.Entry;
import cn.vanguard.scheme.Inputs;
import cn.vanguard.scheme.Problem;
import cn.vanguard.scheme.Scheme;

/**
 * The entries file (formats.md entries.csv): one row per approved ledger entry, checked against the roster and the
 * scheme. An entry's ref is its line, so explanations point at {@code entries.csv:14}.
 */
public final class LedgerFile {

    private LedgerFile() {
    }

    /** Entries per member, in roster order; rows with problems are reported and left out. */
    public static List<List<Entry>> read(Path path, Scheme scheme, int year, Roster roster, Problems problems) {
        String file = path.toString();
        List<List<Entry>> byMember = new ArrayList<>(roster.members().size());
        for (int i = 0; i < roster.members().size(); i++) {
            byMember.add(new ArrayList<>());
        }
        try (Table table = Tables.open(path, problems)) {
            if (table == null) {
                return byMember;
            }
            Header header = Header.read(table, file, EnumSet.of(Column.MEMBER_ID, Column.ITEM, Column.DATE), problems);
            if (header == null) {
                return byMember;
            }
            int memberColumn = header.index(Column.MEMBER_ID);
            int itemColumn = header.index(Column.ITEM);
            int dateColumn = header.index(Column.DATE);
            int quantityColumn = header.index(Column.QUANTITY);
            int pointsColumn = header.index(Column.POINTS);
            int occurrenceColumn = header.index(Column.OCCURRENCE);
            while (table.next()) {
                int line = table.line();
                String memberId = table.cell(memberColumn);
                int member = roster.indexOf(memberId);
                boolean ok = true;
                if (member < 0) {
                    roster.unknown(memberId, file, line, problems);
                    ok = false;
                }
                String dateText = table.cell(dateColumn);
                LocalDate date = Cells.date(dateText);
                if (date == null) {
                    problems.add(file, line, "date \"" + dateText + "\" is not a date: write it as 2025-03-14 (or 2025/3/14)",
                            "日期“" + dateText + "”无法识别：请写成 2025-03-14（或 2025/3/14）");
                    ok = false;
                }
                BigDecimal quantity = optionalNumber(table, quantityColumn, "quantity", "数量", file, problems);
                BigDecimal points = optionalNumber(table, pointsColumn, "points", "分值", file, problems);
                if (quantity == INVALID || points == INVALID) {
                    ok = false;
                }
                // a row with a bad cell is still checked against the scheme, so that all its problems are reported at once
                String occurrence = occurrenceColumn < 0 ? null : table.cell(occurrenceColumn);
                Checked<Entry> entry = Inputs.entry(scheme, year, table.cell(itemColumn), date == null ? LocalDate.of(year, 1, 1) : date,
                        quantity == INVALID ? null : quantity, points == INVALID ? null : points, occurrence, line);
                if (!entry.ok()) {
                    for (Problem problem : entry.problems()) {
                        problems.add(file, line, problem);
                    }
                } else if (ok && date != null) {
                    byMember.get(member).add(entry.value());
                }
            }
        }
        return byMember;
    }

    private static final BigDecimal INVALID = new BigDecimal("-0.0000000001");

    /** The number in an optional column: {@code null} when empty, {@link #INVALID} after reporting a bad number. */
    static BigDecimal optionalNumber(Table table, int column, String name, String chinese, String file, Problems problems) {
        if (column < 0) {
            return null;
        }
        String text = table.cell(column);
        if (text.isEmpty()) {
            return null;
        }
        BigDecimal number = Cells.number(text);
        if (number == null) {
            problems.add(file, table.line(), name + " \"" + text + "\" is not a number", chinese + "“" + text + "”不是数字");
            return INVALID;
        }
        return number;
    }
}
