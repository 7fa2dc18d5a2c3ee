package cn.vanguard.sheet;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;

/** Parsing of cell texts; {@code null} means "not valid" and the caller reports it with the row. */
final class Cells {

    private static final LocalDate[][] CACHE_2000_2099 = new LocalDate[100 * 12][];

    private Cells() {
    }

    /** {@code 2025-03-14}, also {@code 2025/3/14} and {@code 2025.3.14}. */
    static LocalDate date(String text) {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = text.charAt(i);
            bytes[i] = c < 0x80 ? (byte) c : (byte) '?';
        }
        return date(bytes, 0, bytes.length);
    }

    /** The same, read from ASCII bytes {@code [start, end)} of a buffer. */
    static LocalDate date(byte[] text, int start, int end) {
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
        return date(year, month, day);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static LocalDate date(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        if (year < 2000 || year > 2099) {
            return of(year, month, day);
        }
        int slot = (year - 2000) * 12 + month - 1;
        LocalDate[] days = CACHE_2000_2099[slot];
        if (days == null) {
            days = new LocalDate[32];
            CACHE_2000_2099[slot] = days;
        }
        LocalDate date = days[day];
        if (date == null) {
            date = of(year, month, day);
            days[day] = date;
        }
        return date;
    }

    private static LocalDate of(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static BigDecimal number(String text) {
        if ("1".equals(text)) {
            return BigDecimal.ONE;
        }
        try {
            return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static MemberType memberType(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "FORMAL", "正式党员", "正式" -> MemberType.FORMAL;
            case "PROBATIONARY", "预备党员", "预备" -> MemberType.PROBATIONARY;
            case "ACTIVIST", "入党积极分子", "积极分子" -> MemberType.ACTIVIST;
            default -> null;
        };
    }

    static Category category(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "IN_SERVICE", "在职", "在职党员" -> Category.IN_SERVICE;
            case "LEADER", "领导班子", "领导班子成员" -> Category.LEADER;
            case "RETIRED", "离退休", "离退休党员" -> Category.RETIRED;
            case "MOBILE", "流动", "流动党员" -> Category.MOBILE;
            default -> null;
        };
    }

    /** {@code true/false}, 是/否, yes/no, 1/0; {@code null} when none of these. */
    static Boolean yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "是", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "否", "no", "n", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
