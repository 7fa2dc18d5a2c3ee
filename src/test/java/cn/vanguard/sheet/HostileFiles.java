package cn.vanguard.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The hostile files every import is tried with, made by the tests when they run (a few kilobytes each once zipped):
 * workbooks built straight as zips of XML, so that they can say what a spreadsheet program never would.
 */
public final class HostileFiles {

    private HostileFiles() {
    }

    /** A named hostile file and the words its refusal must contain. */
    public record Hostile(String name, byte[] bytes, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The corpus for a table import whose header row is {@code header} and whose rows are limited to {@code maxRows}:
     * each file gets past the header, so that what stops it is the hostile part.
     */
    public static List<Hostile> tables(List<String> header, int maxRows) {
        List<Hostile> files = new ArrayList<>();
        files.add(new Hostile("wide-sparse.xlsx", wideSparse(header, 20_000), "列的上限"));
        files.add(new Hostile("long.xlsx", xlsx(header, maxRows + 1), "行的上限"));
        files.add(new Hostile("long.csv", csv(header, maxRows + 1), "行的上限"));
        files.add(new Hostile("zip-bomb.xlsx", zipBomb(header, 5_000_000), "压缩比超过"));
        files.add(new Hostile("invalid-utf8.csv", invalidUtf8(header), "UTF-8"));
        files.add(new Hostile("huge-cell.csv", hugeCsvCell(header, 3_000_000), "个字符的上限"));
        files.add(new Hostile("huge-cell.xlsx", hugeXlsxCell(header, 5_000), "个字符的上限"));
        files.add(new Hostile("not-a-zip.xlsx", "member_id,name\nM1,x\n".getBytes(StandardCharsets.UTF_8), "不是有效的 Excel 工作簿"));
        files.add(new Hostile("zip-not-xlsx.xlsx", zip(Map.of("readme.txt", "hello")), "不是有效的 Excel 工作簿"));
        files.add(new Hostile("too-many-sheets.xlsx", sheets(header, 300), "工作表超过"));
        return files;
    }

    /** A workbook of the header and {@code rows} rows, each with one cell in column AVLG (past the column limit). */
    public static byte[] wideSparse(List<String> header, int rows) {
        StringBuilder sheet = new StringBuilder(headerRow(header));
        for (int r = 2; r <= rows + 1; r++) {
            sheet.append("<row r=\"").append(r).append("\"><c r=\"AVLG").append(r).append("\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
        }
        return workbook(sheet.toString(), null, 1);
    }

    /** A workbook of the header and {@code rows} rows, each with a text in every column. */
    public static byte[] xlsx(List<String> header, int rows) {
        StringBuilder sheet = new StringBuilder(headerRow(header));
        for (int r = 2; r <= rows + 1; r++) {
            sheet.append("<row r=\"").append(r).append("\">");
            for (int c = 0; c < header.size(); c++) {
                sheet.append("<c t=\"inlineStr\"><is><t>v").append(r).append("</t></is></c>");
            }
            sheet.append("</row>");
        }
        return workbook(sheet.toString(), null, 1);
    }

    /** A CSV of the header and {@code rows} rows. */
    public static byte[] csv(List<String> header, int rows) {
        StringBuilder b = new StringBuilder(String.join(",", header)).append('\n');
        for (int r = 2; r <= rows + 1; r++) {
            for (int c = 0; c < header.size(); c++) {
                b.append(c == 0 ? "" : ",").append('v').append(r);
            }
            b.append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A workbook whose sheet unzips to about {@code bytes} bytes of one repeated cell (a zip bomb in miniature). */
    public static byte[] zipBomb(List<String> header, int bytes) {
        String cell = "<c t=\"inlineStr\"><is><t>x</t></is></c>";
        StringBuilder row = new StringBuilder("<row>");
        row.append(cell.repeat(Math.max(1, bytes / cell.length()))).append("</row>");
        return workbook(headerRow(header) + row, null, 1);
    }

    /** A CSV whose third line holds bytes that are not UTF-8 (GBK-like, then a lone continuation byte). */
    public static byte[] invalidUtf8(List<String> header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((String.join(",", header) + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("v2," + "x,".repeat(header.size() - 1) + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {'v', '3', ',', (byte) 0xD5, (byte) 0xC5, (byte) 0xFF, '\n'});
        return out.toByteArray();
    }

    /** A CSV whose second line has one cell of {@code chars} characters. */
    public static byte[] hugeCsvCell(List<String> header, int chars) {
        return (String.join(",", header) + "\n" + "x".repeat(chars) + ",y\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A workbook whose second row has a shared string of {@code chars} characters. */
    public static byte[] hugeXlsxCell(List<String> header, int chars) {
        return workbook(headerRow(header) + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>",
                List.of("长".repeat(chars)), 1);
    }

    /** A workbook of {@code count} sheets, the first of them with the header. */
    public static byte[] sheets(List<String> header, int count) {
        return workbook(headerRow(header), null, count);
    }

    /** A workbook of one sheet of these rows (XML of {@code <row>} elements), with these shared strings. */
    public static byte[] workbook(String rows, List<String> sharedStrings, int sheets) {
        return zip(parts(rows, sharedStrings, sheets, null));
    }

    /** The parts of such a workbook by name, with a styles part when {@code styles} (its XML) is given. */
    public static Map<String, String> parts(String rows, List<String> sharedStrings, int sheets, String styles) {
        Map<String, String> parts = new LinkedHashMap<>();
        StringBuilder types = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""");
        StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        StringBuilder book = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
        for (int i = 1; i <= sheets; i++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                    .append(i).append(".xml\"/>");
            book.append("<sheet name=\"S").append(i).append("\" sheetId=\"").append(i).append("\" r:id=\"rId").append(i).append("\"/>");
            parts.put("xl/worksheets/sheet" + i + ".xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + (i == 1 ? rows : "") + "</sheetData></worksheet>");
        }
        if (sharedStrings != null) {
            types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
            rels.append("<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
            StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            for (String s : sharedStrings) {
                sst.append("<si><t>").append(escape(s)).append("</t></si>");
            }
            parts.put("xl/sharedStrings.xml", sst.append("</sst>").toString());
        }
        if (styles != null) {
            types.append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
            rels.append("<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
            parts.put("xl/styles.xml", styles);
        }
        parts.put("[Content_Types].xml", types.append("</Types>").toString());
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        parts.put("xl/workbook.xml", book.append("</sheets></workbook>").toString());
        parts.put("xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
        return parts;
    }

    private static String headerRow(List<String> header) {
        StringBuilder row = new StringBuilder("<row r=\"1\">");
        for (String h : header) {
            row.append("<c t=\"inlineStr\"><is><t>").append(escape(h)).append("</t></is></c>");
        }
        return row.append("</row>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A zip of these text files. */
    public static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** YAML of {@code levels} levels of aliases, each a list of nine of the level below: 9^levels strings when expanded. */
    public static String billionLaughs(int levels) {
        StringBuilder b = new StringBuilder("a0: &a0 [\"lol\"]\n");
        for (int i = 1; i <= levels; i++) {
            b.append('a').append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            b.append("]\n");
        }
        return b.toString();
    }

    /** YAML nested {@code depth} lists deep. */
    public static String deeplyNested(int depth) {
        return "id: x\nname: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
    }

    /** A YAML file of about {@code codePoints} characters of comment, past any sensible scheme. */
    public static String oversized(int codePoints) {
        return "id: x\n#" + "长".repeat(codePoints) + "\n";
    }
}
