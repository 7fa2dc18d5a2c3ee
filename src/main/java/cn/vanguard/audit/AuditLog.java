package cn.vanguard.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.vanguard.Like;
import cn.vanguard.Text;
import cn.vanguard.audit.internal.Json;

/**
 * Records every change. The actor is passed explicitly (services know who acts); the remote address is taken from
 * the current request when there is one. Before and after are flat maps of the fields that matter, stored as JSON.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who acts: an account (id and username), or the system itself (null id, username "system"). */
    public record Actor(Long accountId, String username) {
        public static final Actor SYSTEM = new Actor(null, "system");
    }

    public void record(Actor actor, String action, String objectType, Object objectId, Long unitId, String summary,
                       Map<String, ?> before, Map<String, ?> after) {
        jdbc.sql("""
                insert into audit_log (happened_at, account_id, username, remote_addr, action, object_type, object_id, unit_id,
                                       summary, before_json, after_json)
                values (:at, :account, :username, :addr, :action, :type, :objectId, :unit, :summary, :before, :after)""")
                .param("at", clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(java.time.ZoneOffset.UTC))
                .param("account", actor.accountId())
                .param("username", actor.username())
                .param("addr", remoteAddress())
                .param("action", action)
                .param("type", objectType)
                .param("objectId", objectId == null ? null : objectId.toString())
                .param("unit", unitId)
                .param("summary", summary == null ? null : summary.length() > 300 ? summary.substring(0, 300) : summary)
                .param("before", before == null ? null : Json.object(before))
                .param("after", after == null ? null : Json.object(after))
                .update();
    }

    private static String remoteAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        return null;
    }

    /** One line of the log, as the audit page shows it. */
    public record Line(long id, Instant at, String username, String remoteAddr, String action, String objectType,
                       String objectId, Long unitId, String summary, String before, String after) {

        /** The fields of {@code before}, in their recorded order (empty when nothing was recorded). */
        public Map<String, String> beforeFields() {
            return Json.fields(before);
        }

        /** The fields of {@code after}, in their recorded order (empty when nothing was recorded). */
        public Map<String, String> afterFields() {
            return Json.fields(after);
        }
    }

    /**
     * The newest lines first, optionally limited to units (their ids; null: all) and filtered by text.
     *
     * @param units the units the reader may see, or null for every unit (and the lines without one)
     */
    public List<Line> recent(List<Long> units, String text, Instant from, Instant to, int limit) {
        return recent(units, text, from, to, null, limit);
    }

    /**
     * As {@link #recent(List, String, Instant, Instant, int)}, continuing below the line {@code beforeId} (the last
     * one shown), for reading the log page by page.
     */
    public List<Line> recent(List<Long> units, String text, Instant from, Instant to, Long beforeId, int limit) {
        if (Text.unmatchable(text)) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select * from audit_log where 1 = 1");
        Map<String, Object> params = new TreeMap<>();
        if (units != null) {
            if (units.isEmpty()) {
                return List.of();
            }
            sql.append(" and unit_id in (:units)");
            params.put("units", units);
        }
        if (text != null && !text.isBlank()) {
            sql.append(" and (lower(summary) like :text" + Like.ESCAPE + " or lower(username) like :text" + Like.ESCAPE
                    + " or lower(action) like :text" + Like.ESCAPE + " or object_id = :exact)");
            params.put("text", Like.containing(text.trim().toLowerCase()));
            params.put("exact", text.trim());
        }
        if (from != null) {
            sql.append(" and happened_at >= :from");
            params.put("from", from.atOffset(java.time.ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" and happened_at < :to");
            params.put("to", to.atOffset(java.time.ZoneOffset.UTC));
        }
        if (beforeId != null) {
            sql.append(" and id < :before");
            params.put("before", beforeId);
        }
        sql.append(" order by id desc limit ").append(Math.max(1, Math.min(limit, 1000)));
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        List<Line> lines = new ArrayList<>();
        spec.query((rs, n) -> new Line(rs.getLong("id"), rs.getObject("happened_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getString("username"), rs.getString("remote_addr"), rs.getString("action"), rs.getString("object_type"),
                rs.getString("object_id"), (Long) rs.getObject("unit_id", Long.class), rs.getString("summary"),
                rs.getString("before_json"), rs.getString("after_json"))).list().forEach(lines::add);
        return lines;
    }
}
