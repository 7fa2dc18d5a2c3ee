package cn.vanguard.sheet;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How the product writes a text into a CSV cell, in one place for every CSV it writes: a text that a spreadsheet
 * would take for a formula (it starts with {@code = + - @}, a tab or a carriage return, perhaps after apostrophes) gets
 * an apostrophe in front, so that opening the file runs nothing; a plain number such as {@code -5} or {@code -0.5}
 * stays a number. The product's CSV reader takes that apostrophe off again ({@link #restore}), so every file it writes
 * reads back unchanged. A text that already begins with apostrophes before a formula character gets one more, which
 * keeps the two directions exact inverses.
 */
public final class CsvText {

    public static final byte GUARD = '\'';
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private CsvText() {
    }

    /** The text as a spreadsheet may open it without running anything. */
    public static String neutralise(String text) {
        return formula(text) ? GUARD_TEXT + text : text;
    }

    /** The text {@link #neutralise} was given, from what it returned. */
    public static String restore(String text) {
        return !text.isEmpty() && text.charAt(0) == GUARD && formula(text.substring(1)) ? text.substring(1) : text;
    }

    /** The cell as it goes into a CSV row: neutralised, and quoted when it holds a comma, a quote, a line break or edge blanks. */
    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String safe = neutralise(text);
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0
                || Character.isWhitespace(safe.charAt(0)) || Character.isWhitespace(safe.charAt(safe.length() - 1));
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    /** One row of cells, each as {@link #cell} writes it, separated by commas (no line end). */
    public static String row(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells.get(i)));
        }
        return b.toString();
    }

    private static final String GUARD_TEXT = "'";

    /** Whether a spreadsheet would read the text, after any leading apostrophes, as a formula. */
    private static boolean formula(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == GUARD) {
            i++;
        }
        if (i == text.length()) {
            return false;
        }
        char first = text.charAt(i);
        if (first != '=' && first != '+' && first != '-' && first != '@' && first != '\t' && first != '\r') {
            return false;
        }
        return !NUMBER.matcher(text.substring(i)).matches();
    }
}
