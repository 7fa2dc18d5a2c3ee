package cn.vanguard.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ranking export's workbook for a committee of 100,000 members ({@link RankingExport.Rows}, then the workbook
 * written), the standings' cells made beforehand as the export makes them. Run with
 * {@code mvn -Pbench verify -Djmh.args=RankingExport}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
public class RankingExportBenchmark {

    static final int MEMBERS = 100_000;

    private List<List<String>> cells;

    @Setup
    public void standings() {
        cells = new ArrayList<>(MEMBERS);
        for (int m = 1; m <= MEMBERS; m++) {
            cells.add(List.of(Integer.toString(1 + m % 1000), "M" + String.format("%07d", m), "党员" + m, "正式党员", "基准支部" + (m % 100), "是", "",
                    (60 + m % 40) + ".00", m % 10 == 0 ? "优秀" : "合格", m % 50 == 0 ? "3星" : "", "0.00", "-" + (m % 20) + ".00", "", "",
                    m % 30 == 0 ? "连续两次未参加组织生活" : ""));
        }
    }

    @Benchmark
    public int export() throws IOException {
        try (SXSSFWorkbook workbook = RankingExport.workbook()) {
            SXSSFSheet sheet = workbook.createSheet("2026年度积分排名");
            RankingExport.Rows rows = new RankingExport.Rows(workbook, sheet);
            for (List<String> row : cells) {
                rows.add(row, null);
            }
            sheet.createFreezePane(3, 1);
            workbook.write(OutputStream.nullOutputStream());
            return sheet.getLastRowNum();
        }
    }
}
