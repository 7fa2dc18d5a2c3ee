package cn.vanguard.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

import cn.vanguard.org.Units;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;
import cn.vanguard.standings.Standing;
import cn.vanguard.standings.Standings;
import cn.vanguard.standings.StandingsQuery;

/**
 * A unit's ranking as a spreadsheet or CSV, streamed: rows come from a database cursor and go out as they are written,
 * the workbook keeping {@link #WINDOW} rows in memory (the rest in a temporary file, deleted when the workbook
 * closes), so 100,000 rows cost what 100 do.
 */
@Service
public class RankingExport {

    /** Rows the workbook keeps in memory before writing them to its temporary file. */
    static final int WINDOW = 100;

    static final List<String> HEADER = List.of("排名", "成员编号", "姓名", "党员身份", "所在支部", "是否计分", "未计分原因", "总分", "等次", "星级",
            "加分", "扣分", "一票否决", "标记", "预警");

    private final Standings standings;
    private final Units units;
    private final Schemes schemes;
    private final Guard guard;

    RankingExport(Standings standings, Units units, Schemes schemes, Guard guard) {
        this.standings = standings;
        this.units = units;
        this.schemes = schemes;
        this.guard = guard;
    }

    /** The file's format. */
    public enum Format { XLSX, CSV }

    /**
     * Writes every member of the unit's subtree that matches, in the page's order, for someone with VIEW_SCORES over
     * the unit (checked before anything is written).
     */
    public void write(long unitId, int year, MemberType type, String text, StandingsQuery.Sort sort, Format format, OutputStream out)
            throws IOException {
        guard.require(Permission.VIEW_SCORES, unitId);
        StandingsQuery query = new StandingsQuery(year, units.subtree(unitId), type, text, sort, 0, 1);
        Labels labels = new Labels(cached(schemes::get), cached(units::name));
        if (format == Format.CSV) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF'); // so that Excel opens the file as UTF-8
            csv(writer, HEADER);
            try {
                standings.each(query, s -> {
                    try {
                        csv(writer, labels.cells(s));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
            return;
        }
        try (SXSSFWorkbook workbook = workbook()) {
            SXSSFSheet sheet = workbook.createSheet(year + "年度积分排名");
            Rows rows = new Rows(workbook, sheet);
            standings.each(query, s -> rows.add(labels.cells(s), s.result()));
            sheet.createFreezePane(3, 1);
            workbook.write(out);
        }
    }

    /** A workbook that keeps {@link #WINDOW} rows in memory; closing it deletes its temporary file. */
    static SXSSFWorkbook workbook() {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        return workbook;
    }

    /** Writes rows one after the other into a streaming sheet, under the header. */
    static final class Rows {
        private final SXSSFSheet sheet;
        private final CellStyle number;
        /**
         * The workbook's default style, given to every other cell: a cell without a style of its own is written with
         * its column's default style, which POI looks up in the sheet's column definitions for each cell (a quarter of
         * an export's time); the default style writes no attribute, so the sheet is the same.
         */
        private final CellStyle plain;
        private int next;

        Rows(SXSSFWorkbook workbook, SXSSFSheet sheet) {
            this.sheet = sheet;
            CellStyle head = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            head.setFont(bold);
            number = workbook.createCellStyle();
            number.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            plain = workbook.getCellStyleAt(0);
            Row row = sheet.createRow(next++);
            for (int i = 0; i < HEADER.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(HEADER.get(i));
                cell.setCellStyle(head);
                sheet.setColumnWidth(i, Math.max(10, HEADER.get(i).length() * 2 + 2) * 256);
            }
        }

        void add(List<String> cells, MemberResult result) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < cells.size(); i++) {
                String value = cells.get(i);
                if (value.isEmpty()) {
                    continue;
                }
                Cell cell = row.createCell(i);
                // rank, total, bonus and deductions are numbers in the sheet, so that a spreadsheet sorts and sums them
                if (i == 0 || i == 7 || i == 10 || i == 11) {
                    cell.setCellValue(new BigDecimal(value).doubleValue());
                    cell.setCellStyle(i == 0 ? plain : number);
                } else {
                    cell.setCellValue(value);
                    cell.setCellStyle(plain);
                }
            }
        }
    }

    /** A standing's cells, labelled by its scheme and unit (each looked up once an export). */
    record Labels(LongFunction<PublishedScheme> scheme, LongFunction<String> unitName) {

        List<String> cells(Standing s) {
            MemberResult r = s.result();
            Scheme sc = scheme.apply(s.schemeVersionId()).scheme();
            return List.of(r.rank() == null ? "" : r.rank().toString(), s.memberCode(), s.memberName(), s.memberType().label(),
                    unitName.apply(s.unitId()), r.scored() ? "是" : "否", text(r.reason()), number(r.total()), text(r.grade()),
                    r.stars() == null ? "" : r.stars() + "星", number(r.bonus()), number(r.deductions()),
                    String.join("；", r.vetoes().stream().map(code -> sc.itemName(code)).toList()),
                    String.join("；", r.flags().stream().map(code -> sc.flagLabel(code)).toList()),
                    String.join("；", r.warnings().stream().map(code -> sc.warningLabel(code)).toList()));
        }
    }

    private static <T> LongFunction<T> cached(LongFunction<T> lookup) {
        Map<Long, T> seen = new HashMap<>();
        return id -> seen.computeIfAbsent(id, lookup::apply);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static void csv(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String c = cells.get(i);
            // a cell a spreadsheet would run as a formula is written as text
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-?[0-9.]+")) {
                c = "'" + c;
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                c = '"' + c.replace("\"", "\"\"") + '"';
            }
            out.write(c);
        }
        out.write("\r\n");
    }
}
