package cn.vanguard.scheme;

import java.util.Locale;

/** How a label written by a person is compared: without blanks anywhere, ASCII letters in capitals. */
final class Labels {

    private Labels() {
    }

    static String key(String text) {
        return text == null ? "" : text.strip().replace(" ", "").replace("\u3000", "").toUpperCase(Locale.ROOT);
    }
}
