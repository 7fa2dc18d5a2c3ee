package cn.vanguard.sheet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.vanguard.sheet.CsvText;
import cn.vanguard.sheet.Limits;
import cn.vanguard.sheet.Problems;

/** The CSV writer's guard against formulas, and the reader taking it off again. */
class CsvTextTest {

    private static final String FORMULA_START = "=+-@\t\r";

    @Test
    void formulaLeadingTextGetsAnApostropheAndNumbersStayNumbers() {
        assertThat(CsvText.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(CsvText.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvText.cell("+1-1")).isEqualTo("'+1-1");
        assertThat(CsvText.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvText.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvText.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(CsvText.cell("'=1")).isEqualTo("''=1");
        assertThat(CsvText.cell("-")).isEqualTo("'-");
        for (String number : List.of("-5", "-0.5", "+3", "-.5", "12", "-12.50", "0")) {
            assertThat(CsvText.cell(number)).as(number).isEqualTo(number);
        }
        assertThat(CsvText.cell("张三")).isEqualTo("张三");
        assertThat(CsvText.cell("'quoted")).isEqualTo("'quoted");
        assertThat(CsvText.cell(null)).isEmpty();
    }

    @Test
    void everyWrittenCellReadsBackAsItWasAndNoneOpensAsAFormula() {
        long seed = Long.getLong("vanguard.seed", System.nanoTime());
        Random random = new Random(seed);
        try {
            for (int round = 0; round < 200; round++) {
                List<List<String>> rows = new ArrayList<>();
                int width = 1 + random.nextInt(5);
                rows.add(header(width));
                for (int r = 0; r < 1 + random.nextInt(30); r++) {
                    List<String> row = new ArrayList<>();
                    for (int c = 0; c < width; c++) {
                        row.add(random.nextInt(4) == 0 ? number(random) : text(random));
                    }
                    rows.add(row);
                }
                StringBuilder file = new StringBuilder();
                for (List<String> row : rows) {
                    file.append(CsvText.row(row)).append(random.nextBoolean() ? "\r\n" : "\n");
                    for (String cell : row) {
                        assertThat(opensAsFormula(CsvText.cell(cell))).as("%s written as %s", cell, CsvText.cell(cell)).isFalse();
                    }
                }
                assertThat(read(file.toString(), width)).isEqualTo(rows.stream().filter(r -> !r.stream().allMatch(String::isEmpty)).toList());
            }
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + " (replay with -Dvanguard.seed=" + seed + "): " + e.getMessage(), e);
        }
    }

    private static List<String> header(int width) {
        List<String> header = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            header.add("h" + i);
        }
        return header;
    }

    /** What a spreadsheet would see in the cell: quotes undone, then whether it starts a formula (a number is none). */
    private static boolean opensAsFormula(String written) {
        String text = written.startsWith("\"") ? written.substring(1, written.length() - 1).replace("\"\"", "\"") : written;
        return !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0 && !text.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    }

    private static String number(Random random) {
        String sign = switch (random.nextInt(3)) {
            case 0 -> "-";
            case 1 -> "+";
            default -> "";
        };
        return sign + random.nextInt(1000) + (random.nextBoolean() ? "." + random.nextInt(100) : "");
    }

    /** Text of the characters that matter to a CSV and a spreadsheet; never blank at its ends, which the reader trims. */
    private static String text(Random random) {
        String alphabet = "=+-@\t\r\n,\"'.0123456789abE 张三\uD83D\uDE00";
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int at = random.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            if (Character.isHighSurrogate(c)) {
                b.append(c).append(alphabet.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                b.append(c);
            }
        }
        String text = b.toString();
        while (!text.isEmpty() && (text.charAt(0) == ' ' || text.endsWith(" ") || text.endsWith("\t"))) {
            text = text.charAt(0) == ' ' ? text.substring(1) : text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static List<List<String>> read(String csv, int width) {
        List<List<String>> rows = new ArrayList<>();
        Problems problems = new Problems();
        try (CsvTable table = new CsvTable(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                new Bounds(Limits.UPLOAD, "t.csv", problems))) {
            while (table.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    row.add(table.cell(i));
                }
                rows.add(row);
            }
        }
        assertThat(problems.all()).isEmpty();
        return rows;
    }
}
