package cn.vanguard.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import cn.vanguard.NotFound;
import cn.vanguard.calendar.CalendarFiles;
import cn.vanguard.calendar.Calendars;
import cn.vanguard.calendar.DayKind;
import cn.vanguard.calendar.HolidayCalendar;
import cn.vanguard.security.Guard;

/**
 * 节假日日历: a year's days off and make-up working days as a list and as month grids, readable by everybody signed in;
 * the forms that change it are shown to committee administrators ({@link CalendarChangesController}).
 */
@Controller
class CalendarController {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final Calendars calendars;
    private final CalendarFiles files;
    private final Guard guard;
    private final Clock clock;

    CalendarController(Calendars calendars, CalendarFiles files, Guard guard, Clock clock) {
        this.calendars = calendars;
        this.files = files;
        this.guard = guard;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    String year(@RequestParam(required = false) Integer year, @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model) {
        guard.current();
        page(year == null ? LocalDate.now(clock).getYear() : checked(year), model);
        return htmx != null ? "calendar/year :: body" : "calendar/year";
    }

    /** Fills the model of the page for a year (also after a refused change, with its problems). */
    void page(int year, Model model) {
        HolidayCalendar inForce = calendars.inForce();
        List<Calendars.StoredDay> days = calendars.year(year);
        Set<Integer> years = calendars.years();
        int today = LocalDate.now(clock).getYear();
        List<String> missing = new ArrayList<>();
        for (int y : List.of(today, today + 1)) {
            if (!years.contains(y)) {
                missing.add(y + "年");
            }
        }
        model.addAttribute("year", year);
        model.addAttribute("years", years);
        model.addAttribute("days", days);
        model.addAttribute("holidays", days.stream().filter(d -> d.day().kind() == DayKind.HOLIDAY).count());
        model.addAttribute("makeups", days.stream().filter(d -> d.day().kind() == DayKind.WORKDAY).count());
        model.addAttribute("months", CalendarGrid.year(year, inForce));
        model.addAttribute("missing", missing.isEmpty() ? null : String.join("、", missing));
        model.addAttribute("mayChange", calendars.mayChange());
        model.addAttribute("kinds", DayKind.values());
    }

    @GetMapping("/calendar/{year}/days.csv")
    ResponseEntity<byte[]> csv(@PathVariable int year) {
        guard.current();
        return download(files.csv(checked(year)), year + "年节假日.csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping("/calendar/{year}/days.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable int year) {
        guard.current();
        return download(files.xlsx(checked(year)), year + "年节假日.xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    static int checked(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new NotFound("没有" + year + "年的日历：年度应在" + FIRST_YEAR + "至" + LAST_YEAR + "年之间");
        }
        return year;
    }
}
