package cn.vanguard.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Did you mean …" under a refused item code: only a likely typo gets a suggestion, and always the same one. */
class SuggestionsTest {

    private static final List<String> CODES = List.of("ACT_MEETING", "ACT_STUDY", "VOL_HOURS", "DED_LATE", "ZZ", "AB", "BA");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "-", textBlock = """
            ACT_MEETING,  ACT_MEETING
            act_meeting,  ACT_MEETING
            ACT_MEETIGN,  ACT_MEETING
            ACT_MEETNG,   ACT_MEETING
            ACT_MEETINGS, ACT_MEETING
            ACT_MEEXXNG,  ACT_MEETING
            ACT_MEXXXNG,  ACT_MEETING
            AXT_MXXXXNG,  -
            ACT_STUDI,    ACT_STUDY
            VOL_HOUR,     VOL_HOURS
            DED_LATE,     DED_LATE
            DDE_LTAE,     DED_LATE
            XZ,           ZZ
            AA,           AB
            Z,            ZZ
            Q,            -
            QQ,           -
            NOTHING_LIKE, -
            """)
    void suggestsTheClosestCodeOnlyWhenItIsCloseEnough(String typed, String suggestion) {
        assertThat(Suggestions.closest(typed, CODES)).isEqualTo(suggestion);
    }

    @Test
    void aTieGoesToTheAlphabeticallyFirstWhereverItStandsInTheList() {
        assertThat(Suggestions.closest("AA", List.of("BA", "AB"))).isEqualTo("AB");
        assertThat(Suggestions.closest("AA", List.of("AB", "BA"))).isEqualTo("AB");
    }

    @ParameterizedTest(name = "{0} ↔ {1}: {2}")
    @CsvSource(textBlock = """
            '',     '',     0
            ABC,    '',     3
            '',     ABC,    3
            ABC,    ABC,    0
            ABC,    ACB,    1
            ABC,    BAC,    1
            ABCD,   BADC,   2
            ABC,    AXC,    1
            ABC,    AC,     1
            AC,     ABC,    1
            KITTEN, SITTING, 3
            CA,     ABC,    3
            """)
    void countsEditsWithAnAdjacentSwapAsOne(String a, String b, int distance) {
        assertThat(Suggestions.distance(a, b)).isEqualTo(distance);
    }
}
