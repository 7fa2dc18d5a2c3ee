package cn.vanguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The audit record's flat JSON reads back as it was written. */
class JsonTest {

    @Test
    void fieldsReadBackInOrderWithNullsAndEscapes() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "第一支部");
        fields.put("note", "引号\"、反斜杠\\、换行\n、制表\t、控制\u0001");
        fields.put("memberId", null);
        fields.put("count", 3);
        Map<String, String> read = Json.fields(Json.object(fields));
        assertThat(read).containsExactly(Map.entry("name", "第一支部"), Map.entry("note", "引号\"、反斜杠\\、换行\n、制表\t、控制\u0001"),
                entry("memberId", null), Map.entry("count", "3"));
    }

    private static Map.Entry<String, String> entry(String key, String value) {
        return new java.util.AbstractMap.SimpleEntry<>(key, value);
    }

    @Test
    void textThatIsNotSuchAnObjectGivesWhatCouldBeRead() {
        assertThat(Json.fields(null)).isEmpty();
        assertThat(Json.fields("{}")).isEmpty();
        assertThat(Json.fields("not json")).isEmpty();
        assertThat(Json.fields("{\"a\": \"1\", \"b\": ")).containsExactly(Map.entry("a", "1"));
        assertThat(Json.fields("{\"a\": \"\\u00zz\"}")).isEmpty();
    }
}
