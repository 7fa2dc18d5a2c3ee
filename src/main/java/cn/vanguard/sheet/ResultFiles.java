package cn.vanguard.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import tools.jackson.core.io.JsonStringEncoder;

import cn.vanguard.scheme.Decimals;
import cn.vanguard.scheme.ExplanationLine;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.ScoreSheet;
import cn.vanguard.scheme.Section;

/**
 * Results as files (formats.md): JSON with every figure as a two-decimal string, CSV with one row per member, and
 * XLSX with the same rows under Chinese headers for printing and the 公示表. JSON and CSV are byte-for-byte the same
 * for the same inputs.
 */
public final class ResultFiles {

    private ResultFiles() {
    }

    public static void writeJson(ScoreSheet sheet, Writer out) throws IOException {
        out.write("{\n");
        out.write("  \"scheme\": " + json(sheet.scheme().id()) + ",\n");
        out.write("  \"year\": " + sheet.span().year() + ",\n");
        out.write("  \"period\": " + json(sheet.span().label()) + ",\n");
        out.write("  \"members\": [");
        List<MemberResult> members = sheet.members();
        for (int i = 0; i < members.size(); i++) {
            out.write(i == 0 ? "\n" : ",\n");
            member(members.get(i), out);
        }
        out.write(members.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    }

    private static void member(MemberResult r, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(512);
        b.append("    {\n");
        field(b, "member_id", json(r.member().id()));
        field(b, "name", json(r.member().name()));
        field(b, "org_unit", json(r.member().unit()));
        field(b, "scored", Boolean.toString(r.scored()));
        field(b, "reason", json(r.reason()));
        field(b, "total", json(r.total()));
        field(b, "rank", r.rank() == null ? "null" : r.rank().toString());
        field(b, "grade", json(r.grade()));
        field(b, "graded", Boolean.toString(r.graded()));
        field(b, "stars", r.stars() == null ? "null" : r.stars().toString());
        StringBuilder sections = new StringBuilder("{");
        for (Map.Entry<String, BigDecimal> section : r.sections().entrySet()) {
            sections.append(sections.length() > 1 ? ", " : "").append(json(section.getKey())).append(": ").append(json(section.getValue()));
        }
        field(b, "sections", sections.append('}').toString());
        field(b, "bonus", json(r.bonus()));
        field(b, "deductions", json(r.deductions()));
        field(b, "vetoes", list(r.vetoes()));
        field(b, "flags", list(r.flags()));
        field(b, "warnings", list(r.warnings()));
        b.append("      \"explanation\": [");
        List<ExplanationLine> lines = r.explanation();
        for (int i = 0; i < lines.size(); i++) {
            ExplanationLine line = lines.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("        {\"step\": ").append(json(line.step().name()))
                    .append(", \"rule\": ").append(json(line.rule()))
                    .append(", \"before\": ").append(json(line.before()))
                    .append(", \"after\": ").append(json(line.after()))
                    .append(", \"entry\": ").append(json(line.entry())).append('}');
        }
        b.append(lines.isEmpty() ? "]\n" : "\n      ]\n");
        b.append("    }");
        out.write(b.toString());
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("      \"").append(name).append("\": ").append(value).append(",\n");
    }

    private static String list(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (String value : values) {
            b.append(b.length() > 1 ? ", " : "").append(json(value));
        }
        return b.append(']').toString();
    }

    private static String json(BigDecimal value) {
        return value == null ? "null" : "\"" + Decimals.fixed(value) + "\"";
    }

    static String json(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, b);
        return b.append('"').toString();
    }

    /** One row per member; a byte-order mark first so that Excel reads the Chinese correctly. */
    public static void writeCsv(ScoreSheet sheet, Writer out) throws IOException {
        out.write('\uFEFF');
        List<String> header = new ArrayList<>(List.of("member_id", "name", "org_unit", "scored", "reason", "total", "rank", "grade", "stars"));
        for (Section section : sheet.scheme().sections()) {
            header.add(section.code());
        }
        header.addAll(List.of("bonus", "deductions", "vetoes", "flags", "warnings"));
        csvRow(out, header);
        for (MemberResult r : sheet.members()) {
            List<String> row = new ArrayList<>(header.size());
            row.add(r.member().id());
            row.add(r.member().name());
            row.add(r.member().unit());
            row.add(Boolean.toString(r.scored()));
            row.add(text(r.reason()));
            row.add(text(r.total()));
            row.add(r.rank() == null ? "" : r.rank().toString());
            row.add(text(r.grade()));
            row.add(r.stars() == null ? "" : r.stars().toString());
            for (Section section : sheet.scheme().sections()) {
                row.add(text(r.sections().get(section.code())));
            }
            row.add(text(r.bonus()));
            row.add(text(r.deductions()));
            row.add(String.join(";", r.vetoes()));
            row.add(String.join(";", r.flags()));
            row.add(String.join(";", r.warnings()));
            csvRow(out, row);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : Decimals.fixed(value);
    }

    private static void csvRow(Writer out, List<String> cells) throws IOException {
        out.write(CsvText.row(cells) + "\r\n");
    }

    /** The CSV rows under Chinese headers, with vetoes, flags and warnings by their Chinese names, ready to print. */
    public static void writeXlsx(ScoreSheet sheet, OutputStream out) throws IOException {
        writeXlsx(List.of(sheet), out);
    }

    /** Several results (one per scheme) as sheets of one workbook. */
    public static void writeXlsx(List<ScoreSheet> sheets, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            for (int i = 0; i < sheets.size(); i++) {
                sheet(workbook, sheets.get(i), sheets.size() == 1 ? "积分结果" : "积分结果" + (i + 1));
            }
            if (sheets.isEmpty()) {
                workbook.createSheet("积分结果");
            }
            workbook.write(out);
        }
    }

    private static void sheet(SXSSFWorkbook workbook, ScoreSheet sheet, String name) {
        Scheme scheme = sheet.scheme();
        Sheet s = workbook.createSheet(name);
        CellStyle head = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        head.setFont(bold);
        head.setAlignment(HorizontalAlignment.CENTER);
        head.setBorderBottom(BorderStyle.THIN);
        CellStyle number = workbook.createCellStyle();
        number.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
        // every data cell gets a style of its own: one without is written with its column's default style, which POI
        // looks up in the sheet's column definitions for each cell; the default style (0) writes no attribute
        CellStyle plain = workbook.getCellStyleAt(0);
        List<String> header = new ArrayList<>(List.of("成员编号", "姓名", "所在支部", "是否计分", "未计分原因", "总分", "排名", "等次", "星级"));
        for (Section section : scheme.sections()) {
            header.add(section.name());
        }
        header.addAll(List.of(scheme.bonusName(), "扣分", "一票否决", "标记", "预警"));
        Row title = s.createRow(0);
        title.createCell(0).setCellValue(scheme.name() + " " + sheet.span().chineseLabel() + "积分结果");
        title.getCell(0).setCellStyle(head);
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, header.size() - 1));
        Row headRow = s.createRow(1);
        for (int i = 0; i < header.size(); i++) {
            Cell cell = headRow.createCell(i);
            cell.setCellValue(header.get(i));
            cell.setCellStyle(head);
            s.setColumnWidth(i, Math.max(10, header.get(i).length() * 2 + 2) * 256);
        }
        int rowIndex = 2;
        for (MemberResult r : sheet.members()) {
            Row row = s.createRow(rowIndex++);
            int c = 0;
            cell(row, c++, plain).setCellValue(r.member().id());
            cell(row, c++, plain).setCellValue(r.member().name());
            cell(row, c++, plain).setCellValue(r.member().unit());
            cell(row, c++, plain).setCellValue(r.scored() ? "是" : "否");
            cell(row, c++, plain).setCellValue(text(r.reason()));
            numberCell(row, c++, r.total(), number);
            if (r.rank() != null) {
                cell(row, c, plain).setCellValue(r.rank());
            }
            c++;
            cell(row, c++, plain).setCellValue(text(r.grade()));
            cell(row, c++, plain).setCellValue(r.stars() == null ? "" : r.stars() + "星");
            for (Section section : scheme.sections()) {
                numberCell(row, c++, r.sections().get(section.code()), number);
            }
            numberCell(row, c++, r.bonus(), number);
            numberCell(row, c++, r.deductions(), number);
            cell(row, c++, plain).setCellValue(String.join("；", r.vetoes().stream().map(code -> scheme.itemName(code)).toList()));
            cell(row, c++, plain).setCellValue(String.join("；", r.flags().stream().map(code -> scheme.flagLabel(code)).toList()));
            cell(row, c, plain).setCellValue(String.join("；", r.warnings().stream().map(code -> scheme.warningLabel(code)).toList()));
        }
        s.createFreezePane(2, 2);
        s.setRepeatingRows(new CellRangeAddress(1, 1, 0, header.size() - 1));
        s.getPrintSetup().setLandscape(true);
        s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
        s.setFitToPage(true);
    }

    private static Cell cell(Row row, int column, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        return cell;
    }

    private static void numberCell(Row row, int column, BigDecimal value, CellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }
    }
}
