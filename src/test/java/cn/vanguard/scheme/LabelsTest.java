package cn.vanguard.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one reading of member types and categories, which rosters, forms and the command line share. */
class LabelsTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            FORMAL, FORMAL
            formal, FORMAL
            正式党员, FORMAL
            正式, FORMAL
            预备党员, PROBATIONARY
            ' 预 备 ', PROBATIONARY
            入党积极分子, ACTIVIST
            积极分子, ACTIVIST
            """)
    void readsMemberTypes(String text, MemberType expected) {
        assertThat(MemberType.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            IN_SERVICE, IN_SERVICE
            在职, IN_SERVICE
            在职党员, IN_SERVICE
            领导班子成员, LEADER
            离退休, RETIRED
            退休, RETIRED
            流动党员, MOBILE
            """)
    void readsCategories(String text, Category expected) {
        assertThat(Category.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "党员", "在岗", "FORMALS"})
    void refusesOtherWords(String text) {
        assertThat(MemberType.parse(text)).isNull();
        assertThat(Category.parse(text)).isNull();
    }
}
