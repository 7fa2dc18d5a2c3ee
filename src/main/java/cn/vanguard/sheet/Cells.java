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
        int length = text.length();
        int year = 0;
        int i = 0;
        while (i < length && i < 4 && Character.isDigit(text.charAt(i))) {
            year = year * 10 + (text.charAt(i++) - '0');
        }
        if (i != 4 || i >= length) {
            return null;
        }
        char separator = text.charAt(i++);
        if (separator != '-' && separator != '/' && separator != '.') {
            return null;
        }
        int month = 0;
        int start = i;
        while (i < length && Character.isDigit(text.charAt(i)) && i - start < 2) {
            month = month * 10 + (text.charAt(i++) - '0');
        }
        if (i == start || i >= length || text.charAt(i++) != separator) {
            return null;
        }
        int day = 0;
        start = i;
        while (i < length && Character.isDigit(text.charAt(i)) && i - start < 2) {
            day = day * 10 + (text.charAt(i++) - '0');
        }
        if (i == start || i != length) {
            return null;
        }
        return date(year, month, day);
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
