package cn.vanguard.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * An RFC 4180 CSV table in UTF-8, with or without a byte-order mark, read straight from bytes so that a ten-million-row
 * ledger reads in seconds: fields are located in a buffer and decoded only when asked for. Quoted fields may hold
 * commas, doubled quotes and line breaks; CRLF and LF both end a row; rows whose cells are all empty are skipped.
 */
final class CsvTable implements Table {

    private final InputStream in;
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

    CsvTable(InputStream in) {
        this.in = in;
        fill();
        if (limit >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
            position = 3;
        }
    }

    @Override
    public boolean next() {
        while (true) {
            if (position >= limit && eof) {
                return false;
            }
            int start = position;
            int startLine = nextLine;
            int result = parseRecord(start);
            if (result < 0) {
                compactAndFill(start);
                nextLine = startLine;
                continue;
            }
            position = result;
            line = startLine;
            if (!blank()) {
                return true;
            }
        }
    }

    /** Parses one record from {@code p}; returns the position after it, or -1 if the buffer ran out first. */
    private int parseRecord(int p) {
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

    private void compactAndFill(int recordStart) {
        int remaining = limit - recordStart;
        if (recordStart == 0 && remaining == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        } else {
            System.arraycopy(buffer, recordStart, buffer, 0, remaining);
        }
        position = 0;
        limit = remaining;
        fill();
    }

    private void fill() {
        try {
            while (limit < buffer.length && !eof) {
                int read = in.read(buffer, limit, buffer.length - limit);
                if (read < 0) {
                    eof = true;
                } else {
                    limit += read;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return escaped[column] ? text.replace("\"\"", "\"") : text;
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
        LocalDate date = Cells.date(buffer, start, end);
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
        if (escaped[column]) {
            return index.get(cell(column));
        }
        int start = trimmedStart(column);
        int end = trimmedEnd(column, start);
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
