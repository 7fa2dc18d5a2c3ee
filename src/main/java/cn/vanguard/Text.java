package cn.vanguard;

import java.util.Map;

/**
 * What free text a person types must be before it is stored: within the field's length, and free of characters that
 * no page, export or database keeps as they were — control characters (NUL, which PostgreSQL refuses; the others, which
 * spreadsheets cannot hold), half of a surrogate pair, the two non-characters U+FFFE and U+FFFF, and the characters that
 * override the direction of the text around them (U+202A–U+202E, U+2066–U+2069), which can make a name or a reason read
 * as something else on the page and in the audit log. Line breaks and tabs are text in a field of several lines (a note,
 * a reason) and refused in a one-line field (a name). The length is counted in UTF-16 units, as H2 counts it; PostgreSQL
 * counts characters, which are never more.
 */
public final class Text {

    private Text() {
    }

    /** Null when {@code text} may be stored in a field of at most {@code max} characters; otherwise the Chinese message. */
    public static String problem(String label, String text, int max, boolean lines) {
        if (text == null) {
            return null;
        }
        String clean = text.strip();
        if (clean.length() > max) {
            return label + "不超过" + max + "字";
        }
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                if (!lines) {
                    return label + "只能写一行，不能含换行、制表符等控制字符";
                }
            } else if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF' || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069') || unpaired(clean, i)) {
                return label + "含有不可见的控制字符或无效字符（第" + (clean.codePointCount(0, i) + 1) + "个字），请删除后再提交";
            }
        }
        return null;
    }

    /** Adds the problem of {@code text}, if any, as the error of {@code field}, unless that field has one already. */
    public static void check(Map<String, String> errors, String field, String label, String text, int max, boolean lines) {
        String problem = problem(label, text, max, lines);
        if (problem != null) {
            errors.putIfAbsent(field, problem);
        }
    }

    /** Throws {@link Invalid} for {@code field} when {@code text} may not be stored. */
    public static void require(String field, String label, String text, int max, boolean lines) {
        String problem = problem(label, text, max, lines);
        if (problem != null) {
            throw Invalid.of(field, problem);
        }
    }

    /**
     * Whether a search for {@code text} can find nothing, because it holds NUL: no stored text does (see above), and
     * PostgreSQL refuses it even as a query parameter. A search calls this before it sends the text to the database.
     */
    public static boolean unmatchable(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    private static boolean unpaired(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
