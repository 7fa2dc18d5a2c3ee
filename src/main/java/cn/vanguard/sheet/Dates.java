package cn.vanguard.sheet;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The one reading of a date written by a person, for every file and form of the application: {@code 2025-03-14},
 * {@code 2025/3/14}, {@code 2025.3.14}, {@code 2025年3月14日} and {@code 20250314}; {@code null} for anything else.
 * The days of 2000–2099 are shared values, so that a large ledger does not hold a date per entry.
 */
public final class Dates {

    private static final long FIRST = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final LocalDate[] DAYS = new LocalDate[(int) (LocalDate.of(2100, 1, 1).toEpochDay() - FIRST)];

    private Dates() {
    }

    /** The date the text names, or {@code null}; surrounding blanks are ignored. */
    public static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.indexOf(' ') >= 0 || t.indexOf('\u3000') >= 0) {
            t = t.replace(" ", "").replace("\u3000", "");
        }
        if (t.indexOf('年') == 4 && t.indexOf('月') > 5) {
            // 2025年3月14日 reads as 2025-3-14; the final 日 may be left out
            t = t.substring(0, t.endsWith("日") ? t.length() - 1 : t.length()).replace('年', '-').replace('月', '-');
        }
        byte[] bytes = new byte[t.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = t.charAt(i);
            bytes[i] = c < 0x80 ? (byte) c : (byte) '?';
        }
        return parse(bytes, 0, bytes.length);
    }

    /** The same, read from bytes {@code [start, end)} of a UTF-8 buffer without making a String for the usual forms. */
    public static LocalDate parse(byte[] text, int start, int end) {
        for (int k = start; k < end; k++) {
            if (text[k] < 0 || text[k] == ' ') {
                return parse(new String(text, start, end - start, StandardCharsets.UTF_8));
            }
        }
        if (end - start == 8 && isDigit(text[start + 4])) {
            return compact(text, start);
        }
        int i = start;
        int year = 0;
        while (i < end && i - start < 4 && isDigit(text[i])) {
            year = year * 10 + (text[i++] - '0');
        }
        if (i - start != 4 || i >= end) {
            return null;
        }
        byte separator = text[i++];
        if (separator != '-' && separator != '/' && separator != '.') {
            return null;
        }
        int month = 0;
        int from = i;
        while (i < end && isDigit(text[i]) && i - from < 2) {
            month = month * 10 + (text[i++] - '0');
        }
        if (i == from || i >= end || text[i++] != separator) {
            return null;
        }
        int day = 0;
        from = i;
        while (i < end && isDigit(text[i]) && i - from < 2) {
            day = day * 10 + (text[i++] - '0');
        }
        if (i == from || i != end) {
            return null;
        }
        return of(year, month, day);
    }

    /** {@code 20250314}. */
    private static LocalDate compact(byte[] text, int start) {
        int value = 0;
        for (int i = start; i < start + 8; i++) {
            if (!isDigit(text[i])) {
                return null;
            }
            value = value * 10 + (text[i] - '0');
        }
        return of(value / 10000, value / 100 % 100, value % 100);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static LocalDate of(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            return year >= 2000 && year <= 2099 ? ofEpochDay(date.toEpochDay()) : date;
        } catch (DateTimeException e) {
            return null;
        }
    }

    public static LocalDate ofEpochDay(long epochDay) {
        long i = epochDay - FIRST;
        if (i < 0 || i >= DAYS.length) {
            return LocalDate.ofEpochDay(epochDay);
        }
        LocalDate date = DAYS[(int) i];
        if (date == null) {
            date = LocalDate.ofEpochDay(epochDay);
            DAYS[(int) i] = date;
        }
        return date;
    }
}
