package cn.vanguard.sheet.internal;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;

import cn.vanguard.sheet.Limits;

/**
 * The parts of an .xlsx workbook a table needs, found and read within the {@link Limits}: POI only locates the first
 * sheet (reading the small parts that say where it is, under its zip-bomb checks set for this read); the sheet, the
 * shared strings and the number formats are unzipped here through counters, and parsed as streams of XML events that
 * keep nothing but the strings (each cut just past the cell limit) and the formats.
 */
public final class XlsxParts implements Closeable {

    static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    /** The parts POI reads to find the sheet (content types, relationships, the workbook) are small in any real file. */
    static final long STRUCTURE_BYTES = 10L << 20;

    private final ZipFile zip;
    private final String sheet;
    final List<String> strings;
    private final int[] formatOfStyle;
    private final Map<Integer, String> formats;

    private XlsxParts(ZipFile zip, String sheet, List<String> strings, int[] formatOfStyle, Map<Integer, String> formats) {
        this.zip = zip;
        this.sheet = sheet;
        this.strings = strings;
        this.formatOfStyle = formatOfStyle;
        this.formats = formats;
    }

    /** The parts, or {@code null} after reporting why the workbook cannot be read. */
    static XlsxParts open(Path file, Bounds bounds) {
        if (!zipWithinLimits(file, bounds)) {
            return null;
        }
        Limits limits = bounds.limits;
        // POI's own checks are global: set again for each read, they hold whatever another read set before
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(Math.min(STRUCTURE_BYTES, limits.maxPartBytes()));
        ZipSecureFile.setMaxFileCount(limits.maxEntries());
        ZipFile zip = null;
        try {
            zip = new ZipFile(file.toFile());
            String sheet;
            String strings;
            String styles;
            OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            try {
                if (pkg.getPartsByContentType(XSSFRelation.WORKSHEET.getContentType()).size() > limits.maxSheets()) {
                    bounds.stop(0, "has more than " + limits.maxSheets() + " sheets, the limit",
                            "工作表超过 " + limits.maxSheets() + " 个的上限：请只保留要导入的工作表");
                    zip.close();
                    return null;
                }
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
                if (!sheets.hasNext()) {
                    notAWorkbook(bounds, "it has no sheet", "其中没有工作表");
                    zip.close();
                    return null;
                }
                sheets.next().close();
                sheet = entry(sheets.getSheetPart());
                strings = first(pkg, XSSFRelation.SHARED_STRINGS.getContentType());
                styles = first(pkg, XSSFRelation.STYLES.getContentType());
            } finally {
                pkg.revert();
            }
            List<String> texts = strings == null ? List.of() : sharedStrings(zip, strings, bounds);
            Map<Integer, String> formats = new HashMap<>();
            int[] formatOfStyle = styles == null ? new int[0] : styles(zip, styles, bounds, formats);
            if (bounds.stopped()) {
                zip.close();
                return null;
            }
            return new XlsxParts(zip, sheet, texts, formatOfStyle, formats);
        } catch (Exception e) {
            failed(bounds, e);
            if (zip != null) {
                try {
                    zip.close();
                } catch (IOException ignored) {
                    // the read already failed; the problem is reported
                }
            }
            return null;
        }
    }

    private static String entry(PackagePart part) {
        return part.getPartName().getName().substring(1);
    }

    private static String first(OPCPackage pkg, String contentType) {
        List<PackagePart> parts = pkg.getPartsByContentType(contentType);
        return parts.isEmpty() ? null : entry(parts.get(0));
    }

    /** The first sheet's XML, unzipped through a counter held to the part limit. */
    XMLStreamReader sheet(Bounds bounds) throws IOException, XMLStreamException {
        return XML.createXMLStreamReader(part(zip, sheet, bounds, bounds.limits.maxPartBytes()));
    }

    /** The number format of a cell style: its index and its pattern, or {@code null} for none. */
    String format(int style) {
        if (style < 0 || style >= formatOfStyle.length) {
            return null;
        }
        int id = formatOfStyle[style];
        String custom = formats.get(id);
        return custom != null ? custom : BuiltinFormats.getBuiltinFormat(id);
    }

    int formatIndex(int style) {
        return style < 0 || style >= formatOfStyle.length ? -1 : formatOfStyle[style];
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // a zip opened only for reading loses nothing
        }
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
                    unzippedTooLarge(bounds, entry.getName(), limits.maxPartBytes());
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

    static void unzippedTooLarge(Bounds bounds, String part, long limit) {
        bounds.stop(0, "part " + part + " is larger than " + Limits.size(limit) + " unzipped, the limit",
                "工作簿中的 " + part + " 解压后超过 " + Limits.size(limit) + " 的上限");
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

    /** Reports what stopped the read, unless a limit already did (a counter throws to get out of POI or the parser). */
    static void failed(Bounds bounds, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb detected")) {
                int at = message.lastIndexOf("Entry: ");
                String part = at < 0 ? "" : message.substring(at + 7).strip();
                if (message.contains("ratio")) {
                    tooCompressed(bounds, part);
                } else {
                    unzippedTooLarge(bounds, part, Math.min(STRUCTURE_BYTES, bounds.limits.maxPartBytes()));
                }
                return;
            }
        }
        notAWorkbook(bounds, e.getClass().getSimpleName() + ": " + e.getMessage(), "内容损坏或缺少必要的部分");
    }

    private static InputStream part(ZipFile zip, String name, Bounds bounds, long limit) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("part " + name + " is missing");
        }
        return new Counted(zip.getInputStream(entry), name, bounds, limit);
    }

    /** The workbook's shared strings, each kept to just past the cell limit (a cell that uses a longer one reports it). */
    private static List<String> sharedStrings(ZipFile zip, String name, Bounds bounds) throws IOException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        int keep = keep(bounds);
        try (InputStream in = part(zip, name, bounds, bounds.limits.maxPartBytes())) {
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

    /**
     * The number format id of each cell style ({@code cellXfs}, by position) and the workbook's own formats by id: what
     * tells a date cell from a number.
     */
    private static int[] styles(ZipFile zip, String name, Bounds bounds, Map<Integer, String> formats) throws IOException, XMLStreamException {
        int[] ids = new int[16];
        int count = 0;
        try (InputStream in = part(zip, name, bounds, Math.min(STRUCTURE_BYTES, bounds.limits.maxPartBytes()))) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            boolean cellXfs = false;
            int depth = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String element = xml.getLocalName();
                    if ("numFmt".equals(element)) {
                        Integer id = integer(xml.getAttributeValue(null, "numFmtId"));
                        String code = xml.getAttributeValue(null, "formatCode");
                        if (id != null && code != null && formats.size() < 10_000) {
                            formats.put(id, code);
                        }
                    } else if ("cellXfs".equals(element)) {
                        cellXfs = true;
                    } else if (cellXfs && "xf".equals(element) && depth == 3) {
                        Integer id = integer(xml.getAttributeValue(null, "numFmtId"));
                        if (count == ids.length) {
                            ids = java.util.Arrays.copyOf(ids, count * 2);
                        }
                        ids[count++] = id == null ? 0 : id;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if ("cellXfs".equals(xml.getLocalName())) {
                        cellXfs = false;
                    }
                }
            }
            xml.close();
        }
        return java.util.Arrays.copyOf(ids, count);
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** UTF-16 units enough to tell a cell of one character past the limit, even of characters outside the BMP. */
    static int keep(Bounds bounds) {
        return 2 * bounds.limits.maxCellChars() + 2;
    }

    /** Appends the text of the element just started, up to {@code keep} characters in all; leaves the reader at its end. */
    static void text(XMLStreamReader xml, StringBuilder into, int keep) throws XMLStreamException {
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

    /** A part as it is unzipped, counted: past the limit it reports and throws to end the read. */
    private static final class Counted extends FilterInputStream {
        private final String part;
        private final Bounds bounds;
        private final long limit;
        private long read;

        Counted(InputStream in, String part, Bounds bounds, long limit) {
            super(in);
            this.part = part;
            this.bounds = bounds;
            this.limit = limit;
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
            if (read > limit) {
                unzippedTooLarge(bounds, part, limit);
                throw new IOException(part + " is larger than the limit unzipped");
            }
        }
    }
}
