package cn.vanguard.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import cn.vanguard.sheet.Dates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * The audit log (审计日志), newest first, filtered by text and dates (China time), read page by page; a supervisor or
 * committee administrator sees the lines of their own units, the system administrator every line.
 */
@Controller
class AuditController {

    static final int PAGE = 50;

    private final AuditLog audit;
    private final Guard guard;
    private final Units units;
    private final Members members;
    private final Clock clock;

    AuditController(AuditLog audit, Guard guard, Units units, Members members, Clock clock) {
        this.audit = audit;
        this.guard = guard;
        this.units = units;
        this.members = members;
        this.clock = clock;
    }

    /** A line as the page shows it. */
    record Row(AuditLog.Line line, String action, String unit, List<AuditText.Change> changes) {
    }

    @GetMapping("/audit")
    String log(@RequestParam(required = false) String text, @RequestParam(required = false) String from,
               @RequestParam(required = false) String to, @RequestParam(required = false) Long before,
               @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        guard.requireAnywhere(Permission.VIEW_AUDIT);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.put("to", "结束日期不能早于开始日期");
        }
        Instant start = fromDate == null ? null : fromDate.atStartOfDay(clock.getZone()).toInstant();
        Instant end = toDate == null ? null : toDate.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        List<AuditLog.Line> lines = errors.isEmpty()
                ? audit.recent(guard.units(Permission.VIEW_AUDIT), text, start, end, before, PAGE + 1) : List.of();
        boolean more = lines.size() > PAGE;
        List<AuditLog.Line> shown = more ? lines.subList(0, PAGE) : lines;

        Function<String, String> unitName = AuditText.cached(id -> units.find(Long.parseLong(id)).map(Unit::name).orElse("#" + id));
        Function<Long, String> memberName = AuditText.cached(id -> members.find(id)
                .map((MemberRecord m) -> m.name() + "（" + m.code() + "）").orElse("#" + id));
        List<Row> rows = shown.stream().map(line -> new Row(line, AuditText.action(line.action()),
                line.unitId() == null ? null : unitName.apply(line.unitId().toString()),
                AuditText.changes(line.beforeFields(), line.afterFields(), unitName, memberName::apply))).toList();

        model.addAttribute("rows", rows);
        model.addAttribute("more", more ? moreUrl(text, from, to, shown.get(shown.size() - 1).id()) : null);
        model.addAttribute("text", text);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("errors", errors);
        model.addAttribute("continued", before != null);
        model.addAttribute("everything", guard.global(Permission.VIEW_AUDIT));
        return htmx != null && before != null ? "audit/log :: rows" : "audit/log";
    }

    private static LocalDate date(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date = Dates.parse(value);
        if (date == null) {
            errors.put(field, "日期格式应为 2026-03-01");
        }
        return date;
    }

    private static String moreUrl(String text, String from, String to, long before) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/audit");
        if (text != null && !text.isBlank()) {
            url.queryParam("text", text);
        }
        if (from != null && !from.isBlank()) {
            url.queryParam("from", from);
        }
        if (to != null && !to.isBlank()) {
            url.queryParam("to", to);
        }
        return url.queryParam("before", before).encode().build().toUriString();
    }
}
