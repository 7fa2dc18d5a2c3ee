package cn.vanguard.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            M00001           | M00001
            ' M00001 张三 '    | M00001
            M00001　张三       | M00001
            m-1_a 王 五       | m-1_a
            张三              | 张三
            张 三             | 张 三
            ''               | ''
            """)
    void aMemberLabelIsReadAsItsCode(String text, String code) {
        assertThat(Codes.member(text)).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ACT_MEETING                         | ACT_MEETING
            参加支部党员大会（ACT_MEETING）         | ACT_MEETING
            ' 参加“三会一课”(ACT_MEETING) '      | ACT_MEETING
            学习（含讨论）（CZ_XUEXI）            | CZ_XUEXI
            学习（含讨论）                       | 学习（含讨论）
            会议（1次）                          | 会议（1次）
            """)
    void anItemLabelIsReadAsTheCodeInItsLastBrackets(String text, String code) {
        assertThat(Codes.item(text)).isEqualTo(code);
    }

    @org.junit.jupiter.api.Test
    void theLabelsOfTheListsReadBackAsTheirCodes() {
        assertThat(Codes.member(Codes.memberLabel("M00012", "李四"))).isEqualTo("M00012");
        assertThat(Codes.item(Codes.itemLabel("PRC_VOLUNTEER", "参加志愿服务（社区）"))).isEqualTo("PRC_VOLUNTEER");
    }
}
