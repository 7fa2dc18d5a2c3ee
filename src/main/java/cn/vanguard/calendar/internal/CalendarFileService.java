package cn.vanguard.calendar.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;

import cn.vanguard.calendar.CalendarFiles;
import cn.vanguard.calendar.CalendarProblem;
import cn.vanguard.calendar.CalendarRejected;
import cn.vanguard.calendar.Calendars;
import cn.vanguard.calendar.Calendars.DayInput;
import cn.vanguard.calendar.HolidayCalendar.Day;
import cn.vanguard.sheet.CsvText;
import cn.vanguard.sheet.Problems;
import cn.vanguard.sheet.SheetRows;

/** {@link CalendarFiles}: the sheet module reads the table; the columns are the bundled file's, in Chinese or English. */
@Service
class CalendarFileService implements CalendarFiles {

    static final List<String> HEADERS = List.of("日期", "类型", "名称");
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "date", List.of("日期", "date"), "kind", List.of("类型", "kind"), "name", List.of("名称", "name"));

    private final Calendars calendars;

    CalendarFileService(Calendars calendars) {
        this.calendars = calendars;
    }

    @Override
    public List<DayInput> read(Path file, String displayName) {
        Problems problems = new Problems();
        List<SheetRows.Row> rows = SheetRows.read(file, displayName, COLUMNS, List.of("date", "kind", "name"), problems);
        if (!problems.isEmpty()) {
            throw new CalendarRejected(problems.all().stream()
                    .map(p -> new CalendarProblem(p.line(), "文件", p.chinese() + "：表头应为“日期,类型,名称”，可下载模板对照")).toList());
        }
        return rows.stream().filter(r -> !r.cells().values().stream().allMatch(String::isBlank))
                .map(r -> new DayInput(r.line(), r.get("date"), r.get("kind"), r.get("name"))).toList();
    }

    @Override
    public byte[] csv(int year) {
        StringBuilder text = new StringBuilder("\uFEFF").append(CsvText.row(HEADERS)).append("\r\n");
        for (Day day : days(year)) {
            text.append(CsvText.row(List.of(day.date().toString(), day.kind().label(), day.name()))).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] xlsx(int year) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(year + "年节假日");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                head.createCell(i).setCellValue(HEADERS.get(i));
                head.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, (i == 2 ? 22 : 14) * 256);
            }
            List<Day> days = days(year);
            for (int r = 0; r < days.size(); r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(days.get(r).date().toString());
                row.createCell(1).setCellValue(days.get(r).kind().label());
                row.createCell(2).setCellValue(days.get(r).name());
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Day> days(int year) {
        return calendars.year(year).stream().map(Calendars.StoredDay::day).toList();
    }
}
