package cn.vanguard.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

import cn.vanguard.audit.AuditSearch;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * The audit log (审计日志), newest first, filtered by text, person, action, object and dates (China time), 50 lines a
 * page with the total, and exported as XLSX with the same filters; a supervisor or committee administrator sees the
 * lines of their own units, the system administrator every line.
 */
@Controller
class AuditController {

    static final int PAGE = 50;
    /** How many accounts a name typed in the person filter may stand for. */
    private static final int PEOPLE = 200;

    private final AuditSearch search;
    private final AuditRows rows;
    private final AuditExport export;
    private final Accounts accounts;
    private final Guard guard;
    private final Clock clock;

    AuditController(AuditSearch search, AuditRows rows, AuditExport export, Accounts accounts, Guard guard, Clock clock) {
        this.search = search;
        this.rows = rows;
        this.export = export;
        this.accounts = accounts;
        this.guard = guard;
        this.clock = clock;
    }

    @GetMapping("/audit")
    String log(@RequestParam(required = false) String text, @RequestParam(required = false) String who,
               @RequestParam(required = false) String action, @RequestParam(required = false) String type,
               @RequestParam(required = false) String object, @RequestParam(required = false) String from,
               @RequestParam(required = false) String to, @RequestParam(defaultValue = "1") int page,
               @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        guard.requireAnywhere(Permission.VIEW_AUDIT);
        AuditQuery query = new AuditQuery(text, who, action, type, object, from, to, page);
        Map<String, String> errors = query.errors();
        AuditSearch.Page found = errors.isEmpty()
                ? search.page(filter(query), (query.page() - 1) * PAGE, PAGE) : new AuditSearch.Page(0, List.of());
        long pages = Math.max(1, (found.total() + PAGE - 1) / PAGE);
        model.addAttribute("rows", rows.of(found.lines(), rows.lookups()));
        model.addAttribute("total", found.total());
        model.addAttribute("q", query);
        model.addAttribute("filtered", query.filtered());
        model.addAttribute("pages", pages);
        model.addAttribute("previous", query.page() > 1 ? query.url("/audit", query.page() - 1) : null);
        model.addAttribute("next", query.page() < pages ? query.url("/audit", query.page() + 1) : null);
        model.addAttribute("exportUrl", query.url("/audit/export", 0));
        model.addAttribute("actions", AuditActions.LABELS);
        model.addAttribute("objects", AuditActions.OBJECTS);
        model.addAttribute("errors", errors);
        model.addAttribute("everything", guard.global(Permission.VIEW_AUDIT));
        return htmx != null ? "audit/log :: results" : "audit/log";
    }

    /** The lines the page's filters keep, every page of them, as an Excel workbook. */
    @GetMapping("/audit/export")
    void export(@RequestParam(required = false) String text, @RequestParam(required = false) String who,
                @RequestParam(required = false) String action, @RequestParam(required = false) String type,
                @RequestParam(required = false) String object, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        guard.requireAnywhere(Permission.VIEW_AUDIT);
        AuditQuery query = new AuditQuery(text, who, action, type, object, from, to, 1);
        if (!query.errors().isEmpty()) {
            response.sendRedirect(query.url("/audit", 0));
            return;
        }
        String filename = "审计日志-" + LocalDate.now(clock) + ".xlsx";
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        export.write(filter(query), response.getOutputStream());
    }

    private AuditSearch.Filter filter(AuditQuery query) {
        return query.filter(guard.units(Permission.VIEW_AUDIT), query.who() == null ? List.of() : accounts.idsNamed(query.who(), PEOPLE), clock);
    }
}
