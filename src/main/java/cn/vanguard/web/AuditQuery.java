package cn.vanguard.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import cn.vanguard.audit.AuditSearch;
import cn.vanguard.sheet.Dates;

/**
 * The audit page's filters as they come in the URL — text, person, action, object (type and id), dates (China time)
 * and the page — checked, turned into the log's filter, and written back into links.
 */
record AuditQuery(String text, String who, String action, String type, String object, String from, String to, int page) {

    AuditQuery {
        text = blankToNull(text);
        who = blankToNull(who);
        action = blankToNull(action);
        type = blankToNull(type);
        object = blankToNull(object);
        from = blankToNull(from);
        to = blankToNull(to);
        page = Math.max(1, page);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The problems of the filters, by field, in Chinese (empty: the filters are good). */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.put("to", "结束日期不能早于开始日期");
        }
        if (action != null && !AuditActions.LABELS.containsKey(action)) {
            errors.put("action", "没有这种操作，请从列表中选择");
        }
        if (type != null && !AuditActions.OBJECTS.containsKey(type)) {
            errors.put("type", "没有这种对象，请从列表中选择");
        }
        return errors;
    }

    private static LocalDate date(String field, String value, Map<String, String> errors) {
        if (value == null) {
            return null;
        }
        LocalDate date = Dates.parse(value);
        if (date == null) {
            errors.put(field, "日期格式应为 2026-03-01");
        }
        return date;
    }

    /** The log's filter for a reader who sees {@code units} (null: all), people matched by name already looked up. */
    AuditSearch.Filter filter(List<Long> units, List<Long> people, Clock clock) {
        LocalDate start = from == null ? null : Dates.parse(from);
        LocalDate end = to == null ? null : Dates.parse(to);
        Instant startAt = start == null ? null : start.atStartOfDay(clock.getZone()).toInstant();
        Instant endAt = end == null ? null : end.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        return AuditSearch.Filter.of(units).text(text).who(who, people).action(action).object(type, object).between(startAt, endAt);
    }

    boolean filtered() {
        return text != null || who != null || action != null || type != null || object != null || from != null || to != null;
    }

    /** The address of these filters at {@code path} (the page, or the export) on page {@code n} (0: no page). */
    String url(String path, int n) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        param(url, "text", text);
        param(url, "who", who);
        param(url, "action", action);
        param(url, "type", type);
        param(url, "object", object);
        param(url, "from", from);
        param(url, "to", to);
        if (n > 1) {
            url.queryParam("page", n);
        }
        return url.encode().build().toUriString();
    }

    private static void param(UriComponentsBuilder url, String name, String value) {
        if (value != null) {
            url.queryParam(name, value);
        }
    }
}
