package cn.vanguard.org;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Roster workbooks for tests: the template filled in as a secretary would, and a workbook read back as text. */
public final class RosterSheets {

    public static final List<String> HEADERS = List.of("党员编号", "姓名", "性别", "出生日期", "身份证号码", "联系电话", "入党日期", "党员身份",
            "人员类别", "所在组织", "状态");

    private RosterSheets() {
    }

    /** One row in template order; dates become date cells, null leaves the cell empty. */
    public static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /** The template (or an export) with these rows written under the header, replacing what was there. */
    public static byte[] fill(byte[] workbook, List<List<Object>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = sheet.getLastRowNum(); r >= 1; r--) {
                Row old = sheet.getRow(r);
                if (old != null) {
                    sheet.removeRow(old);
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof LocalDate date) {
                        cell.setCellValue(date);
                        cell.setCellStyle(sheet.getColumnStyle(c));
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of the first sheet (the header included) as the texts Excel shows. */
    public static List<List<String>> read(byte[] workbook) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            DataFormatter formatter = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < HEADERS.size(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                if (cells.stream().anyMatch(s -> !s.isEmpty())) {
                    rows.add(cells);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
