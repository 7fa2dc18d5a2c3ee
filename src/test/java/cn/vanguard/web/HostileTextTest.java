package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/** The page checks of the hostile-text contracts notice markup that got in, and let escaped markup pass. */
class HostileTextTest {

    @Test
    void everyMarkupPayloadWrittenRawIntoTextOrAnAttributeIsNoticed() {
        for (String payload : HostileText.MARKUP) {
            if (!payload.contains("<") && !payload.startsWith("javascript:")) {
                continue;
            }
            String raw = payload.startsWith("javascript:") ? "<a href=\"" + payload + "\">x</a>" : "<p>" + payload + "</p>";
            assertThat(HostileText.injected(raw)).as("raw " + payload).isNotEmpty();
            String escaped = "<p>" + HtmlUtils.htmlEscape(payload) + "</p><input value=\"" + HtmlUtils.htmlEscape(payload) + "\">";
            assertThat(HostileText.injected(escaped)).as("escaped " + payload).isEmpty();
            assertThat(HostileText.shown(escaped)).contains(payload);
        }
        assertThat(HostileText.injected("<input value=\"\"><img src=x onerror=alert(2)>\">")).isNotEmpty();
        assertThat(HostileText.injected("<input value=''><svg onload=alert(3)>'>")).isNotEmpty();
    }

    @Test
    void csvCellsAreReadAsRfc4180SaysWithQuotesAndLineBreaksInside() {
        assertThat(HostileText.csv("a,\"b \"\"c\"\", d\",\"e\nf\"\r\ng")).containsExactly("a", "b \"c\", d", "e\nf", "g");
    }
}
