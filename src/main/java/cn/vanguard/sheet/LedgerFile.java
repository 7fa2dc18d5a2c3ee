package cn.vanguard.sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import cn.vanguard.scheme.Entry;
import cn.vanguard.scheme.Inputs;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.Problem;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.sheet.internal.ColumnarLedger;
import cn.vanguard.sheet.internal.KeyIndex;
import cn.vanguard.sheet.internal.Table;

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
        ColumnarLedger ledger = new ColumnarLedger(scheme, estimatedRows(path));
        try (LedgerRows rows = LedgerRows.open(path, file, Limits.COMMAND_LINE, problems)) {
            if (rows == null) {
                return ledger.byMember(roster.members().size());
            }
            Table table = rows.table();
            int memberColumn = rows.memberColumn;
            int itemColumn = rows.itemColumn;
            int dateColumn = rows.dateColumn;
            KeyIndex itemCodes = new KeyIndex(scheme.items().stream().map(Item::code).toList());
            while (rows.next()) {
                int line = rows.line();
                int member = roster.indexOf(table, memberColumn);
                boolean ok = true;
                if (member < 0) {
                    roster.unknown(table.cell(memberColumn), file, line, problems);
                    ok = false;
                }
                LocalDate date = table.date(dateColumn);
                if (date == null) {
                    String dateText = table.cell(dateColumn);
                    problems.add(file, line, "date \"" + dateText + "\" is not a date: write it as 2025-03-14 (or 2025/3/14)",
                            "日期“" + dateText + "”无法识别：请写成 2025-03-14（或 2025/3/14）");
                    ok = false;
                }
                BigDecimal quantity = optionalNumber(rows.quantityText(), line, "quantity", "数量", file, problems);
                BigDecimal points = optionalNumber(rows.pointsText(), line, "points", "分值", file, problems);
                if (quantity == INVALID || points == INVALID) {
                    ok = false;
                }
                int code = table.lookup(itemColumn, itemCodes);
                String itemText = code >= 0 ? null : table.cell(itemColumn);
                Item item = code >= 0 ? scheme.items().get(code) : scheme.itemByCodeOrName(itemText);
                // a row with a bad cell is still checked against the scheme, so that all its problems are reported at once
                List<Problem> rowProblems = Inputs.entryProblems(scheme, year, itemText, item,
                        date == null ? LocalDate.of(year, 1, 1) : date, quantity == INVALID ? null : quantity,
                        points == INVALID ? null : points);
                for (Problem problem : rowProblems) {
                    problems.add(file, line, problem);
                }
                if (ok && rowProblems.isEmpty()) {
                    ledger.add(member, code >= 0 ? code : scheme.indexOf(item), date, quantity, points, rows.occurrence(), line);
                }
            }
        }
        return ledger.byMember(roster.members().size());
    }

    /** About 36 bytes a row in a typical export; the ledger grows if the guess is short. */
    private static int estimatedRows(Path path) {
        try {
            return (int) Math.min(Integer.MAX_VALUE - 16, Files.size(path) / 36);
        } catch (IOException e) {
            return 1024;
        }
    }

    private static final BigDecimal INVALID = new BigDecimal("-0.0000000001");

    /** The number in an optional cell: {@code null} when empty, {@link #INVALID} after reporting a bad number. */
    static BigDecimal optionalNumber(String text, int line, String name, String chinese, String file, Problems problems) {
        if (text.isEmpty()) {
            return null;
        }
        BigDecimal number = LedgerRows.number(text);
        if (number == null) {
            problems.add(file, line, name + " \"" + text + "\" is not a number", chinese + "“" + text + "”不是数字");
            return INVALID;
        }
        return number;
    }
}
