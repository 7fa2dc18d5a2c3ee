package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No template carries code or styles inline, which the Content-Security-Policy (script-src 'self', style-src 'self')
 * would refuse in the browser: no script element without a src, no on…= handler attribute (th:on… included), no
 * htmx hx-on, no javascript: or js: value, no style element or style attribute (th:style included). Behaviour lives in
 * static/js/app.js behind data- attributes, styles in static/css/app.css.
 */
class TemplatesCarryNoInlineCodeTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][\\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.@-]+)\\s*(?:=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");

    @Test
    void noTemplateHasInlineScriptHandlersOrStyles() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(templates).hasSizeGreaterThan(20);
        List<String> found = new ArrayList<>();
        for (Path template : templates) {
            found.addAll(problems(TEMPLATES.relativize(template).toString(), Files.readString(template)));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theScanFindsEveryKindOfInlineCode() {
        String page = """
                <script>alert(1)</script><script th:src="@{/js/app.js}"></script>
                <select onchange="this.form.submit()"></select><button th:onclick="'go()'">x</button>
                <div hx-on:click="x()"></div><button hx-vals='js:{a: 1}'></button><a href="javascript:void(0)">x</a>
                <style>.a {}</style><span style="color:red"></span><span th:style="'x'"></span>
                <p>Text that mentions onclick= and style= outside a tag is fine.</p>""";
        assertThat(problems("sample.html", page)).hasSize(9);
    }

    static List<String> problems(String name, String html) {
        List<String> found = new ArrayList<>();
        Matcher tag = TAG.matcher(html.replaceAll("(?s)<!--.*?-->", ""));
        while (tag.find()) {
            String element = tag.group(1).toLowerCase();
            String where = name + ": <" + element + tag.group(2).replaceAll("\\s+", " ") + ">";
            boolean hasSource = false;
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                String key = attribute.group(1).toLowerCase();
                String value = attribute.group(2) == null ? "" : attribute.group(2).replaceAll("^[\"']|[\"']$", "").strip();
                String bare = key.startsWith("th:") ? key.substring(3) : key;
                if (bare.equals("src")) {
                    hasSource = true;
                }
                if (bare.matches("on[a-z]+") || bare.startsWith("hx-on") || bare.equals("style")
                        || value.toLowerCase().startsWith("javascript:") || value.startsWith("js:")) {
                    found.add(where);
                }
            }
            if (element.equals("style") || (element.equals("script") && !hasSource)) {
                found.add(where);
            }
        }
        return found;
    }
}
