package cn.vanguard.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.audit.AuditSearch;

/**
 * The filtered audit log as an XLSX workbook, newest first, written row by row (a streaming sheet keeps 200 rows in
 * memory), text cells only. At most {@link AuditSearch#EXPORT_LIMIT} lines.
 */
@Component
class AuditExport {

    static final List<String> HEADER = List.of("时间", "操作人", "来源地址", "渠道", "操作", "对象", "组织", "内容", "变更");
    private static final int[] WIDTHS = {20, 22, 16, 16, 18, 18, 24, 50, 60};
    private static final int BATCH = 500;

    private final AuditSearch search;
    private final AuditRows rows;
    private final ChinaTime time;

    AuditExport(AuditSearch search, AuditRows rows, ChinaTime time) {
        this.search = search;
        this.rows = rows;
        this.time = time;
    }

    void write(AuditSearch.Filter filter, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            workbook.setCompressTempFiles(true);
            SXSSFSheet sheet = workbook.createSheet("审计日志");
            CellStyle head = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            head.setFont(bold);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            Row top = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                top.createCell(i).setCellValue(HEADER.get(i));
                top.getCell(i).setCellStyle(head);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            // printed: landscape, one page wide, the header on every page
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            sheet.setRepeatingRows(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:1"));
            AuditRows.Lookups names = rows.lookups();
            List<AuditLog.Line> batch = new ArrayList<>(BATCH);
            int[] next = {1};
            Runnable flush = () -> {
                for (AuditRows.Row row : rows.of(batch, names)) {
                    Row r = sheet.createRow(next[0]++);
                    List<String> cells = cells(row);
                    int lines = 1;
                    for (int i = 0; i < cells.size(); i++) {
                        r.createCell(i).setCellValue(cells.get(i));
                        r.getCell(i).setCellStyle(wrap);
                        lines = Math.max(lines, lines(cells.get(i), WIDTHS[i]));
                    }
                    // a streaming sheet cannot measure its rows: the height of the wrapped lines, estimated
                    r.setHeightInPoints(Math.min(409, lines * 15f));
                }
                batch.clear();
            };
            search.each(filter, line -> {
                batch.add(line);
                if (batch.size() == BATCH) {
                    flush.run();
                }
            });
            flush.run();
            workbook.write(out);
        }
    }

    /** How many lines a text takes in a column {@code width} characters wide (a Chinese character counts two). */
    static int lines(String text, int width) {
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            int units = line.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
            lines += Math.max(1, (units + width - 1) / width);
        }
        return lines;
    }

    List<String> cells(AuditRows.Row row) {
        String changes = row.changes().stream()
                .map(c -> c.field() + "：" + (c.hadBefore() ? c.before() + " → " : "") + (c.hadAfter() ? c.after() : "（删除）"))
                .collect(Collectors.joining("\n"));
        return List.of(time.seconds(row.line().at()), row.person(), row.address(), row.channel(), row.action(), row.object(),
                row.unit() == null ? "" : row.unit(), row.line().summary() == null ? "" : row.line().summary(), changes);
    }
}
