package cn.vanguard.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.io.JsonStringEncoder;

/** A flat JSON object of an audit record's fields; values are written as strings, in the map's order. */
public final class Json {

    private Json() {
    }

    public static String object(Map<String, ?> fields) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(string(field.getKey())).append(": ").append(field.getValue() == null ? "null" : string(field.getValue().toString()));
        }
        return b.append('}').toString();
    }

    private static String string(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, b);
        return b.append('"').toString();
    }

    /**
     * Reads back what {@link #object} wrote: a flat object of strings (or nulls), in order. Text that is not such an
     * object (written by hand, or cut short) gives the fields read so far.
     */
    public static Map<String, String> fields(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (json == null) {
            return fields;
        }
        Reader reader = new Reader(json);
        if (!reader.skip('{')) {
            return fields;
        }
        while (true) {
            String key = reader.string();
            if (key == null || !reader.skip(':')) {
                return fields;
            }
            String value;
            if (reader.literal("null")) {
                value = null;
            } else {
                value = reader.string();
                if (value == null) {
                    return fields;
                }
            }
            fields.put(key, value);
            if (!reader.skip(',')) {
                return fields;
            }
        }
    }

    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        private void blanks() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean skip(char c) {
            blanks();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        boolean literal(String word) {
            blanks();
            if (text.startsWith(word, at)) {
                at += word.length();
                return true;
            }
            return false;
        }

        String string() {
            if (!skip('"')) {
                return null;
            }
            StringBuilder b = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\' || at >= text.length()) {
                    b.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            return null;
                        }
                        try {
                            b.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException notHex) {
                            return null;
                        }
                        at += 4;
                    }
                    default -> b.append(e);
                }
            }
            return null;
        }
    }
}
