package cn.vanguard.sheet.internal;

import cn.vanguard.sheet.Limits;
import cn.vanguard.sheet.Problems;

/**
 * One read of a table held to its {@link Limits}: the first limit hit is reported as a problem of the file, in English
 * and Chinese with the limit's figure, and from then on the table reads as ended, so every reader stops there.
 */
public final class Bounds {

    final Limits limits;
    final String file;
    private final Problems problems;
    private boolean stopped;
    private int rows;

    Bounds(Limits limits, String file, Problems problems) {
        this.limits = limits;
        this.file = file;
        this.problems = problems;
    }

    boolean stopped() {
        return stopped;
    }

    /** Reports the problem (only the first one of a read) and ends the read. */
    void stop(int line, String english, String chinese) {
        if (!stopped) {
            problems.add(file, line, english, chinese);
            stopped = true;
        }
    }

    /** Counts a non-blank row (the header is the first); false after reporting when there is one row too many. */
    boolean row() {
        rows++;
        if (rows > limits.maxRows() + 1L) {
            stop(0, "has more than " + limits.maxRows() + " rows below the header, the limit: split it into several files",
                    "文件超过 " + limits.maxRows() + " 行的上限：请分成几个文件，每个不超过 " + limits.maxRows() + " 行");
            return false;
        }
        return true;
    }

    /** False after reporting when a row reaches past the last column allowed ({@code column} counts from 0). */
    boolean column(int line, int column) {
        if (column >= limits.maxColumns()) {
            stop(line, "has a cell beyond column " + letters(limits.maxColumns() - 1) + ": a row may have at most "
                            + limits.maxColumns() + " columns, the limit",
                    "超过 " + limits.maxColumns() + " 列的上限：" + letters(limits.maxColumns() - 1) + " 列右边还有内容，请删除多余的列");
            return false;
        }
        return true;
    }

    /** False after reporting when a cell holds more characters than allowed. */
    boolean cell(int line, int column, int characters) {
        if (characters > limits.maxCellChars()) {
            stop(line, "the cell in column " + letters(column) + " is longer than " + limits.maxCellChars() + " characters, the limit",
                    "单元格超过 " + limits.maxCellChars() + " 个字符的上限（" + letters(column) + " 列）");
            return false;
        }
        return true;
    }

    void tooLarge() {
        stop(0, "is larger than " + Limits.size(limits.maxBytes()) + ", the limit", "文件超过 " + Limits.size(limits.maxBytes()) + " 的上限");
    }

    /** Column letters as a spreadsheet shows them: 0 is A, 26 is AA. */
    static String letters(int column) {
        StringBuilder b = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            b.append((char) ('A' + (c - 1) % 26));
        }
        return b.reverse().toString();
    }
}
