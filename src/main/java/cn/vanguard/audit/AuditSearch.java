package cn.vanguard.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Text;
import cn.vanguard.audit.internal.Where;

/** Reads the audit log: a page of the lines a filter keeps, with their total, or every such line for an export. */
@Service
public class AuditSearch {

    /** The most lines an export writes. */
    public static final int EXPORT_LIMIT = 100_000;

    private final JdbcClient jdbc;

    public AuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What to keep. {@code units}: the units the reader may see (null: every line, also those without a unit);
     * {@code who}: text of a username, or any of {@code accounts} (ids whose names match, looked up by the caller);
     * {@code text}: in the summary, username or action, or exactly the object's id; dates as instants, {@code to}
     * excluded.
     */
    public record Filter(List<Long> units, String text, String who, List<Long> accounts, String action, String objectType,
                         String objectId, Instant from, Instant to) {

        public static Filter of(List<Long> units) {
            return new Filter(units, null, null, List.of(), null, null, null, null, null);
        }

        public Filter text(String value) {
            return new Filter(units, value, who, accounts, action, objectType, objectId, from, to);
        }

        public Filter who(String value, List<Long> matching) {
            return new Filter(units, text, value, matching == null ? List.of() : List.copyOf(matching), action, objectType, objectId, from, to);
        }

        public Filter action(String value) {
            return new Filter(units, text, who, accounts, value, objectType, objectId, from, to);
        }

        public Filter object(String type, String id) {
            return new Filter(units, text, who, accounts, action, type, id, from, to);
        }

        public Filter between(Instant start, Instant end) {
            return new Filter(units, text, who, accounts, action, objectType, objectId, start, end);
        }

        boolean empty() {
            // a NUL matches nothing stored, and PostgreSQL refuses it as a parameter: no query at all
            return units != null && units.isEmpty() || Text.unmatchable(text) || Text.unmatchable(who) || Text.unmatchable(action)
                    || Text.unmatchable(objectType) || Text.unmatchable(objectId);
        }
    }

    /** One page of lines, newest first, and how many lines the filter keeps in all. */
    public record Page(long total, List<AuditLog.Line> lines) {
    }

    public Page page(Filter filter, int offset, int limit) {
        if (filter.empty()) {
            return new Page(0, List.of());
        }
        Where where = where(filter);
        long total = where.bind(jdbc.sql("select count(*) from audit_log" + where.sql())).query(Long.class).single();
        if (total == 0) {
            return new Page(0, List.of());
        }
        String sql = "select * from audit_log" + where.sql() + " order by id desc limit " + Math.max(1, Math.min(limit, 1000))
                + " offset " + Math.max(0, offset);
        return new Page(total, where.bind(jdbc.sql(sql)).query(LINE).list());
    }

    /**
     * Every line the filter keeps, newest first, at most {@link #EXPORT_LIMIT}, handed over one by one from a cursor
     * (inside a read-only transaction, so that PostgreSQL keeps it open).
     */
    @Transactional(readOnly = true)
    public void each(Filter filter, Consumer<AuditLog.Line> line) {
        if (filter.empty()) {
            return;
        }
        Where where = where(filter);
        where.bind(jdbc.sql("select * from audit_log" + where.sql() + " order by id desc limit " + EXPORT_LIMIT).withFetchSize(500))
                .query(rs -> {
                    line.accept(LINE.mapRow(rs, 0));
                });
    }

    private static Where where(Filter f) {
        Where where = new Where();
        if (f.units() != null) {
            where.in("unit_id", f.units());
        }
        where.containing(List.of("summary", "username", "action"), "object_id", f.text());
        where.person(f.who(), f.accounts());
        where.equal("action", f.action());
        where.equal("object_type", f.objectType());
        where.equal("object_id", f.objectId());
        where.atLeast("happened_at", f.from() == null ? null : f.from().atOffset(ZoneOffset.UTC));
        where.before("happened_at", f.to() == null ? null : f.to().atOffset(ZoneOffset.UTC));
        return where;
    }

    private static final RowMapper<AuditLog.Line> LINE = (rs, n) -> new AuditLog.Line(rs.getLong("id"),
            rs.getObject("happened_at", OffsetDateTime.class).toInstant(), rs.getObject("account_id", Long.class),
            rs.getString("username"), Addresses.readable(rs.getString("remote_addr")), Channel.of(rs.getString("channel")),
            rs.getString("channel_name"), rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
            rs.getObject("unit_id", Long.class), rs.getString("summary"), rs.getString("before_json"), rs.getString("after_json"));
}
