package cn.vanguard.sheet;

import java.io.Closeable;

/**
 * A table read row by row: the header is the first row. Cells are trimmed; a missing cell reads as "".
 * {@link #line()} is the line (CSV) or row number (XLSX) a person finds the row at.
 */
public interface Table extends Closeable {

    /** Advances to the next row that is not blank; false at the end. */
    boolean next();

    int line();

    int width();

    String cell(int column);

    @Override
    void close();
}
