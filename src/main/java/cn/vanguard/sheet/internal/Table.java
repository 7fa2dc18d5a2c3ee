package cn.vanguard.sheet.internal;

import java.io.Closeable;

import cn.vanguard.sheet.Dates;

/**
 * A table read row by row: the header is the first row. Cells are trimmed; a missing cell reads as "".
 * {@link #line()} is the line (CSV) or row number (XLSX) a person finds the row at.
 */
public interface Table extends Closeable {

    /** Advances to the next row that is not blank; false at the end, or once a limit of the read was hit. */
    boolean next();

    /** Whether reading stopped at a limit (the problem is reported): the rows read so far are not the whole file. */
    default boolean stopped() {
        return false;
    }

    int line();

    int width();

    String cell(int column);

    /** The cell as a date ({@code 2025-03-14}, {@code 2025/3/14}, {@code 2025.3.14}), or {@code null}. */
    default java.time.LocalDate date(int column) {
        return Dates.parse(cell(column));
    }

    /** The position of the cell's text in the index, or -1; CSV tables look it up without making a String. */
    default int lookup(int column, KeyIndex index) {
        return index.get(cell(column));
    }

    @Override
    void close();
}
