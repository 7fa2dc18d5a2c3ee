package cn.vanguard.sheet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * The first sheet of an .xlsx workbook as a table, pulled row by row from the sheet's XML: nothing but the current row
 * and the workbook's shared strings is held, a row keeps only the cells it has (a single cell far to the right costs
 * one cell, not a row as wide as its column), and every part is unzipped through a counter held to the {@link Limits}.
 * Numbers read as plain decimals ("1.5", not "1.50"), and date cells as ISO dates ("2025-03-14"), whatever the cell
 * format shows.
 */
final class XlsxTable implements Table {

    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    private final Bounds bounds;
    private final OPCPackage pkg;
    private final XMLStreamReader sheet;
    private final InputStream sheetStream;
    private final StylesTable styles;
    private final List<String> strings;

    private boolean ended;
    private int nextRow = 1;
    private int line;
    private int count;
    private int width;
    private int[] columns = new int[16];
    private String[] values = new String[16];

    /** The table, or {@code null} after reporting why the workbook cannot be read. */
    static XlsxTable open(Path file, Bounds bounds) {
        if (!zipWithinLimits(file, bounds)) {
            return null;
        }
        Limits limits = bounds.limits;
        // POI's own check of every part it unzips (the styles, the workbook) is global: it is set again for each read
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(Math.min(limits.maxPartBytes(), 0xFFFFFFFFL));
        ZipSecureFile.setMaxFileCount(limits.maxEntries());
        OPCPackage pkg = null;
        InputStream sheetStream = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            if (pkg.getPartsByContentType(XSSFRelation.WORKSHEET.getContentType()).size() > limits.maxSheets()) {
                bounds.stop(0, "has more than " + limits.maxSheets() + " sheets, the limit",
                        "工作表超过 " + limits.maxSheets() + " 个的上限：请只保留要导入的工作表");
                pkg.revert();
                return null;
            }
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                notAWorkbook(bounds, "it has no sheet", "其中没有工作表");
                pkg.revert();
                return null;
            }
            StylesTable styles = reader.getStylesTable();
            List<String> strings = sharedStrings(pkg, bounds);
            if (bounds.stopped()) {
                pkg.revert();
                return null;
            }
            sheetStream = new Counted(sheets.next(), "sheet", bounds);
            XMLStreamReader sheet = XML.createXMLStreamReader(sheetStream);
            return new XlsxTable(bounds, pkg, sheet, sheetStream, styles, strings);
        } catch (Exception e) {
            failed(bounds, e);
            closeQuietly(sheetStream);
            if (pkg != null) {
                pkg.revert();
            }
            return null;
        }
    }

    private XlsxTable(Bounds bounds, OPCPackage pkg, XMLStreamReader sheet, InputStream sheetStream, StylesTable styles, List<String> strings) {
        this.bounds = bounds;
        this.pkg = pkg;
        this.sheet = sheet;
        this.sheetStream = sheetStream;
        this.styles = styles;
        this.strings = strings;
    }

    /**
     * Reads the zip's directory before POI does: a file that is no zip, one of too many entries, or a part declared larger
     * or more compressed than the limits allow is refused with a message saying which. The declared sizes may lie: the
     * parts read later are counted as they are unzipped.
     */
    private static boolean zipWithinLimits(Path path, Bounds bounds) {
        Limits limits = bounds.limits;
        try (ZipFile zip = new ZipFile(path.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                notAWorkbook(bounds, "it holds more than " + limits.maxEntries() + " files", "压缩包中的文件超过 " + limits.maxEntries() + " 个");
                return false;
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long size = entry.getSize();
                if (size > limits.maxPartBytes()) {
                    unzippedTooLarge(bounds, entry.getName());
                    return false;
                }
                long compressed = entry.getCompressedSize();
                if (size > 100_000 && compressed >= 0 && (double) compressed / size < limits.minInflateRatio()) {
                    tooCompressed(bounds, entry.getName());
                    return false;
                }
            }
            return true;
        } catch (ZipException e) {
            notAWorkbook(bounds, "it is not a zip file", "文件不是 zip 格式");
            return false;
        } catch (IOException e) {
            notAWorkbook(bounds, e.getMessage(), "文件已损坏");
            return false;
        }
    }

    private static void unzippedTooLarge(Bounds bounds, String part) {
        bounds.stop(0, "part " + part + " is larger than " + Limits.size(bounds.limits.maxPartBytes()) + " unzipped, the limit",
                "工作簿中的 " + part + " 解压后超过 " + Limits.size(bounds.limits.maxPartBytes()) + " 的上限");
    }

    private static void tooCompressed(Bounds bounds, String part) {
        int ratio = (int) Math.round(1 / bounds.limits.minInflateRatio());
        bounds.stop(0, "part " + part + " is compressed more than " + ratio + " to 1, the limit (a zip bomb)",
                "工作簿中的 " + part + " 压缩比超过 " + ratio + " 比 1 的上限（疑似压缩炸弹），不予读取");
    }

    private static void notAWorkbook(Bounds bounds, String why, String chinese) {
        bounds.stop(0, "cannot be read: not an .xlsx workbook (" + why + "); save it as .xlsx or .csv (UTF-8) and try again",
                "无法读取：不是有效的 Excel 工作簿（.xlsx）：" + chinese + "；请用Excel另存为 .xlsx 或 CSV（UTF-8）后重试");
    }

    /** Reports what stopped the read, unless a limit already did (its counter throws to get out of POI or the parser). */
    private static void failed(Bounds bounds, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb detected") && message.contains("ratio")) {
                tooCompressed(bounds, "");
                return;
            }
            if (message.contains("Zip bomb detected")) {
                unzippedTooLarge(bounds, "");
                return;
            }
        }
        notAWorkbook(bounds, e.getClass().getSimpleName() + ": " + e.getMessage(), "内容损坏或缺少必要的部分");
    }

    /** UTF-16 units enough to tell a cell of one character past the limit, even of characters outside the BMP. */
    private static int keep(Bounds bounds) {
        return 2 * bounds.limits.maxCellChars() + 2;
    }

    /** The workbook's shared strings, each kept to just past the cell limit (a cell that uses a longer one reports it). */
    private static List<String> sharedStrings(OPCPackage pkg, Bounds bounds) throws IOException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return strings;
        }
        int keep = keep(bounds);
        try (InputStream in = new Counted(parts.get(0).getInputStream(), "sharedStrings", bounds)) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            StringBuilder text = new StringBuilder();
            int phonetic = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> text.setLength(0);
                        case "rPh" -> phonetic++;
                        case "t" -> {
                            if (phonetic == 0) {
                                text(xml, text, keep);
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> {
                            if (strings.size() >= bounds.limits.maxSharedStrings()) {
                                bounds.stop(0, "has more than " + bounds.limits.maxSharedStrings() + " distinct texts, the limit",
                                        "工作簿中不同的文字超过 " + bounds.limits.maxSharedStrings() + " 个的上限");
                                return strings;
                            }
                            strings.add(text.toString());
                        }
                        case "rPh" -> phonetic--;
                        default -> { }
                    }
                }
            }
            xml.close();
        }
        return strings;
    }

    /** Appends the text of the element just started, up to {@code keep} characters in all; leaves the reader at its end. */
    private static void text(XMLStreamReader xml, StringBuilder into, int keep) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    int room = keep - into.length();
                    if (room > 0) {
                        into.append(xml.getTextCharacters(), xml.getTextStart(), Math.min(room, xml.getTextLength()));
                    }
                }
                default -> { }
            }
        }
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
            failed(bounds, e);
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
        int keep = keep(bounds);
        String raw = null;
        StringBuilder inline = null;
        int depth = 1;
        while (depth > 0) {
            int event = sheet.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = sheet.getLocalName();
                if ("v".equals(name)) {
                    StringBuilder v = new StringBuilder();
                    text(sheet, v, keep);
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
                    text(sheet, into, keep);
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
            return index >= 0 && index < strings.size() ? strings.get(index) : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private String number(String raw, String style) {
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            return raw;
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return raw;
        }
        int formatIndex = -1;
        String formatString = null;
        if (styles != null && styles.getNumCellStyles() > 0) {
            int index = 0;
            if (style != null) {
                try {
                    index = Integer.parseInt(style);
                } catch (NumberFormatException e) {
                    index = 0;
                }
            }
            if (index >= 0 && index < styles.getNumCellStyles()) {
                XSSFCellStyle cellStyle = styles.getStyleAt(index);
                if (cellStyle != null) {
                    formatIndex = cellStyle.getDataFormat();
                    formatString = cellStyle.getDataFormatString();
                    if (formatString == null) {
                        formatString = BuiltinFormats.getBuiltinFormat(formatIndex);
                    }
                }
            }
        }
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

    private void add(int column, String value) {
        if (count == columns.length) {
            columns = java.util.Arrays.copyOf(columns, count * 2);
            values = java.util.Arrays.copyOf(values, count * 2);
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
            // closing a reader of a file opened only for reading loses nothing
        }
        closeQuietly(sheetStream);
        pkg.revert();
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // as above
            }
        }
    }

    /** A part as it is unzipped, counted: past the limit it reports and throws to end the read. */
    private static final class Counted extends FilterInputStream {
        private final String part;
        private final Bounds bounds;
        private long read;

        Counted(InputStream in, String part, Bounds bounds) {
            super(in);
            this.part = part;
            this.bounds = bounds;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > bounds.limits.maxPartBytes()) {
                unzippedTooLarge(bounds, part);
                throw new IOException(part + " is larger than the limit unzipped");
            }
        }
    }
}
