package cn.vanguard.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.springframework.web.util.HtmlUtils;

/**
 * The hostile text that the contracts push through every free-text field and filter, and the readers that look at
 * what comes back: the elements, attributes and text of an HTML page (parsed, not searched), the cells of a workbook and
 * of the CSV files of a zip.
 */
final class HostileText {

    private HostileText() {
    }

    /** Text a field that takes free text must store exactly as sent, and every page must show as text. */
    static final List<String> MARKUP = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(2)>",
            "'><svg onload=alert(3)>",
            "javascript:alert(4)",
            "[[${7*7}]] [(${7*7})] #{home.title}",
            "__${7*7}__ ${T(System).exit(0)}",
            "' OR 1=1 --",
            "\"; drop table member; --",
            "50% a_b c\\d",
            "&lt;b&gt; &amp; &#60;",
            "党员😀🇨🇳𠮷");

    /**
     * The payloads of {@link #MARKUP} whose storage depends on the database: quotes and SQL comments, LIKE wildcards
     * and the backslash, 4-byte characters. The rest are markup, the same bound string to every database.
     */
    static final List<String> DATABASE = List.of("' OR 1=1 --", "\"; drop table member; --", "50% a_b c\\d", "党员😀🇨🇳𠮷");

    /** A line break: stored by fields that take several lines, refused by one-line fields. */
    static final String LINES = "第一行\n第二行\r\n\t第三行";

    /** Characters no field stores: NUL, an escape, a direction override, half of a surrogate pair. */
    static final List<String> REFUSED = List.of("a\u0000b", "a\u001Bb", "a\u202Eb", "a\uD800b", "a\u0085b");

    /** Whether a page's markup was broken into by any payload: an element, handler or URL that the payload brought in. */
    static List<String> injected(String html) {
        Parsed page = parse(html);
        List<String> found = new ArrayList<>();
        for (String script : page.scripts) {
            if (script.contains("alert(")) {
                found.add("script " + script);
            }
        }
        for (String[] a : page.attributes) {
            String element = a[0];
            String name = a[1].toLowerCase(Locale.ROOT);
            String value = a[2];
            if (name.startsWith("on") && value.contains("alert(")) {
                found.add("handler <" + element + " " + name + "=" + value + ">");
            }
            if ((name.equals("href") || name.equals("src") || name.equals("action") || name.equals("formaction") || name.startsWith("hx-"))
                    && value.strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                found.add("url <" + element + " " + name + "=" + value + ">");
            }
            if ((element.equals("img") || element.equals("svg")) && (name.equals("src") && value.equals("x") || name.equals("onload"))) {
                found.add("element <" + element + " " + name + "=" + value + ">");
            }
        }
        return found;
    }

    /** Everything a reader of the page sees: its text and its attribute values, entities decoded. */
    static String shown(String html) {
        Parsed page = parse(html);
        StringBuilder all = new StringBuilder();
        page.texts.forEach(t -> all.append(t).append('\u0001'));
        page.attributes.forEach(a -> all.append(a[2]).append('\u0001'));
        return all.toString();
    }

    private static final class Parsed {
        final List<String> texts = new ArrayList<>();
        final List<String> scripts = new ArrayList<>();
        final List<String[]> attributes = new ArrayList<>();
    }

    private static Parsed parse(String html) {
        Parsed parsed = new Parsed();
        try {
            new MarkupParser(ParseConfiguration.htmlConfiguration()).parse(html, new AbstractMarkupHandler() {
                String open = "";

                @Override
                public void handleOpenElementStart(char[] buffer, int offset, int len, int line, int col) {
                    open = new String(buffer, offset, len).toLowerCase(Locale.ROOT);
                }

                @Override
                public void handleStandaloneElementStart(char[] buffer, int offset, int len, boolean minimized, int line, int col) {
                    open = new String(buffer, offset, len).toLowerCase(Locale.ROOT);
                }

                @Override
                public void handleAttribute(char[] buffer, int nameOffset, int nameLen, int nameLine, int nameCol, int operatorOffset,
                                            int operatorLen, int operatorLine, int operatorCol, int valueContentOffset, int valueContentLen,
                                            int valueOuterOffset, int valueOuterLen, int valueLine, int valueCol) {
                    parsed.attributes.add(new String[] {open, new String(buffer, nameOffset, nameLen),
                            HtmlUtils.htmlUnescape(new String(buffer, valueContentOffset, valueContentLen))});
                }

                @Override
                public void handleText(char[] buffer, int offset, int len, int line, int col) {
                    String text = new String(buffer, offset, len);
                    if (open.equals("script")) {
                        parsed.scripts.add(text);
                    } else {
                        parsed.texts.add(HtmlUtils.htmlUnescape(text));
                    }
                }
            });
        } catch (ParseException e) {
            throw new IllegalStateException("the page is not well-formed HTML: " + e.getMessage(), e);
        }
        return parsed;
    }

    /** The text of every cell of every sheet of a workbook. */
    static List<String> cells(byte[] xlsx) throws IOException {
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            cells.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        return cells;
    }

    /** The cells of every CSV file of a zip, read as RFC 4180 says (quotes doubled inside quoted cells). */
    static List<String> csvCells(byte[] zip) throws IOException {
        List<String> cells = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().endsWith(".csv")) {
                    cells.addAll(csv(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return cells;
    }

    static List<String> csv(String text) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == '\n') {
                cells.add(cell.toString().replaceFirst("\r$", ""));
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
