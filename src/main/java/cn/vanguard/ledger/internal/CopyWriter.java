package cn.vanguard.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Entries streamed into PostgreSQL by {@code COPY … FROM STDIN} in its text format, in chunks of 256 KB: the fastest
 * way into the table there, and inside the current transaction like any insert.
 */
final class CopyWriter implements EntryWriter {

    private static final int CHUNK = 1 << 18;

    private final CopyIn copy;
    private final byte[] tail;
    private final StringBuilder row = new StringBuilder(256);
    private byte[] buffer = new byte[CHUNK + 4096];
    private int size;

    static boolean supports(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    CopyWriter(Connection connection, long recordedBy, OffsetDateTime recordedAt) throws SQLException {
        copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy ledger_entry (" + COLUMNS + ") from stdin");
        tail = ("\tIMPORT\tPENDING\t" + recordedBy + "\t" + recordedAt + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void add(RowCheck.Good e) throws SQLException {
        row.setLength(0);
        row.append(e.memberId()).append('\t').append(e.unitId()).append('\t').append(e.schemeVersionId()).append('\t');
        text(e.itemCode());
        row.append('\t').append(e.date()).append('\t').append(e.quantity().toPlainString()).append('\t');
        if (e.points() == null) {
            row.append("\\N");
        } else {
            row.append(e.points().toPlainString());
        }
        row.append('\t');
        text(e.occurrence());
        row.append('\t');
        text(e.note());
        byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
        if (size + bytes.length + tail.length > buffer.length) {
            flush();
            if (bytes.length + tail.length > buffer.length) {
                buffer = new byte[bytes.length + tail.length];
            }
        }
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
        System.arraycopy(tail, 0, buffer, size, tail.length);
        size += tail.length;
        if (size >= CHUNK) {
            flush();
        }
    }

    /** A text column as COPY's text format wants it. */
    private void text(String value) {
        cn.vanguard.CopyText.append(row, value);
    }

    private void flush() throws SQLException {
        if (size > 0) {
            copy.writeToCopy(buffer, 0, size);
            size = 0;
        }
    }

    @Override
    public void finish() throws SQLException {
        flush();
        copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
