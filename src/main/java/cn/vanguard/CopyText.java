package cn.vanguard;

/**
 * A text value as PostgreSQL's {@code COPY … FROM STDIN} text format wants it: {@code \N} for null; backslash, tab and
 * line breaks escaped, everything else as it is. For the PostgreSQL fast paths that write by COPY (the ledger's import,
 * the standings' rebuild).
 */
public final class CopyText {

    private CopyText() {
    }

    public static void append(StringBuilder row, String value) {
        if (value == null) {
            row.append("\\N");
            return;
        }
        if (plain(value)) {
            row.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
    }

    /** Whether the value holds nothing to escape (most do: appended whole). */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }
}
