package cn.vanguard.sheet;

/**
 * The one reading of the labels a person picks from a list — the ledger template's drop-downs and the entry form's
 * suggestions — in the web import, the command line and the forms alike: a member as {@code M00001 张三}, an item as
 * {@code 参加支部党员大会（ACT_MEETING）}. A bare code is itself.
 */
public final class Codes {

    private Codes() {
    }

    /** The member code a label starts with ({@code M00001 张三} → {@code M00001}); anything else as it is. */
    public static String member(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        int space = 0;
        while (space < t.length() && !Character.isWhitespace(t.charAt(space)) && t.charAt(space) != '\u3000') {
            space++;
        }
        if (space == t.length() || space == 0 || space > 40) {
            // a bare code or name, read as it is (a million-row import pays nothing for labels it does not use)
            return t;
        }
        for (int i = 0; i < space; i++) {
            char c = t.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'))) {
                return t;
            }
        }
        return t.substring(0, space);
    }

    /** The item code a label ends with in brackets ({@code 名称（CODE）} → {@code CODE}); anything else as it is. */
    public static String item(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        int end = t.length() - 1;
        if (end < 2 || (t.charAt(end) != '）' && t.charAt(end) != ')')) {
            return t;
        }
        int open = Math.max(t.lastIndexOf('（', end), t.lastIndexOf('(', end));
        if (open < 0) {
            return t;
        }
        String code = t.substring(open + 1, end).strip();
        if (code.isEmpty() || !(code.charAt(0) < 128 && Character.isLetter(code.charAt(0)))) {
            return t;
        }
        for (int i = 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                return t;
            }
        }
        return code;
    }

    /** How a member appears in a list to pick from. */
    public static String memberLabel(String code, String name) {
        return code + " " + name;
    }

    /** How an item appears in a list to pick from. */
    public static String itemLabel(String code, String name) {
        return name + "（" + code + "）";
    }
}
