package cn.vanguard.ledger.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import cn.vanguard.ledger.CycleEntries;

/**
 * Reads every entry that counts in a cycle (approved, not a reversal, not reversed by an approved reversal, dated in
 * the year) into {@link CycleEntries}, on the connection of the current transaction: on PostgreSQL by
 * {@code COPY (SELECT …) TO STDOUT}, parsed from its text a byte at a time (several times faster than a result set
 * of ten million rows), elsewhere by a plain query read a row at a time. The rows come in no order; the builder
 * groups them.
 */
public final class CountingRows {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CountingRows.class);

    private static final String COLUMNS = "e.id, e.member_id, e.item_code, e.entry_date, e.quantity, e.points, e.occurrence";
    private static final String WHERE = """
            from ledger_entry e
            where e.status = 'APPROVED' and e.reverses_id is null and e.entry_date between %s and %s
              and not exists (select 1 from ledger_entry r where r.reverses_id = e.id and r.status = 'APPROVED')""";

    private CountingRows() {
    }

    public static CycleEntries read(Connection connection, int year) throws SQLException {
        if (connection.isWrapperFor(PGConnection.class)) {
            return copy(connection.unwrap(PGConnection.class), year);
        }
        CycleEntries.Builder rows = new CycleEntries.Builder();
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " " + WHERE.formatted("?", "?"))) {
            select.setObject(1, LocalDate.of(year, 1, 1));
            select.setObject(2, LocalDate.of(year, 12, 31));
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getBigDecimal(5),
                            rs.getBigDecimal(6), rs.getString(7));
                }
            }
        }
        return rows.build();
    }

    private static CycleEntries copy(PGConnection connection, int year) throws SQLException {
        // the year is an int, so the dates written into the statement are digits and dashes only
        String sql = "copy (select " + COLUMNS + " " + WHERE.formatted("date '" + LocalDate.of(year, 1, 1) + "'",
                "date '" + LocalDate.of(year, 12, 31) + "'") + ") to stdout";
        CycleEntries.Builder rows = new CycleEntries.Builder();
        Parser parser = new Parser();
        long started = System.nanoTime();
        CopyOut out = connection.getCopyAPI().copyOut(sql);
        try {
            byte[] row;
            while ((row = out.readFromCopy()) != null) {
                parser.row(row, rows);
            }
        } finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
        long copied = System.nanoTime();
        CycleEntries entries = rows.build();
        LOG.debug("{} entries copied in {} ms, grouped by member in {} ms", entries.size(), (copied - started) / 1_000_000,
                (System.nanoTime() - copied) / 1_000_000);
        return entries;
    }

    /** One row of COPY's text format: fields split by tabs, {@code \N} for null, backslash escapes in text. */
    static final class Parser {

        private final Map<String, BigDecimal> decimals = new HashMap<>();
        private byte[] row;
        private int at;

        void row(byte[] bytes, CycleEntries.Builder rows) {
            row = bytes;
            at = 0;
            long id = number();
            long member = number();
            String item = text();
            int date = date();
            BigDecimal quantity = decimal();
            BigDecimal points = decimal();
            String occurrence = text();
            rows.add(id, member, item, date, quantity, points, occurrence);
        }

        private long number() {
            long value = 0;
            boolean negative = row[at] == '-';
            if (negative) {
                at++;
            }
            while (at < row.length && row[at] != '\t' && row[at] != '\n') {
                value = value * 10 + (row[at++] - '0');
            }
            at++;
            return negative ? -value : value;
        }

        private int date() {
            int year = (int) digits(4);
            at++;
            int month = (int) digits(2);
            at++;
            int day = (int) digits(2);
            at++;
            return (int) LocalDate.of(year, month, day).toEpochDay();
        }

        private long digits(int count) {
            long value = 0;
            for (int i = 0; i < count; i++) {
                value = value * 10 + (row[at++] - '0');
            }
            return value;
        }

        private BigDecimal decimal() {
            String text = text();
            return text == null ? null : decimals.computeIfAbsent(text, BigDecimal::new);
        }

        /** A text field up to the next tab or the row's end, unescaped; null for {@code \N}. */
        private String text() {
            int start = at;
            boolean escaped = false;
            while (at < row.length && row[at] != '\t' && row[at] != '\n') {
                if (row[at] == '\\') {
                    escaped = true;
                    at++;
                }
                at++;
            }
            int end = at++;
            if (end - start == 2 && row[start] == '\\' && row[start + 1] == 'N') {
                return null;
            }
            return escaped ? unescape(start, end) : new String(row, start, end - start, StandardCharsets.UTF_8);
        }

        private String unescape(int start, int end) {
            byte[] out = new byte[end - start];
            int n = 0;
            for (int i = start; i < end; i++) {
                byte b = row[i];
                if (b != '\\' || i + 1 >= end) {
                    out[n++] = b;
                    continue;
                }
                byte next = row[++i];
                out[n++] = switch (next) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'v' -> 0x0b;
                    default -> next;
                };
            }
            return new String(out, 0, n, StandardCharsets.UTF_8);
        }
    }
}
