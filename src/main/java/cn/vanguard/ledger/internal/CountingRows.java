package cn.vanguard.ledger.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import cn.vanguard.ledger.CycleEntries;

/**
 * Reads every entry that counts in a cycle (approved, not a reversal, not reversed by an approved reversal, dated in
 * the year) into {@link CycleEntries}, on the connection of the current transaction: on PostgreSQL by
 * {@code COPY (SELECT …) TO STDOUT (FORMAT BINARY)}, parsed from its bytes (several times faster than a result set
 * of ten million rows), elsewhere by a plain query read a row at a time. The rows come in no order; the builder
 * groups them.
 */
public final class CountingRows {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CountingRows.class);

    private static final String COLUMNS = "e.id, e.member_id, e.item_code, e.entry_date, e.quantity, e.points, e.occurrence";
    /** The same for COPY in its binary format (the date is sent as days since 2000-01-01). */
    private static final String COPIED = COLUMNS;
    /*
     * "r.reverses_id is not null" adds nothing to what counts (an equality is never true of a null), but tells the
     * planner that the reversals are few: it reads them by the index on reverses_id into a small hash, instead of
     * hashing the whole table's reverses_id (or walking both indexes in id order) for the anti-join.
     */
    private static final String WHERE = """
            from ledger_entry e
            where e.status = 'APPROVED' and e.reverses_id is null and e.entry_date between %s and %s
              and not exists (select 1 from ledger_entry r where r.reverses_id = e.id and r.reverses_id is not null and r.status = 'APPROVED')""";

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
        long started = System.nanoTime();
        CycleEntries.Builder rows = copy(connection, year, "");
        long copied = System.nanoTime();
        CycleEntries entries = rows.build();
        LOG.debug("{} entries copied in {} ms, grouped by member in {} ms", entries.size(), (copied - started) / 1_000_000,
                (System.nanoTime() - copied) / 1_000_000);
        return entries;
    }

    /** The counting rows of the cycle that also meet {@code more} (SQL written here, never from input), parsed into a builder. */
    private static CycleEntries.Builder copy(PGConnection connection, int year, String more) throws SQLException {
        // the year is an int, so the dates written into the statement are digits and dashes only
        String sql = "copy (select " + COPIED + " " + WHERE.formatted("date '" + LocalDate.of(year, 1, 1) + "'",
                "date '" + LocalDate.of(year, 12, 31) + "'") + more + ") to stdout (format binary)";
        CycleEntries.Builder rows = new CycleEntries.Builder();
        Parser parser = new Parser();
        CopyOut out = connection.getCopyAPI().copyOut(sql);
        try {
            byte[] row;
            boolean open = true;
            while ((row = out.readFromCopy()) != null) {
                if (!open) {
                    throw new IllegalStateException("rows after the end of the data");
                }
                open = parser.row(row, rows);
            }
        } finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
        return rows;
    }

    /**
     * On PostgreSQL, the same rows as {@link #read} in several {@code COPY} streams at once, one a connection of
     * {@code helpers}, each over its share of the table's blocks (a TID range scan), all in one snapshot: the
     * transaction's connection takes a share lock on the table (no {@code VACUUM FULL}, {@code CLUSTER} or
     * {@code TRUNCATE} moves its rows until it ends) and exports its snapshot; each helper imports it in a read-only
     * repeatable-read transaction (as {@code pg_dump -j} does), so every stream sees exactly the entries the
     * transaction's connection would have seen at that moment; the transaction's own uncommitted changes of the ledger,
     * if it made any, are not among them. Each stream is parsed on its own thread into its own builder; the builders are
     * then merged by member. The helpers' transactions are rolled back before they are handed back.
     */
    public static CycleEntries read(Connection transaction, List<Connection> helpers, int year) throws SQLException {
        if (!parallel(transaction, helpers)) {
            return read(transaction, year);
        }
        Started started = start(transaction, helpers, year);
        try {
            return started.finish();
        } finally {
            started.await();
        }
    }

    /** Whether {@link #start} can read on these connections: PostgreSQL, inside a transaction, with helpers. */
    public static boolean parallel(Connection transaction, List<Connection> helpers) throws SQLException {
        return !helpers.isEmpty() && transaction.isWrapperFor(PGConnection.class) && !transaction.getAutoCommit();
    }

    /**
     * Starts {@link #read(Connection, List, int)}: the snapshot is exported now, the streams run on their own threads,
     * and the transaction's connection is free for other statements until {@link Started#finish}.
     */
    public static Started start(Connection transaction, List<Connection> helpers, int year) throws SQLException {
        long started = System.nanoTime();
        String snapshot;
        long blocks;
        try (Statement statement = transaction.createStatement()) {
            statement.execute("lock table ledger_entry in access share mode");
            try (ResultSet rs = statement.executeQuery(
                    "select pg_export_snapshot(), pg_relation_size('ledger_entry') / current_setting('block_size')::bigint")) {
                rs.next();
                snapshot = rs.getString(1);
                blocks = rs.getLong(2);
            }
        }
        if (!snapshot.matches("[0-9A-Fa-f-]+")) {
            throw new SQLException("unexpected snapshot name: " + snapshot);
        }
        int streams = helpers.size();
        List<java.util.concurrent.CompletableFuture<CycleEntries.Builder>> parts = new ArrayList<>(streams);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(streams, r -> {
            Thread thread = new Thread(r, "counting-copy");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < streams; i++) {
            // blocks [from, to) of the table; the first stream has no lower bound and the last no upper one
            String from = i == 0 ? "" : " and e.ctid >= '(" + blocks * i / streams + ",0)'::tid";
            String to = i == streams - 1 ? "" : " and e.ctid < '(" + blocks * (i + 1) / streams + ",0)'::tid";
            Connection helper = helpers.get(i);
            parts.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> stream(helper, snapshot, year, from + to), threads));
        }
        threads.shutdown();
        return new Started(parts, started, blocks);
    }

    /** Streams under way (see {@link #start}). */
    public static final class Started {

        private final List<java.util.concurrent.CompletableFuture<CycleEntries.Builder>> parts;
        private final long started;
        private final long blocks;

        private Started(List<java.util.concurrent.CompletableFuture<CycleEntries.Builder>> parts, long started, long blocks) {
            this.parts = parts;
            this.started = started;
            this.blocks = blocks;
        }

        /** Waits for every stream and merges what they read; the first failure, if any, once all have ended. */
        public CycleEntries finish() throws SQLException {
            List<CycleEntries.Builder> builders = new ArrayList<>(parts.size());
            SQLException failed = null;
            for (java.util.concurrent.CompletableFuture<CycleEntries.Builder> part : parts) {
                try {
                    builders.add(part.join());
                } catch (java.util.concurrent.CompletionException e) {
                    if (failed == null) {
                        failed = e.getCause() instanceof SQLException s ? s : new SQLException("reading the cycle's entries", e.getCause());
                    }
                }
            }
            if (failed != null) {
                throw failed;
            }
            long copied = System.nanoTime();
            CycleEntries entries = CycleEntries.Builder.build(builders);
            LOG.debug("{} entries copied in {} ms in {} streams ({} rows) over {} blocks, grouped by member in {} ms", entries.size(),
                    (copied - started) / 1_000_000, parts.size(), builders.stream().map(b -> String.valueOf(b.size())).collect(
                            java.util.stream.Collectors.joining(" + ")), blocks, (System.nanoTime() - copied) / 1_000_000);
            return entries;
        }

        /** Waits for every stream to end, whatever it gave, so that its connection can be handed back. */
        public void await() {
            for (java.util.concurrent.CompletableFuture<CycleEntries.Builder> part : parts) {
                try {
                    part.join();
                } catch (RuntimeException e) {
                    // reported by finish, or moot when the caller failed first
                }
            }
        }
    }

    /** One stream of {@link #read(Connection, List, int)}: the helper's transaction in the exported snapshot, then rolled back. */
    private static CycleEntries.Builder stream(Connection helper, String snapshot, int year, String range) {
        try {
            boolean autoCommit = helper.getAutoCommit();
            helper.setAutoCommit(false);
            try {
                try (Statement statement = helper.createStatement()) {
                    statement.execute("set transaction isolation level repeatable read, read only");
                    statement.execute("set transaction snapshot '" + snapshot + "'");
                }
                return copy(helper.unwrap(PGConnection.class), year, range);
            } finally {
                helper.rollback();
                helper.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    /**
     * One row of COPY's binary format: a field count, then each field as its length (-1 for null) and its bytes, big
     * endian; the first row comes after the format's header, and a field count of -1 ends the data. Integers are read
     * as they are sent, the date as days since 2000-01-01; item codes and amounts repeat (a ledger has a few dozen items
     * and a handful of amounts), so each distinct one is made a string or a decimal and indexed by the builder once,
     * then found again by its bytes. Costs PostgreSQL less than the text format (no number is written out as digits)
     * and this side less than parsing digits.
     */
    static final class Parser {

        /** The binary format's signature, flags (0) and header extension length (0). */
        private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
        /** 2000-01-01, PostgreSQL's day 0, as days since 1970-01-01. */
        private static final int POSTGRES_EPOCH = 10_957;
        private static final int FIELDS = 7;

        private final Known items = new Known();
        private final Known amounts = new Known();
        private boolean started;
        private byte[] row;
        private int at;

        /** Reads a message of the stream into {@code rows}; false at the end of the data. */
        boolean row(byte[] bytes, CycleEntries.Builder rows) {
            row = bytes;
            at = 0;
            if (!started) {
                if (bytes.length < HEADER.length || !java.util.Arrays.equals(bytes, 0, HEADER.length, HEADER, 0, HEADER.length)) {
                    throw new IllegalStateException("not PostgreSQL's binary COPY format, or a header extension it did not announce");
                }
                at = HEADER.length;
                started = true;
            }
            short fields = (short) (((row[at] & 0xFF) << 8) | (row[at + 1] & 0xFF));
            at += 2;
            if (fields == -1) {
                return false;
            }
            if (fields != FIELDS) {
                throw new IllegalStateException("a row of " + fields + " fields, not " + FIELDS);
            }
            long id = fixed(8);
            long member = fixed(8);
            int item = item(rows);
            int date = (int) fixed(4) + POSTGRES_EPOCH;
            int quantity = amount(rows);
            int points = amount(rows);
            String occurrence = text();
            rows.add(id, member, item, date, quantity, points, occurrence);
            if (at != row.length) {
                throw new IllegalStateException("a message of more than one row");
            }
            return true;
        }

        private int length() {
            return (int) read(4);
        }

        /** A field of a fixed width (an int8, or an int4 read with its sign), with its length checked. */
        private long fixed(int width) {
            if (length() != width) {
                throw new IllegalStateException("a field of " + width + " bytes expected");
            }
            return read(width);
        }

        private long read(int width) {
            long value = 0;
            for (int i = 0; i < width; i++) {
                value = (value << 8) | (row[at++] & 0xFF);
            }
            return width == 4 ? (int) value : value;
        }

        private String text() {
            int length = length();
            if (length < 0) {
                return null;
            }
            String text = new String(row, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }

        private int item(CycleEntries.Builder rows) {
            int length = length();
            int known = items.find(row, at, at + length);
            if (known < 0) {
                known = rows.code(new String(row, at, length, StandardCharsets.UTF_8));
                items.put(row, at, at + length, known);
            }
            at += length;
            return known;
        }

        /** A numeric as the builder's index of its value; -1 for null. */
        private int amount(CycleEntries.Builder rows) {
            int length = length();
            if (length < 0) {
                return -1;
            }
            int known = amounts.find(row, at, at + length);
            if (known < 0) {
                known = rows.decimal(numeric(row, at, length));
                amounts.put(row, at, at + length, known);
            }
            at += length;
            return known;
        }

        /**
         * PostgreSQL's binary numeric: the count of base-10000 digits, the weight of the first (its power of 10000),
         * the sign (0x0000 positive, 0x4000 negative, 0xC000 not a number) and the display scale, then the digits.
         */
        static BigDecimal numeric(byte[] bytes, int from, int length) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes, from, length);
            int digits = b.getShort();
            int weight = b.getShort();
            int sign = b.getShort() & 0xFFFF;
            int scale = b.getShort();
            if (sign == 0xC000) {
                throw new IllegalStateException("an amount that is not a number");
            }
            java.math.BigInteger unscaled = java.math.BigInteger.ZERO;
            java.math.BigInteger base = java.math.BigInteger.valueOf(10_000);
            for (int i = 0; i < digits; i++) {
                unscaled = unscaled.multiply(base).add(java.math.BigInteger.valueOf(b.getShort()));
            }
            // the digits are worth 10000^(weight - digits + 1) each in the last place
            BigDecimal value = new BigDecimal(unscaled).scaleByPowerOfTen(4 * (weight - digits + 1));
            value = value.setScale(scale, java.math.RoundingMode.UNNECESSARY);
            return sign == 0x4000 ? value.negate() : value;
        }
    }

    /**
     * Byte strings already seen → an index, by open addressing: looked up from the bytes of a row without making a
     * string. Holds at most {@value #LIMIT}; what comes after is made a string each time, as before.
     */
    static final class Known {

        private static final int LIMIT = 4_096;
        private byte[][] keys = new byte[64][];
        private int[] values = new int[64];
        private int size;

        int find(byte[] row, int start, int end) {
            int mask = keys.length - 1;
            for (int slot = hash(row, start, end) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
                if (java.util.Arrays.equals(keys[slot], 0, keys[slot].length, row, start, end)) {
                    return values[slot];
                }
            }
            return -1;
        }

        void put(byte[] row, int start, int end, int value) {
            if (size >= LIMIT) {
                return;
            }
            if ((size + 1) * 2 > keys.length) {
                byte[][] oldKeys = keys;
                int[] oldValues = values;
                keys = new byte[oldKeys.length * 2][];
                values = new int[oldKeys.length * 2];
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != null) {
                        insert(oldKeys[i], oldValues[i]);
                    }
                }
            }
            insert(java.util.Arrays.copyOfRange(row, start, end), value);
            size++;
        }

        private void insert(byte[] key, int value) {
            int mask = keys.length - 1;
            int slot = hash(key, 0, key.length) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = value;
        }

        private static int hash(byte[] bytes, int start, int end) {
            int h = 1;
            for (int i = start; i < end; i++) {
                h = 31 * h + bytes[i];
            }
            return h ^ (h >>> 16);
        }
    }
}
