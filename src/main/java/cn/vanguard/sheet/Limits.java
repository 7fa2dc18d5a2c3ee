package cn.vanguard.sheet;

import cn.vanguard.sheet.internal.XlsxParts;

/**
 * How much a table may hold before reading stops with a problem that names the limit: the file's size, its rows below
 * the header, the columns of a row, the characters of a cell, and for .xlsx workbooks the size of each part once
 * unzipped, how far a part may be compressed, the number of parts, sheets and shared strings. Every read checks them
 * while it streams, so a hostile file costs at most what the limits allow, never the heap.
 *
 * @param maxBytes             the file as stored or uploaded
 * @param maxRows              non-blank rows below the header
 * @param maxColumns           columns of a row, counted to its rightmost cell
 * @param maxCellChars         characters of one cell
 * @param maxPartBytes         the sheet and the shared strings of a workbook once unzipped (its other parts: {@link XlsxParts#STRUCTURE_BYTES})
 * @param minInflateRatio      compressed size / unzipped size of a part, below which it is a zip bomb
 * @param maxEntries           files inside a workbook
 * @param maxSheets            sheets of a workbook (only the first is read)
 * @param maxSharedStrings     distinct texts of a workbook
 */
public record Limits(long maxBytes, int maxRows, int maxColumns, int maxCellChars, long maxPartBytes, double minInflateRatio,
                     int maxEntries, int maxSheets, int maxSharedStrings) {

    /** Files uploaded to the web application (a roster, say), as vanguard.upload allows; ledger files have their own (LedgerImport.WEB). */
    public static final Limits UPLOAD = new Limits(10L << 20, 10_000, 256, 2_000, 50L << 20, 0.01, 1_000, 255, 1_000_000);

    /**
     * The {@code score} command's inputs: a ledger of tens of millions of rows is its purpose (performance.md), so rows
     * and bytes are bounded only by what streaming can take; a row, a cell and a workbook's parts are bounded as above.
     */
    public static final Limits COMMAND_LINE = new Limits(64L << 30, 200_000_000, 256, 2_000, 8L << 30, 0.01, 1_000, 255, 20_000_000);

    public Limits {
        if (maxBytes <= 0 || maxRows <= 0 || maxColumns <= 0 || maxCellChars <= 0 || maxPartBytes <= 0 || minInflateRatio < 0
                || maxEntries <= 0 || maxSheets <= 0 || maxSharedStrings < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public Limits withMaxRows(int rows) {
        return new Limits(maxBytes, rows, maxColumns, maxCellChars, maxPartBytes, minInflateRatio, maxEntries, maxSheets, maxSharedStrings);
    }

    /** {@code 10 MB}, {@code 512 KB}, {@code 300 字节} as the messages say it. */
    public static String size(long bytes) {
        if (bytes >= (1L << 30) && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        if (bytes >= (1L << 20) && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " B";
    }
}
