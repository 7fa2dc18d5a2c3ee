package cn.vanguard.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An entry of a burst as stored, with its audit lines and idempotency keys (the key is also the entry's note). */
record StoredEntry(String key, long id, String status, Long decidedBy, int version, long recordedLines, long approvedLines, long keys,
                   Long keyEntry) {

    boolean approved() {
        return "APPROVED".equals(status);
    }

    /** The entries whose note starts with {@code prefix}, by note; fails if one was recorded twice or a key has no entry. */
    static Map<String, StoredEntry> read(Connection db, String prefix) throws SQLException {
        Map<String, StoredEntry> stored = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("""
                select e.note, e.id, e.status, e.decided_by, e.version,
                       (select count(*) from audit_log a where a.object_type = 'ledger_entry' and a.object_id = cast(e.id as varchar(40))
                                                           and a.action = 'ENTRY_SCORER') as recorded_lines,
                       (select count(*) from audit_log a where a.object_type = 'ledger_entry' and a.object_id = cast(e.id as varchar(40))
                                                           and a.action = 'ENTRY_APPROVED') as approved_lines,
                       (select count(*) from idempotency_key k where k.client_key = e.note) as keys,
                       (select max(k.entry_id) from idempotency_key k where k.client_key = e.note) as key_entry
                from ledger_entry e where e.note like ? order by e.id""")) {
            query.setString(1, prefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    StoredEntry row = new StoredEntry(rows.getString(1), rows.getLong(2), rows.getString(3), rows.getObject(4, Long.class),
                            rows.getInt(5), rows.getLong(6), rows.getLong(7), rows.getLong(8), rows.getObject(9, Long.class));
                    assertThat(stored.put(row.key, row)).as("%s recorded twice", row.key).isNull();
                }
            }
        }
        assertThat(CrashMidWayContract.count(db, "select count(*) from idempotency_key where client_key like ?", prefix + "%"))
                .as("no idempotency key without its entry").isEqualTo(stored.size());
        return stored;
    }
}
