package cn.vanguard.sheet.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The first sheet of an .xlsx workbook as a table, pulled row by row from the sheet's XML: nothing but the current row
 * and the workbook's shared strings is held, and a row keeps only the cells it has (a single cell far to the right
 * costs one cell, not a row as wide as its column). The parts are found and unzipped within the limits by
 * {@link XlsxParts}. Numbers read as plain decimals ("1.5", not "1.50"), and date cells as ISO dates ("2025-03-14"),
 * whatever the cell format shows.
 */
public final class XlsxTable implements Table {

    private final Bounds bounds;
    private final XlsxParts parts;
    private final XMLStreamReader sheet;

    private boolean ended;
    private int nextRow = 1;
    private int line;
    private int count;
    private int width;
    private int[] columns = new int[16];
    private String[] values = new String[16];

    /** The table, or {@code null} after reporting why the workbook cannot be read. */
    static XlsxTable open(Path file, Bounds bounds) {
        XlsxParts parts = XlsxParts.open(file, bounds);
        if (parts == null) {
            return null;
        }
        try {
            return new XlsxTable(bounds, parts, parts.sheet(bounds));
        } catch (Exception e) {
            XlsxParts.failed(bounds, e);
            parts.close();
            return null;
        }
    }

    private XlsxTable(Bounds bounds, XlsxParts parts, XMLStreamReader sheet) {
        this.bounds = bounds;
        this.parts = parts;
        this.sheet = sheet;
    }

    @Override
    public boolean next() {
        if (ended || bounds.stopped()) {
            return false;
        }
        try {
            while (sheet.hasNext()) {
                int event = sheet.next();
                if (event == XMLStreamConstants.START_ELEMENT && "row".equals(sheet.getLocalName())) {
                    if (readRow() && !bounds.stopped() && !blank()) {
                        return bounds.row();
                    }
                    if (bounds.stopped()) {
                        return false;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(sheet.getLocalName())) {
                    break;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            XlsxParts.failed(bounds, e);
            return false;
        }
        ended = true;
        return false;
    }

    /** Reads the row just started into the current row; false after reporting a limit. */
    private boolean readRow() throws XMLStreamException {
        String r = sheet.getAttributeValue(null, "r");
        line = r == null ? nextRow : parseRow(r);
        nextRow = line + 1;
        count = 0;
        width = 0;
        int column = -1;
        while (true) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(sheet.getLocalName())) {
                return true;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(sheet.getLocalName())) {
                String reference = sheet.getAttributeValue(null, "r");
                column = reference == null ? column + 1 : parseColumn(reference);
                if (!bounds.column(line, column)) {
                    return false;
                }
                String value = readCell(sheet.getAttributeValue(null, "t"), sheet.getAttributeValue(null, "s"));
                if (value == null) {
                    continue;
                }
                if (value.length() > bounds.limits.maxCellChars() && !bounds.cell(line, column, value.strip().codePointCount(0, value.strip().length()))) {
                    return false;
                }
                add(column, value);
            }
        }
    }

    /** Reads the cell just started up to its end: its value as text, or {@code null} when it has none. */
    private String readCell(String type, String style) throws XMLStreamException {
        int keep = XlsxParts.keep(bounds);
        String raw = null;
        StringBuilder inline = null;
        int depth = 1;
        while (depth > 0) {
            int event = sheet.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = sheet.getLocalName();
                if ("v".equals(name)) {
                    StringBuilder v = new StringBuilder();
                    XlsxParts.text(sheet, v, keep);
                    raw = v.toString();
                } else if ("is".equals(name)) {
                    inline = new StringBuilder();
                    inlineString(inline, keep);
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if ("inlineStr".equals(type)) {
            return inline == null ? raw : inline.toString();
        }
        if (raw == null) {
            return null;
        }
        return switch (type == null ? "n" : type) {
            case "s" -> sharedString(raw);
            case "b" -> "1".equals(raw) ? "TRUE" : "FALSE";
            case "e" -> "ERROR:" + raw;
            case "str" -> raw;
            case "d" -> raw.length() > 10 && raw.endsWith("T00:00:00") ? raw.substring(0, 10) : raw;
            default -> number(raw, style);
        };
    }

    /** The text runs of an inline string, without its phonetic guide; leaves the reader at the end of {@code is}. */
    private void inlineString(StringBuilder into, int keep) throws XMLStreamException {
        int depth = 1;
        int phonetic = 0;
        while (depth > 0) {
            int event = sheet.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = sheet.getLocalName();
                if ("t".equals(name) && phonetic == 0) {
                    XlsxParts.text(sheet, into, keep);
                } else {
                    depth++;
                    if ("rPh".equals(name)) {
                        phonetic++;
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if ("rPh".equals(sheet.getLocalName())) {
                    phonetic--;
                }
            }
        }
    }

    private String sharedString(String raw) {
        try {
            int index = Integer.parseInt(raw.strip());
            return index >= 0 && index < parts.strings.size() ? parts.strings.get(index) : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private String number(String raw, String styleText) {
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            return raw;
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return raw;
        }
        int style = 0;
        if (styleText != null) {
            try {
                style = Integer.parseInt(styleText.strip());
            } catch (NumberFormatException e) {
                style = 0;
            }
        }
        int formatIndex = parts.formatIndex(style);
        String formatString = parts.format(style);
        if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime time = DateUtil.getLocalDateTime(value, false);
            return time.toLocalDate().toString();
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }

    /** {@code AVLG12} → the column of AVLG counting from 0; large enough to fail the column limit if absurd. */
    private static int parseColumn(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = Math.min(column * 26 + (c - 'A' + 1), 1 << 24);
        }
        return column - 1;
    }

    private static int parseRow(String r) {
        try {
            return Integer.parseInt(r.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Keeps a cell; a column given again in the row replaces it, so that repeating one cell cannot grow the row. */
    private void add(int column, String value) {
        if (count > 0 && column <= columns[count - 1]) {
            for (int i = 0; i < count; i++) {
                if (columns[i] == column) {
                    values[i] = value;
                    return;
                }
            }
        }
        if (count == columns.length) {
            columns = Arrays.copyOf(columns, count * 2);
            values = Arrays.copyOf(values, count * 2);
        }
        columns[count] = column;
        values[count] = value;
        count++;
        width = Math.max(width, column + 1);
    }

    private boolean blank() {
        for (int i = 0; i < count; i++) {
            if (!values[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean stopped() {
        return bounds.stopped();
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public String cell(int column) {
        for (int i = count - 1; i >= 0; i--) {
            if (columns[i] == column) {
                return values[i].strip();
            }
        }
        return "";
    }

    @Override
    public void close() {
        try {
            sheet.close();
        } catch (XMLStreamException e) {
            // closing a reader of a part opened only for reading loses nothing
        }
        parts.close();
    }
}
