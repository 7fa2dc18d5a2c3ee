package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every template and fragment the page controllers name — as the view they render, or in a comment that tells the
 * reader where to look — exists, so neither a page nor a comment points at something that is not there.
 */
class TemplateReferencesTest {

    private static final Path SOURCES = Path.of("src/main/java/cn/vanguard/web");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final String NAME = "([a-z][a-z-]*(?:/[a-z-]+)*(?: :: [a-z-]+)?)";
    private static final Pattern LITERAL = Pattern.compile("(return )?\"" + NAME + "\"");
    private static final Pattern CODE = Pattern.compile("\\{@code " + NAME + "(?:\\([^)]*\\))?}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("(application|text|image|multipart)/.*");

    @Test
    void everyTemplateAndFragmentTheControllersNameExists() throws IOException {
        List<String> missing = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : sources) {
            for (String reference : references(Files.readString(file))) {
                String problem = problem(reference);
                if (problem != null) {
                    missing.add(file.getFileName() + " names " + reference + ": " + problem);
                }
            }
        }
        assertThat(sources).isNotEmpty();
        assertThat(missing).isEmpty();
    }

    /** View names returned or written as template paths, and template paths in {@code @code} comments. */
    static Set<String> references(String source) {
        Set<String> references = new TreeSet<>();
        Matcher literal = LITERAL.matcher(source);
        while (literal.find()) {
            String name = literal.group(2);
            if ((literal.group(1) != null || name.contains("/") || name.contains(" :: ")) && !MEDIA_TYPE.matcher(name).matches()) {
                references.add(name);
            }
        }
        Matcher code = CODE.matcher(source);
        while (code.find()) {
            String name = code.group(1);
            if ((name.contains("/") || name.contains(" :: ")) && !MEDIA_TYPE.matcher(name).matches()) {
                references.add(name);
            }
        }
        return references;
    }

    /** What is missing of {@code template} or {@code template :: fragment}, or null. */
    private static String problem(String reference) throws IOException {
        String[] parts = reference.split(" :: ");
        Path template = TEMPLATES.resolve(parts[0] + ".html");
        if (!Files.exists(template)) {
            return "no template " + template;
        }
        if (parts.length > 1) {
            String html = Files.readString(template);
            if (!html.contains("th:fragment=\"" + parts[1] + "\"") && !html.contains("th:fragment=\"" + parts[1] + "(")) {
                return "no fragment " + parts[1] + " in " + template;
            }
        }
        return null;
    }
}
