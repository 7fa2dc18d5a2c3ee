package cn.vanguard.sheet;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;

import cn.vanguard.sheet.internal.Cells;
import cn.vanguard.sheet.internal.Table;
import cn.vanguard.sheet.internal.Tables;

/**
 * The one reader of ledger files (formats.md entries.csv: member_id, item, date, quantity, points, occurrence, note,
 * Chinese headers accepted), shared by the {@code score} command, the web import and the {@code import-ledger} command.
 * It streams: one row at a time, nothing kept behind it, so a file of millions of rows costs a row's memory.
 */
public final class LedgerRows implements AutoCloseable {

    /** The columns every ledger file must have. */
    public static final EnumSet<Column> REQUIRED = EnumSet.of(Column.MEMBER_ID, Column.ITEM, Column.DATE);

    private final Table table;
    final int memberColumn;
    final int itemColumn;
    final int dateColumn;
    private final int quantityColumn;
    private final int pointsColumn;
    private final int occurrenceColumn;
    private final int noteColumn;

    private LedgerRows(Table table, Header header) {
        this.table = table;
        this.memberColumn = header.index(Column.MEMBER_ID);
        this.itemColumn = header.index(Column.ITEM);
        this.dateColumn = header.index(Column.DATE);
        this.quantityColumn = header.index(Column.QUANTITY);
        this.pointsColumn = header.index(Column.POINTS);
        this.occurrenceColumn = header.index(Column.OCCURRENCE);
        this.noteColumn = header.index(Column.NOTE);
    }

    /**
     * The file's rows below its header, held to the limits; {@code null} after reporting why the file or its header
     * cannot be read.
     *
     * @param display the file's name in problems
     */
    public static LedgerRows open(Path file, String display, Limits limits, Problems problems) {
        Table table = Tables.open(file, display, limits, problems);
        if (table == null) {
            return null;
        }
        Header header = Header.read(table, display, REQUIRED, problems);
        if (header == null) {
            table.close();
            return null;
        }
        return new LedgerRows(table, header);
    }

    /** Advances to the next row; false at the end, or at a limit (then {@link #stopped()} and the problem is reported). */
    public boolean next() {
        return table.next();
    }

    public boolean stopped() {
        return table.stopped();
    }

    /** The line (CSV) or row (XLSX) a person finds the current row at. */
    public int line() {
        return table.line();
    }

    /** The member's code, also when the cell holds the template's label ({@code M00001 张三}, {@link Codes#member}). */
    public String memberCode() {
        return Codes.member(table.cell(memberColumn));
    }

    /** The item's code, also when the cell holds the template's label ({@code 名称（CODE）}, {@link Codes#item}). */
    public String item() {
        return Codes.item(table.cell(itemColumn));
    }

    public String dateText() {
        return table.cell(dateColumn);
    }

    /** The row's date as {@link Dates#parse} reads it, or {@code null}. */
    public LocalDate date() {
        return table.date(dateColumn);
    }

    public String quantityText() {
        return Header.cell(table, quantityColumn);
    }

    public String pointsText() {
        return Header.cell(table, pointsColumn);
    }

    public String occurrence() {
        return Header.cell(table, occurrenceColumn);
    }

    public String note() {
        return Header.cell(table, noteColumn);
    }

    /** A number cell as every ledger reader reads it ({@code 1.5}, {@code +2}, {@code -3}), or {@code null}. */
    public static BigDecimal number(String text) {
        return Cells.number(text);
    }

    Table table() {
        return table;
    }

    @Override
    public void close() {
        table.close();
    }
}
