package cn.vanguard.sheet.internal;

import java.math.BigDecimal;
import java.util.Locale;

/** Parsing of cell texts; {@code null} means "not valid" and the caller reports it with the row. */
public final class Cells {

    private Cells() {
    }

    public static BigDecimal number(String text) {
        if ("1".equals(text)) {
            return BigDecimal.ONE;
        }
        try {
            return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code true/false}, 是/否, yes/no, 1/0; {@code null} when none of these. */
    public static Boolean yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "是", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "否", "no", "n", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
