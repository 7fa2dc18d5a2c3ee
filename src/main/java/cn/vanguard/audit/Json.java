package cn.vanguard.audit;

import java.util.Map;

/** A flat JSON object of an audit record's fields; values are written as strings, in the map's order. */
final class Json {

    private Json() {
    }

    static String object(Map<String, ?> fields) {
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
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
