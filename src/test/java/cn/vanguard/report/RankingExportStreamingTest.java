package cn.vanguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The ranking's spreadsheet keeps a window of rows in memory and leaves no temporary file behind. */
class RankingExportStreamingTest {

    private static final int ROWS = 100_000;

    @Test
    void aHundredThousandRowsKeepOnlyTheWindowInMemoryAndTheTemporaryFileIsDeleted() throws IOException {
        List<String> before = sheetFiles();
        CountingStream out = new CountingStream();
        try (SXSSFWorkbook workbook = RankingExport.workbook()) {
            SXSSFSheet sheet = workbook.createSheet("排名");
            RankingExport.Rows rows = new RankingExport.Rows(workbook, sheet);
            for (int i = 1; i <= ROWS; i++) {
                rows.add(List.of(Integer.toString(i), "M" + i, "党员" + i, "正式党员", "第一支部", "是", "", new BigDecimal(i).movePointLeft(2).toPlainString(),
                        "优秀", "", "", "", "", "", ""), null);
            }
            // rows 0 (the header) … ROWS: only the last WINDOW are still in memory, the rest went to the temporary file
            assertThat((Object) sheet.getRow(ROWS)).isNotNull();
            assertThat((Object) sheet.getRow(ROWS - RankingExport.WINDOW + 1)).isNotNull();
            assertThat((Object) sheet.getRow(ROWS - RankingExport.WINDOW)).isNull();
            assertThat((Object) sheet.getRow(0)).isNull();
            assertThat(sheet.getLastFlushedRowNum()).isEqualTo(ROWS - RankingExport.WINDOW);
            assertThat(sheetFiles()).hasSizeGreaterThan(before.size());
            workbook.write(out);
        }
        assertThat(out.count).as("a workbook of 100,000 rows was written").isGreaterThan(1_000_000);
        assertThat(sheetFiles()).as("closing the workbook deletes its temporary files").containsExactlyInAnyOrderElementsOf(before);
    }

    private static List<String> sheetFiles() {
        File dir = new File(System.getProperty("java.io.tmpdir"), "poifiles");
        String[] names = dir.list((d, name) -> name.startsWith("poi-sxssf-sheet"));
        return names == null ? List.of() : new ArrayList<>(Arrays.asList(names));
    }

    /** Counts the bytes written, keeping none. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
