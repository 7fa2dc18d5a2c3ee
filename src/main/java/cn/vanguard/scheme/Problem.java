package cn.vanguard.scheme;

import java.util.Objects;

/**
 * Something wrong with an input that a person can fix, as a value (never an exception): what is wrong and, where
 * possible, what to do, in English (the command line's default) and in Chinese (the web application, {@code LANG=zh}).
 *
 * @param field the column, key or path the problem is in
 */
public record Problem(String field, String message, String chinese) {
    public Problem {
        Objects.requireNonNull(message);
        Objects.requireNonNull(chinese);
    }

    public String message(boolean inChinese) {
        return inChinese ? chinese : message;
    }
}
