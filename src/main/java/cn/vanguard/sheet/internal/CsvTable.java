package cn.vanguard.sheet.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import cn.vanguard.sheet.CsvText;
import cn.vanguard.sheet.Dates;
import cn.vanguard.sheet.Limits;

/**
 * An RFC 4180 CSV table in UTF-8, with or without a byte-order mark, read straight from bytes so that a ten-million-row
 * ledger reads in seconds: fields are located in a buffer and decoded only when asked for. Quoted fields may hold
 * commas, doubled quotes and line breaks; CRLF and LF both end a row; rows whose cells are all empty are skipped.
 * The read is held to its {@link Limits} as it streams (a row never grows the buffer past what the column and cell
 * limits allow), bytes that are not UTF-8 stop it at their line, and text cells the writer guarded against formulas
 * ({@link CsvText}) read back as they were.
 */
public final class CsvTable implements Table {

    private static final int STOP = -2;

    private final InputStream in;
    private final Bounds bounds;
    private final long maxRecordBytes;
    private long total;
    private byte[] buffer = new byte[1 << 20];
    private int position;
    private int limit;
    private boolean eof;
    private int nextLine = 1;

    private int line;
    private int width;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] escaped = new boolean[16];

    CsvTable(InputStream in, Bounds bounds) {
        this.in = in;
        this.bounds = bounds;
        Limits limits = bounds.limits;
        this.maxRecordBytes = Math.max(buffer.length, limits.maxColumns() * (4L * limits.maxCellChars() + 3) + 2);
        fill();
        if (limit >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
            position = 3;
        }
    }

    @Override
    public boolean next() {
        while (true) {
            if (bounds.stopped() || position >= limit && eof) {
                return false;
            }
            int start = position;
            int startLine = nextLine;
            int result = parseRecord(start, startLine);
            if (result == STOP) {
                return false;
            }
            if (result < 0) {
                if (!compactAndFill(start, startLine)) {
                    return false;
                }
                nextLine = startLine;
                continue;
            }
            position = result;
            line = startLine;
            if (!utf8(start, result, startLine)) {
                return false;
            }
            if (!blank()) {
                return bounds.row();
            }
        }
    }

    /**
     * Parses one record from {@code p}; returns the position after it, -1 if the buffer ran out first, or {@link #STOP}
     * after reporting a row wider or a cell longer than the limits.
     */
    private int parseRecord(int p, int startLine) {
        width = 0;
        int lines = 0;
        while (true) {
            ensureField();
            boolean quoted = p < limit && buffer[p] == '"';
            boolean esc = false;
            int fieldStart;
            int fieldEnd;
            if (quoted) {
                p++;
                fieldStart = p;
                while (true) {
                    if (p >= limit) {
                        if (!eof) {
                            return -1;
                        }
                        fieldEnd = p;
                        break;
                    }
                    byte b = buffer[p];
                    if (b == '"') {
                        if (p + 1 >= limit && !eof) {
                            return -1;
                        }
                        if (p + 1 < limit && buffer[p + 1] == '"') {
                            esc = true;
                            p += 2;
                            continue;
                        }
                        fieldEnd = p;
                        p++;
                        break;
                    }
                    if (b == '\n') {
                        lines++;
                    }
                    p++;
                }
                while (p < limit && buffer[p] != ',' && buffer[p] != '\n' && buffer[p] != '\r') {
                    p++;
                }
            } else {
                fieldStart = p;
                while (p < limit && buffer[p] != ',' && buffer[p] != '\n' && buffer[p] != '\r') {
                    p++;
                }
                fieldEnd = p;
            }
            if (p >= limit && !eof) {
                return -1;
            }
            if (!bounds.column(startLine, width) || !cellFits(fieldStart, fieldEnd, esc, startLine)) {
                return STOP;
            }
            starts[width] = fieldStart;
            ends[width] = fieldEnd;
            escaped[width] = esc;
            width++;
            if (p >= limit) {
                nextLine += lines + 1;
                return p;
            }
            byte delimiter = buffer[p++];
            if (delimiter == ',') {
                continue;
            }
            if (delimiter == '\r') {
                if (p >= limit && !eof) {
                    return -1;
                }
                if (p < limit && buffer[p] == '\n') {
                    p++;
                }
            }
            nextLine += lines + 1;
            return p;
        }
    }

    private void ensureField() {
        if (width == starts.length) {
            starts = Arrays.copyOf(starts, width * 2);
            ends = Arrays.copyOf(ends, width * 2);
            escaped = Arrays.copyOf(escaped, width * 2);
        }
    }

    /** False after reporting when the field being read has nowhere to go: longer than any row the limits allow. */
    private boolean cellFits(int start, int end, boolean esc, int startLine) {
        int bytes = end - start;
        if (bytes <= bounds.limits.maxCellChars()) {
            return true;
        }
        String text = new String(buffer, start, bytes, StandardCharsets.UTF_8);
        if (esc) {
            text = text.replace("\"\"", "\"");
        }
        return bounds.cell(startLine, width, text.strip().codePointCount(0, text.strip().length()));
    }

    private boolean compactAndFill(int recordStart, int startLine) {
        int remaining = limit - recordStart;
        if (recordStart == 0 && remaining == buffer.length) {
            if (buffer.length >= maxRecordBytes) {
                if (width < bounds.limits.maxColumns()) {
                    bounds.cell(startLine, width, bounds.limits.maxCellChars() + 1);
                } else {
                    bounds.column(startLine, width);
                }
                return false;
            }
            buffer = Arrays.copyOf(buffer, (int) Math.min(buffer.length * 2L, maxRecordBytes));
        } else {
            System.arraycopy(buffer, recordStart, buffer, 0, remaining);
        }
        position = 0;
        limit = remaining;
        fill();
        return !bounds.stopped();
    }

    private void fill() {
        try {
            while (limit < buffer.length && !eof) {
                int read = in.read(buffer, limit, buffer.length - limit);
                if (read < 0) {
                    eof = true;
                } else {
                    limit += read;
                    total += read;
                    if (total > bounds.limits.maxBytes()) {
                        bounds.tooLarge();
                        eof = true;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** False after reporting the line of the first byte in {@code [from, to)} that is not part of UTF-8 text. */
    private boolean utf8(int from, int to, int startLine) {
        int p = from;
        while (p < to) {
            if (buffer[p] >= 0) {
                p++;
                continue;
            }
            int length = sequence(p, to);
            if (length == 0) {
                int at = startLine;
                for (int i = from; i < p; i++) {
                    if (buffer[i] == '\n') {
                        at++;
                    }
                }
                bounds.stop(at, "is not UTF-8 text here: save the file as \"CSV UTF-8\" and try again",
                        "含有不是UTF-8编码的文字：请在Excel中“另存为”“CSV UTF-8（逗号分隔）”后重试");
                return false;
            }
            p += length;
        }
        return true;
    }

    /** The length of the well-formed UTF-8 sequence at {@code p} (no overlong forms, no surrogates), or 0. */
    private int sequence(int p, int to) {
        int b0 = buffer[p] & 0xFF;
        int length = b0 >= 0xC2 && b0 <= 0xDF ? 2 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
        if (length == 0 || p + length > to) {
            return 0;
        }
        for (int i = 1; i < length; i++) {
            if ((buffer[p + i] & 0xC0) != 0x80) {
                return 0;
            }
        }
        int b1 = buffer[p + 1] & 0xFF;
        if (b0 == 0xE0 && b1 < 0xA0 || b0 == 0xED && b1 > 0x9F || b0 == 0xF0 && b1 < 0x90 || b0 == 0xF4 && b1 > 0x8F) {
            return 0;
        }
        return length;
    }

    private boolean blank() {
        for (int i = 0; i < width; i++) {
            for (int p = starts[i]; p < ends[i]; p++) {
                byte b = buffer[p];
                if (b != ' ' && b != '\t') {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public String cell(int column) {
        if (column >= width) {
            return "";
        }
        int start = trimmedStart(column);
        int end = trimmedEnd(column, start);
        if (start == end) {
            return "";
        }
        if (end - start == 1 && buffer[start] >= '0' && buffer[start] <= '9') {
            return DIGITS[buffer[start] - '0'];
        }
        String text = new String(buffer, start, end - start, StandardCharsets.UTF_8);
        if (escaped[column]) {
            text = text.replace("\"\"", "\"");
        }
        return buffer[start] == CsvText.GUARD ? CsvText.restore(text) : text;
    }

    @Override
    public boolean stopped() {
        return bounds.stopped();
    }

    @Override
    public LocalDate date(int column) {
        if (column >= width || escaped[column]) {
            return Table.super.date(column);
        }
        int start = trimmedStart(column);
        int end = trimmedEnd(column, start);
        int length = end - start;
        if (length == lastDateLength && Arrays.equals(buffer, start, end, lastDateText, 0, length)) {
            return lastDate;
        }
        LocalDate date = Dates.parse(buffer, start, end);
        if (date != null && length <= lastDateText.length) {
            System.arraycopy(buffer, start, lastDateText, 0, length);
            lastDateLength = length;
            lastDate = date;
        }
        return date;
    }

    /** Ledgers are usually exported in date order: the previous row's date is kept to skip parsing it again. */
    private final byte[] lastDateText = new byte[16];
    private int lastDateLength = -1;
    private LocalDate lastDate;

    @Override
    public int lookup(int column, KeyIndex index) {
        if (column >= width) {
            return index.get("");
        }
        int start = trimmedStart(column);
        int end = trimmedEnd(column, start);
        if (escaped[column] || start < end && buffer[start] == CsvText.GUARD) {
            return index.get(cell(column));
        }
        return index.get(buffer, start, end - start);
    }

    private int trimmedStart(int column) {
        int start = starts[column];
        while (start < ends[column] && (buffer[start] == ' ' || buffer[start] == '\t')) {
            start++;
        }
        return start;
    }

    private int trimmedEnd(int column, int start) {
        int end = ends[column];
        while (end > start && (buffer[end - 1] == ' ' || buffer[end - 1] == '\t')) {
            end--;
        }
        return end;
    }

    private static final String[] DIGITS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
