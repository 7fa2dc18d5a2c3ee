package cn.vanguard.standings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.Member;
import cn.vanguard.scheme.MemberFigures;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.scheme.PreviousResult;

/**
 * Stored figures and results read back as they were written, and written exactly as rows already stored were (a row
 * written by an earlier version compares equal to the same result encoded now, so an upgrade rewrites nothing).
 */
class CodecTest {

    /** As stored by the encoder before this one (a row of the 100,000-member benchmark; the result without its headline). */
    private static final String STORED_RESULT = "{\"member\":{\"id\":\"M0000008\",\"name\":\"党员8\",\"unit\":\"基准支部009\",\"type\":\"FORMAL\","
            + "\"category\":\"IN_SERVICE\",\"unitId\":\"10\"},\"sections\":[[\"ACT\",\"60.00\"],[\"POST\",\"0.00\"],[\"PRACTICE\",\"10.00\"]],\"bonus\":\"0.00\","
            + "\"deductions\":\"-14.00\",\"vetoes\":[],\"flags\":[],\"warnings\":[]}";
    private static final String STORED_FIGURES = "{\"member\":{\"id\":\"M0000008\",\"name\":\"党员8\",\"unit\":\"基准支部009\",\"type\":\"FORMAL\","
            + "\"category\":\"IN_SERVICE\",\"unitId\":\"10\"},\"reason\":null,\"fail\":false,\"total\":\"56.00\",\"sections\":[\"60.00\",\"0.00\","
            + "\"10.00\"],\"bonus\":\"0.00\",\"deductions\":\"-14.00\",\"vetoes\":[],\"attendance\":[],\"seen\":[],\"months\":[]}";

    @Test
    void writesRowsStoredByTheEarlierEncoderExactlyAsTheyWere() {
        Headline headline = new Headline(true, null, new BigDecimal("56.00"), 1, "不合格", true, null);
        assertThat(Codec.result(Codec.result(headline, STORED_RESULT))).isEqualTo(STORED_RESULT);
        assertThat(Codec.figures(Codec.figures(STORED_FIGURES))).isEqualTo(STORED_FIGURES);
    }

    @Test
    void readsBackEverythingItWrites() {
        Member member = new Member("M1", "张\"三\\", "第一支部\t", MemberType.PROBATIONARY, Category.RETIRED, Boolean.TRUE, "7");
        MemberFigures figures = new MemberFigures(member, null, true, new BigDecimal("-3.50"), List.of(new BigDecimal("1.00")),
                new BigDecimal("0.00"), new BigDecimal("-2.00"), List.of("VETO_A", "VETO_B"), Map.of("MEETING", new BigDecimal("4")),
                Set.of("MEETING"), new PreviousResult(new BigDecimal("55.00")),
                List.of(new MemberFigures.Month("2026-01", true, false, new BigDecimal("3.00")), new MemberFigures.Month("2026-02", false, false, null)),
                null);
        assertThat(Codec.figures(Codec.figures(figures))).isEqualTo(figures);
        Map<String, BigDecimal> sections = new LinkedHashMap<>();
        sections.put("ACT", new BigDecimal("10.00"));
        sections.put("POST", null);
        MemberResult result = new MemberResult(member, true, null, new BigDecimal("10.00"), 3, "合格", true, 4, sections,
                new BigDecimal("1.00"), new BigDecimal("0.00"), List.of("V"), List.of("TOP", "GOOD@2026-03"), List.of("LOW"), List.of());
        assertThat(Codec.result(Headline.of(result), Codec.result(result))).isEqualTo(result);
        MemberResult unscored = new MemberResult(member, false, "免于积分管理", null, null, null, false, null, Map.of(), null, null,
                List.of(), List.of(), List.of(), List.of());
        assertThat(Codec.result(Headline.of(unscored), Codec.result(unscored))).isEqualTo(unscored);
    }

    @Test
    void aResultsDetailHoldsNothingOfWhatItsStandingRowsColumnsHold() {
        Member member = new Member("M1", "张三", "第一支部", MemberType.FORMAL, Category.IN_SERVICE, null, "7");
        MemberResult first = new MemberResult(member, true, null, new BigDecimal("90.00"), 1, "优秀", true, 5, Map.of("ACT", BigDecimal.TEN),
                BigDecimal.ONE, BigDecimal.ZERO, List.of(), List.of(), List.of(), List.of());
        MemberResult overtaken = new MemberResult(member, true, null, new BigDecimal("90.00"), 2, "优秀", true, 4, Map.of("ACT", BigDecimal.TEN),
                BigDecimal.ONE, BigDecimal.ZERO, List.of(), List.of(), List.of(), List.of());
        // a member overtaken by another keeps their detail: only the standing row's rank and stars are written
        assertThat(Codec.result(overtaken)).isEqualTo(Codec.result(first));
        assertThat(Codec.result(first)).doesNotContain("rank", "stars", "grade", "total", "scored", "reason");
        assertThat(Codec.result(Headline.of(overtaken), Codec.result(first))).isEqualTo(overtaken);
    }

    private static final tools.jackson.databind.json.JsonMapper JACKSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Test
    void writesEveryStringAsJacksonsGeneratorDoes() {
        java.util.Random random = new java.util.Random(20261201L);
        String alphabet = "a\"\\/\u0000\u0001\b\t\n\u000B\f\r\u001F\u007F\u0080\u2028\u2029党员😀\uD800\uDFFF<>&'";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            JsonText ours = new JsonText(16);
            ours.writeString(text.toString());
            assertThat(ours.toString()).as("the string %s", text.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(JACKSON.writeValueAsString(text.toString()));
        }
    }

    @Test
    void writesWholeDocumentsAsJacksonWritesThemAgain() {
        java.util.Random random = new java.util.Random(7L);
        for (int n = 0; n < 500; n++) {
            Member member = new Member("M" + n, "名\"" + (char) random.nextInt(0x3000), "支部\n" + n, MemberType.values()[n % 2],
                    Category.values()[n % Category.values().length], n % 3 == 0 ? null : n % 3 == 1, String.valueOf(n));
            Map<String, BigDecimal> sections = new LinkedHashMap<>();
            sections.put("S" + n, n % 5 == 0 ? null : BigDecimal.valueOf(random.nextInt(20_000) - 10_000, 2));
            MemberResult result = new MemberResult(member, n % 4 != 0, n % 4 == 0 ? "免于积分管理" : null, BigDecimal.valueOf(n, 2),
                    n % 4 == 0 ? null : n, "合格", n % 2 == 0, n % 3 == 0 ? null : n % 5, sections, BigDecimal.ONE, BigDecimal.ZERO,
                    List.of("V" + n), List.of(), List.of("W\t"), List.of());
            MemberFigures figures = new MemberFigures(member, null, n % 2 == 0, BigDecimal.valueOf(n), List.of(BigDecimal.TEN),
                    BigDecimal.ZERO, BigDecimal.ZERO, List.of(), Map.of("MEETING", BigDecimal.ONE), Set.of("MEETING"),
                    n % 2 == 0 ? null : new PreviousResult(BigDecimal.ONE),
                    List.of(new MemberFigures.Month("2026-0" + (1 + n % 9), true, false, BigDecimal.ONE)), null);
            for (String written : List.of(Codec.result(result), Codec.figures(figures))) {
                assertThat(written).isEqualTo(JACKSON.writeValueAsString(JACKSON.readTree(written)));
            }
            assertThat(Codec.result(Headline.of(result), Codec.result(result))).isEqualTo(result);
            assertThat(Codec.figures(Codec.figures(figures))).isEqualTo(figures);
        }
    }
}
