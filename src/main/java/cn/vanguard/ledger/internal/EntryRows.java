package cn.vanguard.ledger.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.security.Accounts;

/** How the ledger reads its entries: one select, one row mapper, item and account names added afterwards. */
public final class EntryRows {

    private EntryRows() {
    }

    /**
     * An entry as read: its unit is the unit its member belongs to now, not the one stored when it was recorded. Every
     * decision about an entry (view, check, approve, reject, reverse, evidence, the queue, the list) is a scope check
     * against this unit, so that after a transfer the new unit decides and the old one no longer sees the entry.
     */
    public static final String SELECT = """
            select e.*, m.unit_id as member_unit_id, m.member_code, m.member_name, m.unit_name,
                   (select count(*) from attachment a where a.entry_id = e.id) as attachment_count,
                   (select max(r.id) from ledger_entry r where r.reverses_id = e.id and r.status <> 'REJECTED') as reversed_by,
                   (select count(*) from ledger_entry r where r.reverses_id = e.id and r.status = 'APPROVED') as reversals_approved
            from ledger_entry e join member_place m on m.member_id = e.member_id""";

    /**
     * An entry as stored; its item name is added by {@link #named} once the rows are read. A row mapper never queries:
     * outside a transaction that query would need a second connection while the first is still held, and under load
     * every connection of the pool ends up held by a request waiting for another (see docs/performance.md).
     */
    public static final RowMapper<LedgerEntry> ROW = (rs, n) -> new LedgerEntry(rs.getLong("id"), rs.getLong("member_id"),
                rs.getString("member_code"), rs.getString("member_name"), rs.getLong("member_unit_id"), rs.getString("unit_name"),
                rs.getLong("scheme_version_id"), rs.getString("item_code"), null,
                rs.getObject("entry_date", LocalDate.class), rs.getBigDecimal("quantity").stripTrailingZeros(),
                rs.getBigDecimal("points") == null ? null : rs.getBigDecimal("points").stripTrailingZeros(),
                rs.getString("occurrence"), rs.getString("note"), rs.getString("witnesses"),
                EntrySource.valueOf(rs.getString("source")), EntryStatus.valueOf(rs.getString("status")),
                rs.getObject("reverses_id", Long.class), rs.getObject("reversed_by", Long.class),
                rs.getInt("reversals_approved") > 0,
                rs.getLong("recorded_by"), null, rs.getObject("recorded_at", OffsetDateTime.class),
                rs.getObject("checked_by", Long.class), null, rs.getObject("checked_at", OffsetDateTime.class),
                rs.getObject("decided_by", Long.class), null, rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("reject_reason"), rs.getInt("version"), rs.getInt("attachment_count"));

    /**
     * The entries with their items' names, each scheme version read once, and the names of the accounts that recorded,
     * checked and decided them, from the security module in one query for the whole list.
     */
    public static List<LedgerEntry> named(List<LedgerEntry> entries, Schemes schemes, Accounts accounts) {
        Map<Long, Scheme> versions = new HashMap<>();
        Map<Long, String> names = accountNames(entries, accounts);
        return entries.stream().map(e -> named(e, versions.computeIfAbsent(e.schemeVersionId(), schemes::scheme).item(e.itemCode()))
                        .withAccountNames(names))
                .toList();
    }

    /** The entry with the name of its item (its code when its scheme version no longer holds it) and its accounts' names. */
    public static LedgerEntry named(LedgerEntry entry, Item item, Accounts accounts) {
        return named(entry, item).withAccountNames(accountNames(List.of(entry), accounts));
    }

    private static LedgerEntry named(LedgerEntry entry, Item item) {
        return entry.withItemName(item == null ? entry.itemCode() : item.name());
    }

    private static Map<Long, String> accountNames(List<LedgerEntry> entries, Accounts accounts) {
        List<Long> ids = new ArrayList<>();
        for (LedgerEntry e : entries) {
            ids.add(e.recordedBy());
            ids.add(e.checkedBy());
            ids.add(e.decidedBy());
        }
        return entries.isEmpty() ? Map.of() : accounts.displayNames(ids);
    }

    /** What the entry queries read from: an entry with its member and the member's unit now (see {@link #SELECT}). */
    private static final String FROM = " from ledger_entry e join member_place m on m.member_id = e.member_id";

    /**
     * The ledger list's conditions: entries in the units of {@code scope} (null: everywhere) or about the member
     * {@code self} (null: nobody), narrowed by the filter and, when the search box was used, to the entries about
     * {@code members} or of the items {@code items} (null: no search; the caller answers a search that matched nothing);
     * with {@code reversed}, only the entries an approved reversal cancels (true) or only those none cancels (false).
     */
    public record Conditions(List<Long> scope, Long self, Ledger.Filter filter, List<Long> members, List<String> items,
                             Boolean reversed) {
    }

    /**
     * The ledger list's query: the conditions' entries, newest first, at most {@code limit} (and never more than 2,000).
     * The caller answers an empty scope without a member itself.
     */
    public static JdbcClient.StatementSpec search(JdbcClient jdbc, List<Long> scope, Long self, Ledger.Filter filter, int limit) {
        return select(jdbc, new Conditions(scope, self, filter, null, null, null), " order by e.id desc", 0, Math.max(1, Math.min(limit, 2000)));
    }

    /**
     * The ids of one page of the conditions' entries by date (newest or oldest first; the later recorded first among one
     * day's): the page's rows are read by {@link #byIds} afterwards, so that the per-row subqueries of {@link #SELECT}
     * run for the page's rows only, never for every row a sort reads.
     */
    public static JdbcClient.StatementSpec pageIds(JdbcClient jdbc, Conditions conditions, boolean oldestFirst, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String order = oldestFirst ? " order by e.entry_date, e.id" : " order by e.entry_date desc, e.id desc";
        return bind(jdbc.sql("select e.id" + FROM + where(conditions, params) + order + " limit " + Math.max(1, limit)
                + " offset " + Math.max(0, offset)), params);
    }

    /** The entries of these ids, in the order of the ids. */
    public static List<LedgerEntry> byIds(JdbcClient jdbc, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, LedgerEntry> found = new HashMap<>();
        jdbc.sql(SELECT + " where e.id in (:ids)").param("ids", ids).query(ROW).list().forEach(e -> found.put(e.id(), e));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * How many entries meet the conditions, counted up to {@code cap} + 1 at most: a wide scope is not counted to its last
     * entry on every page (a committee of millions of entries), it is "more than {@code cap}".
     */
    public static JdbcClient.StatementSpec count(JdbcClient jdbc, Conditions conditions, long cap) {
        Map<String, Object> params = new LinkedHashMap<>();
        return bind(jdbc.sql("select count(*) from (select 1 as one" + FROM + where(conditions, params) + " limit " + (cap + 1) + ") c"),
                params);
    }

    private static JdbcClient.StatementSpec select(JdbcClient jdbc, Conditions conditions, String order, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        return bind(jdbc.sql(SELECT + where(conditions, params) + order + " limit " + Math.max(1, limit) + " offset " + Math.max(0, offset)),
                params);
    }

    /** How many entries meet the conditions. */
    public static JdbcClient.StatementSpec count(JdbcClient jdbc, Conditions conditions) {
        Map<String, Object> params = new LinkedHashMap<>();
        return bind(jdbc.sql("select count(*)" + FROM + where(conditions, params)), params);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec;
    }

    private static String where(Conditions conditions, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        if (conditions.scope() != null) {
            List<String> seen = new ArrayList<>();
            if (!conditions.scope().isEmpty()) {
                seen.add("m.unit_id in (:scope)");
                params.put("scope", conditions.scope());
            }
            if (conditions.self() != null) {
                seen.add("e.member_id = :self");
                params.put("self", conditions.self());
            }
            sql.append(" and (").append(String.join(" or ", seen)).append(")");
        }
        Ledger.Filter filter = conditions.filter();
        if (filter.unitId() != null) {
            sql.append(" and m.unit_path like (select unit_path from unit_place where unit_id = :unit) || '%'");
            params.put("unit", filter.unitId());
        }
        if (filter.memberId() != null) {
            sql.append(" and e.member_id = :member");
            params.put("member", filter.memberId());
        }
        if (filter.status() != null) {
            sql.append(" and e.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.itemCode() != null && !filter.itemCode().isBlank()) {
            sql.append(" and e.item_code = :item");
            params.put("item", filter.itemCode().strip());
        }
        if (filter.from() != null) {
            sql.append(" and e.entry_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and e.entry_date <= :to");
            params.put("to", filter.to());
        }
        if (conditions.reversed() != null) {
            sql.append(conditions.reversed() ? " and" : " and not").append(
                    " exists (select 1 from ledger_entry r where r.reverses_id = e.id and r.reverses_id is not null and r.status = 'APPROVED')");
        }
        List<String> matches = new ArrayList<>();
        if (conditions.members() != null && !conditions.members().isEmpty()) {
            matches.add("e.member_id in (:matched)");
            params.put("matched", conditions.members());
        }
        if (conditions.items() != null && !conditions.items().isEmpty()) {
            matches.add("e.item_code in (:items)");
            params.put("items", conditions.items());
        }
        if (!matches.isEmpty()) {
            sql.append(" and (").append(String.join(" or ", matches)).append(")");
        }
        return sql.toString();
    }
}
