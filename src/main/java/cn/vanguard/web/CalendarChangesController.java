package cn.vanguard.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.vanguard.Text;
import cn.vanguard.calendar.CalendarFiles;
import cn.vanguard.calendar.CalendarProblem;
import cn.vanguard.calendar.CalendarRejected;
import cn.vanguard.calendar.Calendars;
import cn.vanguard.calendar.Calendars.DayInput;

/**
 * The changes of the holiday calendar: a day added, edited or removed, and a year replaced by an XLSX or CSV file, all
 * or nothing. The calendar module refuses anybody but a committee or system administrator; a refused change shows the
 * page again with every problem by row and field.
 */
@Controller
class CalendarChangesController {

    private final Calendars calendars;
    private final CalendarFiles files;
    private final CalendarController page;

    CalendarChangesController(Calendars calendars, CalendarFiles files, CalendarController page) {
        this.calendars = calendars;
        this.files = files;
        this.page = page;
    }

    @PostMapping("/calendar/days")
    String add(@RequestParam int year, @RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String kind,
               @RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
        try {
            calendars.put(null, new DayInput(0, date, kind, name));
        } catch (CalendarRejected e) {
            return refused(year, e, "这一天没有加入日历：", model);
        }
        return Pages.done(redirect, "已加入日历：" + date.strip() + " " + name.strip(), target(date, year));
    }

    @PostMapping("/calendar/days/{date}")
    String edit(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam(defaultValue = "") String newDate,
                @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String name, Model model,
                RedirectAttributes redirect) {
        try {
            calendars.put(date, new DayInput(0, newDate, kind, name));
        } catch (CalendarRejected e) {
            return refused(date.getYear(), e, date + " 没有修改：", model);
        }
        return Pages.done(redirect, "已修改 " + date, target(newDate, date.getYear()));
    }

    @PostMapping("/calendar/days/{date}/remove")
    String remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes redirect) {
        calendars.remove(date);
        return Pages.done(redirect, "已从日历中删除 " + date, "/calendar?year=" + date.getYear());
    }

    @PostMapping("/calendar/import")
    String upload(@RequestParam int year, @RequestParam(value = "file", required = false) MultipartFile file, Model model,
                  RedirectAttributes redirect) throws IOException {
        CalendarController.checked(year);
        if (!calendars.mayChange()) {
            throw cn.vanguard.security.Guard.denied();
        }
        if (file == null || file.isEmpty()) {
            return refused(year, new CalendarRejected(List.of(new CalendarProblem(0, "文件", "请选择要导入的日历文件（.xlsx 或 .csv）"))),
                    "没有导入：", model);
        }
        String given = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().strip();
        String lower = given.toLowerCase(Locale.ROOT);
        String suffix = lower.endsWith(".xlsx") ? ".xlsx" : lower.endsWith(".xls") ? ".xls" : ".csv";
        String name = given.isEmpty() || Text.problem("文件名", given, 200, false) != null ? "日历" + suffix : given;
        Path temporary = Files.createTempFile("vanguard-calendar-", suffix);
        try {
            file.transferTo(temporary);
            List<DayInput> rows = files.read(temporary, name);
            calendars.replaceYear(year, rows, name);
            return Pages.done(redirect, "已导入“" + name + "”：" + year + "年的日历现为文件中的 " + rows.size() + " 天。", "/calendar?year=" + year);
        } catch (CalendarRejected e) {
            return refused(year, e, "“" + name + "”没有导入，" + year + "年的日历没有改动：", model);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private String refused(int year, CalendarRejected e, String lead, Model model) {
        page.page(CalendarController.checked(year), model);
        List<String> whole = e.problems().stream().filter(p -> p.row() == 0).map(CalendarProblem::onPage).toList();
        List<CalendarProblem> rows = e.problems().stream().filter(p -> p.row() > 0).toList();
        model.addAttribute("fileProblems", whole.isEmpty() ? null : whole);
        model.addAttribute("rowProblems", rows.isEmpty() ? null : rows);
        model.addAttribute("flashError", lead + (rows.isEmpty() && whole.size() == 1 ? whole.get(0)
                : "有 " + e.problems().size() + " 处需要修改，见下方列表。"));
        return "calendar/year";
    }

    private static String target(String date, int fallback) {
        LocalDate parsed = cn.vanguard.sheet.Dates.parse(date);
        return "/calendar?year=" + (parsed == null ? fallback : parsed.getYear());
    }
}
