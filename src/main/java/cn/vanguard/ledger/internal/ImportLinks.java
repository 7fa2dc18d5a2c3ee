package cn.vanguard.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.vanguard.ledger.ChainCheck.Kind;

/**
 * The RECORDED links of an import's entries, appended in the import's transaction once its rows are written: the units'
 * heads locked in ascending order (so that two imports never wait for each other in a circle), the rows read back in
 * pages of ids as the database stores them, and the links written by COPY on PostgreSQL, by JDBC batches elsewhere.
 */
final class ImportLinks {

    private static final int PAGE = 20_000;

    private ImportLinks() {
    }

    /** The entries written after {@code afterId} by {@code recordedBy} at {@code recordedAt} from an import, into {@code units}. */
    static void append(JdbcClient jdbc, Connection connection, Collection<Long> units, long afterId, long recordedBy,
                       OffsetDateTime recordedAt) throws SQLException {
        Map<Long, ChainHeads.Head> heads = new TreeMap<>();
        for (long unit : new TreeSet<>(units)) {
            heads.put(unit, ChainHeads.lock(jdbc, unit));
        }
        try (PreparedStatement page = connection.prepareStatement("select " + ChainRow.COLUMNS + " from ledger_entry e where e.id > ? "
                + "and e.id <= ? and e.recorded_by = ? and e.recorded_at = ? and e.source = 'IMPORT' order by e.id")) {
            page.setLong(3, recordedBy);
            page.setObject(4, recordedAt);
            long end = jdbc.sql("select coalesce(max(id), 0) from ledger_entry").query(Long.class).single();
            for (long last = afterId; last < end; last += PAGE) {
                page.setLong(1, last);
                page.setLong(2, last + PAGE);
                List<ChainRow> rows = new ArrayList<>(PAGE);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        rows.add(ChainRow.read(rs));
                    }
                }
                if (!rows.isEmpty()) {
                    write(connection, heads, rows);
                }
            }
        }
        heads.values().forEach(head -> ChainHeads.store(jdbc, head));
    }

    private static void write(Connection connection, Map<Long, ChainHeads.Head> heads, List<ChainRow> rows) throws SQLException {
        StringBuilder copy = CopyWriter.supports(connection) ? new StringBuilder(rows.size() * 120) : null;
        try (PreparedStatement insert = copy != null ? null : connection.prepareStatement(
                "insert into ledger_chain (unit_id, seq, entry_id, kind, hash, groups) values (?, ?, ?, 'RECORDED', ?, ?)")) {
            for (ChainRow row : rows) {
                ChainHeads.Head head = heads.get(row.unitId());
                if (head == null) {
                    throw new IllegalStateException("imported entry " + row.id() + " is in unit " + row.unitId() + ", not locked");
                }
                ChainForm.Form form = ChainForm.of(Kind.RECORDED, head.unitId, row);
                head.seq++;
                head.hash = ChainForm.hash(head.hash, form);
                if (copy != null) {
                    copy.append(head.unitId).append('\t').append(head.seq).append('\t').append(row.id()).append("\tRECORDED\t")
                            .append(head.hash).append('\t').append(form.digests()).append('\n');
                } else {
                    insert.setLong(1, head.unitId);
                    insert.setLong(2, head.seq);
                    insert.setLong(3, row.id());
                    insert.setString(4, head.hash);
                    insert.setString(5, form.digests());
                    insert.addBatch();
                }
            }
            if (copy != null) {
                CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy ledger_chain (unit_id, seq, entry_id, kind, hash, groups) from stdin");
                byte[] bytes = copy.toString().getBytes(StandardCharsets.US_ASCII);
                in.writeToCopy(bytes, 0, bytes.length);
                in.endCopy();
            } else {
                insert.executeBatch();
            }
        }
    }
}
