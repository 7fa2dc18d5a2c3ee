package cn.vanguard.sheet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.vanguard.sheet.FileProblem;
import cn.vanguard.sheet.HostileFiles;
import cn.vanguard.sheet.Limits;
import cn.vanguard.sheet.Problems;

/** Each limit of the table readers, on CSV and XLSX: the read stops there with a problem that names the limit. */
class TableLimitsTest {

    /** Small limits, so that each file of these tests is tiny. */
    private static final Limits SMALL = new Limits(1 << 20, 3, 4, 10, 1 << 20, 0.01, 20, 2, 5);
    /** The same rows, columns and cells in a file and parts that may be large. */
    private static final Limits ROOMY = new Limits(64 << 20, 3, 4, 10, 64 << 20, 0.01, 20, 2, 5);
    private static final List<String> HEADER = List.of("a", "b");

    @TempDir
    Path dir;

    private record Read(List<List<String>> rows, List<FileProblem> problems, boolean stopped) {
        String problem() {
            assertThat(problems).hasSize(1);
            return problems.get(0).chinese();
        }
    }

    private Read read(String name, byte[] bytes, Limits limits) {
        try {
            Path file = dir.resolve(name);
            Files.write(file, bytes);
            Problems problems = new Problems();
            List<List<String>> rows = new ArrayList<>();
            boolean stopped = false;
            try (Table table = Tables.open(file, name, limits, problems)) {
                if (table != null) {
                    while (table.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 0; i < table.width(); i++) {
                            row.add(table.cell(i));
                        }
                        rows.add(row);
                    }
                    stopped = table.stopped();
                }
            }
            return new Read(rows, problems.all(), stopped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rowsUpToTheLimitReadAndOneMoreStopsTheReadNamingTheLimit() {
        for (String kind : List.of("csv", "xlsx")) {
            byte[] atLimit = kind.equals("csv") ? HostileFiles.csv(HEADER, 3) : HostileFiles.xlsx(HEADER, 3);
            Read ok = read("ok." + kind, atLimit, SMALL);
            assertThat(ok.problems()).as(kind).isEmpty();
            assertThat(ok.rows()).as(kind).hasSize(4);
            byte[] over = kind.equals("csv") ? HostileFiles.csv(HEADER, 4) : HostileFiles.xlsx(HEADER, 4);
            Read stopped = read("over." + kind, over, SMALL);
            assertThat(stopped.problem()).as(kind).isEqualTo("文件超过 3 行的上限：请分成几个文件，每个不超过 3 行");
            assertThat(stopped.rows()).as(kind).hasSize(4);
            assertThat(stopped.stopped()).isTrue();
        }
    }

    @Test
    void blankRowsAreNotCounted() {
        Read read = read("blank.csv", utf8("a,b\n1,2\n\n,\n \n2,3\n3,4\n"), SMALL);
        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).hasSize(4);
    }

    @Test
    void aRowReachingPastTheLastColumnStopsAtItsLine() {
        Read csv = read("wide.csv", utf8("a,b\n1,2,3,4\n1,2,3,4,5\n"), SMALL);
        assertThat(csv.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.chinese()).isEqualTo("超过 4 列的上限：D 列右边还有内容，请删除多余的列");
        });
        Read xlsx = read("wide.xlsx", HostileFiles.workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c></row>"
                + "<row r=\"7\"><c r=\"AVLG7\" t=\"inlineStr\"><is><t>x</t></is></c></row>", null, 1), SMALL);
        assertThat(xlsx.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.chinese()).startsWith("超过 4 列的上限");
        });
    }

    @Test
    void aSparseRowKeepsOnlyItsCellsAndReadsThemWhereTheyAre() {
        Read read = read("sparse.xlsx", HostileFiles.workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c>"
                + "<c r=\"IU1\" t=\"inlineStr\"><is><t>far</t></is></c></row>", null, 1), Limits.UPLOAD);
        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).singleElement().satisfies(row -> {
            assertThat(row).hasSize(255);
            assertThat(row.get(0)).isEqualTo("a");
            assertThat(row.get(254)).isEqualTo("far");
            assertThat(row.subList(1, 254)).allMatch(String::isEmpty);
        });
    }

    @Test
    void aCellLongerThanTheLimitStopsAtItsLineAndColumnCountingCharactersNotBytes() {
        assertThat(read("ten.csv", utf8("a,b\n1,长长长长长长长长长长\n"), SMALL).problems()).isEmpty();
        Read csv = read("long.csv", utf8("a,b\n1,2\n1,长长长长长长长长长长长\n"), SMALL);
        assertThat(csv.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.chinese()).isEqualTo("单元格超过 10 个字符的上限（B 列）");
        });
        Read quoted = read("quoted.csv", utf8("a,b\n\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\",2\n"), SMALL);
        assertThat(quoted.problems()).as("ten doubled quotes are ten characters").isEmpty();
        Read shared = read("long.xlsx", HostileFiles.hugeXlsxCell(HEADER, 11), SMALL);
        assertThat(shared.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.chinese()).isEqualTo("单元格超过 10 个字符的上限（A 列）");
        });
        Read inline = read("inline.xlsx", HostileFiles.workbook("<row r=\"1\"><c r=\"B1\" t=\"inlineStr\"><is><t>"
                + "x".repeat(11) + "</t></is></c></row>", null, 1), SMALL);
        assertThat(inline.problem()).isEqualTo("单元格超过 10 个字符的上限（B 列）");
    }

    @Test
    void aCellLargerThanAnyRowTheLimitsAllowStopsWithoutGrowingTheBufferToHoldIt() {
        Read read = read("huge.csv", HostileFiles.hugeCsvCell(HEADER, 3_000_000), ROOMY);
        assertThat(read.problem()).isEqualTo("单元格超过 10 个字符的上限（A 列）");
        Read quoted = read("huge-quoted.csv", utf8("a,b\n1,\"" + "x".repeat(3_000_000) + "\"\n"), ROOMY);
        assertThat(quoted.problem()).isEqualTo("单元格超过 10 个字符的上限（B 列）");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsRead() {
        Limits tiny = new Limits(100, 3, 4, 10, 1 << 20, 0.01, 20, 2, 5);
        for (String name : List.of("big.csv", "big.xlsx")) {
            Read read = read(name, new byte[101], tiny);
            assertThat(read.problem()).isEqualTo("文件超过 100 B 的上限");
        }
        assertThat(read("big.csv", new byte[(1 << 20) + 1], SMALL).problem()).isEqualTo("文件超过 1 MB 的上限");
    }

    @Test
    void aStreamLongerThanTheLimitStopsWhereItPassesIt() {
        Problems problems = new Problems();
        Limits tiny = new Limits(100, 1000, 4, 10, 1 << 20, 0.01, 20, 2, 5);
        try (CsvTable table = new CsvTable(new ByteArrayInputStream(HostileFiles.csv(HEADER, 50)), new Bounds(tiny, "s.csv", problems))) {
            while (table.next()) {
                assertThat(table.line()).isLessThan(50);
            }
        }
        assertThat(problems.all()).extracting(FileProblem::chinese).containsExactly("文件超过 100 B 的上限");
    }

    @Test
    void bytesThatAreNotUtf8StopTheReadAtTheirLineWithoutReplacementCharacters() {
        Read read = read("gbk.csv", HostileFiles.invalidUtf8(HEADER), SMALL);
        assertThat(read.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.chinese()).contains("UTF-8");
        });
        assertThat(read.rows()).hasSize(2).noneMatch(row -> row.stream().anyMatch(c -> c.contains("\uFFFD")));
        byte[][] malformed = {
                {(byte) 0xC0, (byte) 0xAF},                         // overlong "/"
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},            // a surrogate
                {(byte) 0xE4, (byte) 0xB8},                         // cut short
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
                {(byte) 0x80}};
        for (byte[] bad : malformed) {
            byte[] file = new byte[bad.length + 10];
            System.arraycopy(utf8("a,b\n\"x\n"), 0, file, 0, 7);
            System.arraycopy(bad, 0, file, 7, bad.length);
            System.arraycopy(utf8("\",y"), 0, file, 7 + bad.length, 3);
            Read r = read("bad.csv", java.util.Arrays.copyOf(file, 10 + bad.length), SMALL);
            assertThat(r.problems()).as(java.util.HexFormat.of().formatHex(bad)).singleElement()
                    .satisfies(p -> assertThat(p.line()).as("the line of the bad byte inside a quoted field").isEqualTo(3));
        }
        Read fine = read("fine.csv", utf8("\uFEFFa,b\n张三,\uD83D\uDE00\n"), SMALL);
        assertThat(fine.problems()).isEmpty();
        assertThat(fine.rows().get(1)).containsExactly("张三", "\uD83D\uDE00");
    }

    @Test
    void aZipBombIsRefusedByItsCompressionRatio() {
        Read read = read("bomb.xlsx", HostileFiles.zipBomb(HEADER, 2_000_000), ROOMY);
        assertThat(read.problem()).contains("压缩比超过 100 比 1 的上限（疑似压缩炸弹）");
        assertThat(read.rows()).isEmpty();
    }

    @Test
    void aPartLargerThanTheLimitUnzippedIsRefused() {
        Limits small = new Limits(1 << 20, 1000, 4, 10, 10_000, 0.0, 20, 2, 5);
        Read read = read("big-part.xlsx", HostileFiles.xlsx(HEADER, 500), small);
        assertThat(read.problem()).isEqualTo("工作簿中的 xl/worksheets/sheet1.xml 解压后超过 10000 B 的上限");
    }

    @Test
    void tooManySheetsEntriesOrSharedStringsAreRefused() {
        assertThat(read("sheets.xlsx", HostileFiles.sheets(HEADER, 3), SMALL).problem()).startsWith("工作表超过 2 个的上限");
        assertThat(read("entries.xlsx", HostileFiles.sheets(HEADER, 20), SMALL).problem()).contains("压缩包中的文件超过 20 个");
        assertThat(read("strings.xlsx", HostileFiles.workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
                List.of("a", "b", "c", "d", "e", "f"), 1), SMALL).problem()).isEqualTo("工作簿中不同的文字超过 5 个的上限");
    }

    @Test
    void filesThatAreNotWorkbooksAreRefusedInWords() {
        assertThat(read("text.xlsx", utf8("a,b\n1,2\n"), SMALL).problem())
                .isEqualTo("无法读取：不是有效的 Excel 工作簿（.xlsx）：文件不是 zip 格式；请用Excel另存为 .xlsx 或 CSV（UTF-8）后重试");
        assertThat(read("other.xlsx", HostileFiles.zip(Map.of("readme.txt", "hello")), SMALL).problem())
                .startsWith("无法读取：不是有效的 Excel 工作簿（.xlsx）：内容损坏或缺少必要的部分");
        assertThat(read("broken.xlsx", HostileFiles.workbook("<row r=\"1\"><c r=\"A1\"", null, 1), SMALL).problem())
                .startsWith("无法读取：不是有效的 Excel 工作簿（.xlsx）");
        assertThat(read("entity.xlsx", HostileFiles.zip(Map.of("[Content_Types].xml",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><Types>&a;</Types>")), SMALL).problem())
                .startsWith("无法读取：不是有效的 Excel 工作簿（.xlsx）");
    }

    @Test
    void cellsOfEveryKindReadAsText() {
        String rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"b\"><v>1</v></c><c r=\"C1\"><v>1.50</v></c>"
                + "<c r=\"D1\" t=\"str\"><f>A1</f><v>=HYPERLINK(\"x\")</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><r><t>张</t></r><r><t>三</t></r><rPh><t>zhang</t></rPh></is></c>"
                + "<c r=\"B2\" t=\"e\"><v>#N/A</v></c><c r=\"C2\"><v>-5</v></c></row>";
        Read read = read("kinds.xlsx", HostileFiles.workbook(rows, List.of("'=1+1"), 1), Limits.UPLOAD);
        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).containsExactly(List.of("'=1+1", "TRUE", "1.5", "=HYPERLINK(\"x\")"), List.of("张三", "ERROR:#N/A", "-5"));
    }

    @Test
    void aCellRepeatedInARowIsKeptOnce() {
        String cell = "<c r=\"A2\" t=\"inlineStr\"><is><t>x</t></is></c>";
        Read read = read("repeated.xlsx", HostileFiles.workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c></row>"
                + "<row r=\"2\">" + cell.repeat(5_000) + "<c r=\"A2\" t=\"inlineStr\"><is><t>last</t></is></c></row>", null, 1),
                new Limits(64 << 20, 3, 4, 10, 64 << 20, 0.0, 20, 2, 5));
        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).containsExactly(List.of("a"), List.of("last"));
    }

    @Test
    void dateCellsReadAsDatesByTheirNumberFormatAndOtherNumbersAsPlainDecimals() {
        String styles = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
                + "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"2\"/></cellXfs></styleSheet>";
        String rows = "<row r=\"1\"><c r=\"A1\"><v>45730</v></c><c r=\"B1\" s=\"1\"><v>45730</v></c><c r=\"C1\" s=\"2\"><v>45730.5</v></c>"
                + "<c r=\"D1\" s=\"3\"><v>1.50</v></c><c r=\"E1\" s=\"9\"><v>1E-3</v></c></row>";
        Read read = read("dates.xlsx", HostileFiles.zip(HostileFiles.parts(rows, null, 1, styles)), Limits.UPLOAD);
        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).containsExactly(List.of("45730", "2025-03-14", "2025-03-14", "1.5", "0.001"));
    }

    @Test
    void thePartsPoiReadsToFindTheSheetAreHeldToTheirOwnLimit() {
        Limits roomy = new Limits(64 << 20, 3, 4, 10, 64 << 20, 0.0, 20, 2, 5);
        Map<String, String> parts = HostileFiles.parts("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", null, 1, null);
        parts.put("xl/workbook.xml", parts.get("xl/workbook.xml").replace("<sheets>", "<sheets>" + " ".repeat(11 << 20)));
        Read read = read("structure.xlsx", HostileFiles.zip(parts), roomy);
        assertThat(read.problem()).contains("解压后超过 10 MB 的上限");
    }
}
