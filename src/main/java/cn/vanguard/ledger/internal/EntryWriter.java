package cn.vanguard.ledger.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Writes the entries of an import on the connection of the current transaction, the same rows whichever way: JDBC
 * batches ({@link BatchWriter}, any database) or PostgreSQL's COPY ({@link CopyWriter}, several times faster there).
 * Every entry is 待审核, recorded by one account at one instant, from source IMPORT.
 */
interface EntryWriter extends AutoCloseable {

    void add(RowCheck.Good entry) throws SQLException;

    /** Sends what is buffered; the entries are written once this returns (the transaction still decides). */
    void finish() throws SQLException;

    @Override
    void close() throws SQLException;

    /** COPY on PostgreSQL, batches elsewhere. */
    static EntryWriter on(Connection connection, long recordedBy, OffsetDateTime recordedAt) throws SQLException {
        if (CopyWriter.supports(connection)) {
            return new CopyWriter(connection, recordedBy, recordedAt);
        }
        return new BatchWriter(connection, recordedBy, recordedAt);
    }

    String COLUMNS = "member_id, unit_id, scheme_version_id, item_code, entry_date, quantity, points, occurrence, note, source, status, "
            + "recorded_by, recorded_at";
}
