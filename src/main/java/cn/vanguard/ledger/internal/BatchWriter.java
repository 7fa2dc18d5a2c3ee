package cn.vanguard.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;

/** Entries written by JDBC batches of a thousand rows. */
final class BatchWriter implements EntryWriter {

    private static final int BATCH = 1_000;

    private final PreparedStatement insert;
    private int pending;

    BatchWriter(Connection connection, long recordedBy, OffsetDateTime recordedAt) throws SQLException {
        insert = connection.prepareStatement("insert into ledger_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'IMPORT', 'PENDING', ?, ?)");
        insert.setLong(10, recordedBy);
        insert.setObject(11, recordedAt);
    }

    @Override
    public void add(RowCheck.Good e) throws SQLException {
        insert.setLong(1, e.memberId());
        insert.setLong(2, e.unitId());
        insert.setLong(3, e.schemeVersionId());
        insert.setString(4, e.itemCode());
        insert.setObject(5, e.date());
        insert.setBigDecimal(6, e.quantity());
        if (e.points() == null) {
            insert.setNull(7, Types.NUMERIC);
        } else {
            insert.setBigDecimal(7, e.points());
        }
        insert.setString(8, e.occurrence());
        insert.setString(9, e.note());
        insert.addBatch();
        if (++pending == BATCH) {
            finish();
        }
    }

    @Override
    public void finish() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
