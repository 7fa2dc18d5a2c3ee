package cn.vanguard.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one date parser: what a person writes in a file or a form, read the same way from a String and from CSV bytes. */
class DatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2025-03-14      | 2025-03-14
            2025/3/14       | 2025-03-14
            2025.3.4        | 2025-03-04
            2025年3月14日    | 2025-03-14
            2025年3月14      | 2025-03-14
            20250314        | 2025-03-14
            ' 2025-03-14 '  | 2025-03-14
            2025 - 03 - 14  | 2025-03-14
            1980/1/2        | 1980-01-02
            1988.8.8        | 1988-08-08
            2024-02-29      | 2024-02-29
            """)
    void readsEveryFormAPersonWrites(String text, LocalDate expected) {
        assertThat(Dates.parse(text)).isEqualTo(expected);
        byte[] bytes = text.strip().getBytes(StandardCharsets.UTF_8);
        assertThat(Dates.parse(bytes, 0, bytes.length)).as("as CSV bytes").isEqualTo(Dates.parse(text.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2025-02-30", "2025-13-01", "2025-3", "25-03-14", "2025-03-14x", "2025/03-14", "2025031", "202503140",
            "20251301", "三月十四日", "2025-0-1"})
    void refusesAnythingElse(String text) {
        assertThat(Dates.parse(text)).isNull();
    }
}
