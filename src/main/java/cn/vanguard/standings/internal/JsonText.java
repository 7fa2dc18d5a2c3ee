package cn.vanguard.standings.internal;

/**
 * JSON written straight into a {@link StringBuilder}, for the standings' {@link Codec}: the text Jackson's generator
 * writes with its default settings, character for character (strings escaped as it escapes them: quote, backslash,
 * {@code \b \t \n \f \r}, the other control characters as a backslash, {@code u00} and two upper-case hex digits,
 * everything else as it is), without a generator, a writer and their buffers made for each of a committee's 100,000
 * rows. The method names are Jackson's. Not thread-safe; one per text.
 */
final class JsonText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out;
    /** Whether the next value or name follows another one at its level (a comma first). */
    private boolean follows;

    JsonText(int capacity) {
        out = new StringBuilder(capacity);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    void writeStartObject() {
        open('{');
    }

    void writeEndObject() {
        close('}');
    }

    void writeStartArray() {
        open('[');
    }

    void writeEndArray() {
        close(']');
    }

    void writeName(String name) {
        separate();
        quoted(name);
        out.append(':');
        follows = false;
    }

    void writeString(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            quoted(value);
        }
        follows = true;
    }

    void writeStringProperty(String name, String value) {
        writeName(name);
        writeString(value);
    }

    void writeBooleanProperty(String name, boolean value) {
        writeName(name);
        out.append(value);
        follows = true;
    }

    private void open(char bracket) {
        separate();
        out.append(bracket);
        follows = false;
    }

    private void close(char bracket) {
        out.append(bracket);
        follows = true;
    }

    private void separate() {
        if (follows) {
            out.append(',');
        }
    }

    private void quoted(String text) {
        out.append('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                out.append(c);
                continue;
            }
            out.append('\\');
            switch (c) {
                case '"', '\\' -> out.append(c);
                case '\b' -> out.append('b');
                case '\t' -> out.append('t');
                case '\n' -> out.append('n');
                case '\f' -> out.append('f');
                case '\r' -> out.append('r');
                default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append('"');
    }
}
