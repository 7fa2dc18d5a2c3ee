package cn.vanguard.standings.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows written into a PostgreSQL table by {@code COPY … FROM STDIN} in its text format, on the connection of the
 * current transaction: several times faster there than a JDBC batch of inserts, and inside the transaction like them.
 */
final class RowCopy {

    private static final int CHUNK = 1 << 18;

    private RowCopy() {
    }

    /** Copies the rows (values in the order of {@code columns}: text, numbers, booleans, instants or null); returns true. */
    static Boolean into(Connection connection, String table, String columns, List<Object[]> rows) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + columns + ") from stdin");
        try {
            // rows gathered as text and encoded a chunk at a time, not a row at a time
            StringBuilder text = new StringBuilder(CHUNK + 8192);
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        text.append('\t');
                    }
                    field(text, row[i]);
                }
                text.append('\n');
                if (text.length() >= CHUNK) {
                    write(copy, text);
                }
            }
            write(copy, text);
            copy.endCopy();
            return Boolean.TRUE;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void write(CopyIn copy, StringBuilder text) throws SQLException {
        if (text.length() > 0) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }
    }

    /** One value in COPY's text format: {@code \N} for null; backslash, tab, newline and carriage return escaped. */
    static void field(StringBuilder line, Object value) {
        if (value == null) {
            line.append("\\N");
        } else if (value instanceof BigDecimal d) {
            line.append(d.toPlainString());
        } else if (value instanceof OffsetDateTime t) {
            line.append(t);
        } else if (value instanceof Boolean b) {
            line.append(b ? 't' : 'f');
        } else {
            cn.vanguard.CopyText.append(line, value.toString());
        }
    }
}
