package cn.vanguard.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every entry that counts in a cycle, packed as primitives grouped by member (four longs a row: id, day and item,
 * quantity and points, occurrence), handed over a member at a time ({@link #forEach}, making no object of an entry) or
 * made into {@link Ledger.CountingEntry} values for the member asked for ({@link #of}):
 * ten million entries take a few hundred megabytes and no object each, so a rebuild scores members a chunk at a time
 * without the collector copying the whole ledger, and reads each member's rows from one run of memory. Built by
 * {@link Builder}, a row at a time in any order; {@link #of} gives a member's entries by date and id, as
 * {@link Ledger#counting} does.
 */
public final class CycleEntries {

    private static final int WIDTH = 4;
    private static final long NONE = 0xFFFF_FFFFL;

    /** {@code WIDTH} longs a row, members' rows one after the other. */
    private final long[] rows;
    private final List<String> occurrenceTexts;
    private final List<String> codes;
    private final List<BigDecimal> decimals;
    /** Member id → dense index; rows {@code starts[index]} to {@code starts[index + 1]} are the member's. */
    private final MemberIndex members;
    private final int[] starts;
    private final LocalDate[] days;
    private final int firstDay;

    private CycleEntries(List<String> occurrenceTexts, List<String> codes, List<BigDecimal> decimals, MemberIndex members, int[] starts,
                         long[] rows, int firstDay, int lastDay) {
        this.rows = rows;
        this.occurrenceTexts = occurrenceTexts;
        this.codes = codes;
        this.decimals = decimals;
        this.members = members;
        this.starts = starts;
        this.firstDay = firstDay;
        // one LocalDate a day of the cycle, shared by every entry of that day
        this.days = new LocalDate[rows.length == 0 ? 0 : lastDay - firstDay + 1];
        for (int d = 0; d < days.length; d++) {
            days[d] = LocalDate.ofEpochDay(firstDay + d);
        }
    }

    /** The member's counting entries in the cycle, by date and id; empty when they have none. */
    public List<Ledger.CountingEntry> of(long memberId) {
        List<Ledger.CountingEntry> entries = new ArrayList<>(count(memberId));
        forEach(memberId, (id, item, date, quantity, points, occurrence) ->
                entries.add(new Ledger.CountingEntry(id, memberId, codes.get(item), date, quantity, points, occurrence)));
        return entries;
    }

    /** A counting entry as {@link #forEach} hands it over: the item as its index ({@link #code}), the rest as read. */
    @FunctionalInterface
    public interface Visitor {
        void entry(long id, int item, LocalDate date, BigDecimal quantity, BigDecimal points, String occurrence);
    }

    /**
     * Hands the member's counting entries over by date and id, making no object of any (the dates, amounts and codes
     * are shared by every entry that has them); returns how many there were.
     */
    public int forEach(long memberId, Visitor visitor) {
        int m = members.get(memberId);
        if (m < 0) {
            return 0;
        }
        for (int k = starts[m] * WIDTH; k < starts[m + 1] * WIDTH; k += WIDTH) {
            long dayItem = rows[k + 1];
            long amounts = rows[k + 2];
            visitor.entry(rows[k], (int) dayItem, days[(int) (dayItem >>> 32)], decimal(amounts >>> 32), decimal(amounts & NONE),
                    rows[k + 3] < 0 ? null : occurrenceTexts.get((int) rows[k + 3]));
        }
        return starts[m + 1] - starts[m];
    }

    /** How many counting entries the member has in the cycle. */
    public int count(long memberId) {
        int m = members.get(memberId);
        return m < 0 ? 0 : starts[m + 1] - starts[m];
    }

    /** How many distinct item codes the entries have: {@link Visitor}'s item indexes run from 0 to this, exclusive. */
    public int codes() {
        return codes.size();
    }

    /** The item code of an index {@link Visitor} handed over. */
    public String code(int item) {
        return codes.get(item);
    }

    private BigDecimal decimal(long index) {
        return index == NONE ? null : decimals.get((int) index);
    }

    /** How many entries count in the cycle. */
    public int size() {
        return rows.length / WIDTH;
    }

    /**
     * Collects rows as they come from the database, in any order, four longs a row in chunks of {@value #CHUNK} rows
     * (growing never copies what was collected): id; member (this builder's index) and day; item and occurrence;
     * quantity and points (indexes into this builder's distinct values, {@code NONE} for none).
     */
    public static final class Builder {

        private static final int CHUNK_BITS = 16;
        static final int CHUNK = 1 << CHUNK_BITS;

        private long[][] chunks = new long[16][];
        private final MemberIndex index = new MemberIndex();
        private final List<String> occurrenceTexts = new ArrayList<>();
        private final List<String> codes = new ArrayList<>();
        private final Map<String, Integer> codeIndex = new HashMap<>();
        private final List<BigDecimal> decimals = new ArrayList<>();
        private final Map<BigDecimal, Integer> decimalIndex = new HashMap<>();
        private int size;

        public void add(long id, long memberId, String itemCode, LocalDate date, BigDecimal quantity, BigDecimal points,
                        String occurrence) {
            add(id, memberId, itemCode, (int) date.toEpochDay(), quantity, points, occurrence);
        }

        /** The same with the date as days since 1970-01-01 (what a reader of the database's text parses cheaply). */
        public void add(long id, long memberId, String itemCode, int epochDay, BigDecimal quantity, BigDecimal points,
                        String occurrence) {
            add(id, memberId, code(itemCode), epochDay, decimal(quantity), decimal(points), occurrence);
        }

        /**
         * The same with the item and the amounts given as this builder's indexes ({@link #code}, {@link #decimal}), which
         * a reader may keep by the bytes it read them from rather than make a string of each.
         */
        public void add(long id, long memberId, int item, int epochDay, int quantity, int points, String occurrence) {
            int chunk = size >>> CHUNK_BITS;
            if (chunk == chunks.length) {
                if (size >= Integer.MAX_VALUE / WIDTH / 2) {
                    throw new IllegalStateException("more than " + size + " entries count in one cycle");
                }
                chunks = Arrays.copyOf(chunks, chunks.length * 2);
            }
            long[] rows = chunks[chunk];
            if (rows == null) {
                rows = chunks[chunk] = new long[CHUNK * WIDTH];
            }
            int k = (size & (CHUNK - 1)) * WIDTH;
            int occurrenceIndex = -1;
            if (occurrence != null) {
                occurrenceTexts.add(occurrence);
                occurrenceIndex = occurrenceTexts.size() - 1;
            }
            rows[k] = id;
            rows[k + 1] = (long) index.add(memberId) << 32 | (epochDay & NONE);
            rows[k + 2] = (long) item << 32 | (occurrenceIndex & NONE);
            rows[k + 3] = (quantity & NONE) << 32 | (points & NONE);
            size++;
        }

        /** How many rows were added. */
        public int size() {
            return size;
        }

        /** This builder's index of an item code. */
        public int code(String itemCode) {
            return codeIndex.computeIfAbsent(itemCode, c -> {
                codes.add(c);
                return codes.size() - 1;
            });
        }

        /** This builder's index of an amount, one instance of each distinct value (a ledger has a handful: 1, 0.5, 2…); -1 for none. */
        public int decimal(BigDecimal value) {
            if (value == null) {
                return -1;
            }
            return decimalIndex.computeIfAbsent(value, v -> {
                decimals.add(v);
                return decimals.size() - 1;
            });
        }

        /** Row {@code i}'s chunk; its first long is at {@code (i & (CHUNK - 1)) * WIDTH}. */
        private long[] chunk(int i) {
            return chunks[i >>> CHUNK_BITS];
        }

        /**
         * Groups the rows by member (a counting sort that writes each row once, packed, where its member's rows go),
         * each member's by date and id (insertion sort: rows come nearly so).
         */
        public CycleEntries build() {
            return build(List.of(this));
        }

        /**
         * The rows of several builders (each filled on its own thread, e.g. from one of several streams over parts of
         * the table) as one: every member's rows from all of them, by date and id. Each part is scattered into place
         * on its own thread (its rows of a member go after those of the parts before it), then each member's rows are
         * sorted, members split among the cores. The result does not depend on how the rows were split.
         */
        public static CycleEntries build(List<Builder> parts) {
            MemberIndex index = new MemberIndex();
            List<String> codes = new ArrayList<>();
            Map<String, Integer> codeIndex = new HashMap<>();
            List<BigDecimal> decimals = new ArrayList<>();
            Map<BigDecimal, Integer> decimalIndex = new HashMap<>();
            List<String> occurrenceTexts = new ArrayList<>();
            int n = parts.size();
            int[][] memberOf = new int[n][];
            int[][] codeOf = new int[n][];
            int[][] decimalOf = new int[n][];
            int[] occurrenceBase = new int[n];
            long total = 0;
            for (int p = 0; p < n; p++) {
                Builder b = parts.get(p);
                memberOf[p] = new int[b.index.size()];
                for (int m = 0; m < memberOf[p].length; m++) {
                    memberOf[p][m] = index.add(b.index.key(m));
                }
                codeOf[p] = new int[b.codes.size()];
                for (int c = 0; c < codeOf[p].length; c++) {
                    codeOf[p][c] = codeIndex.computeIfAbsent(b.codes.get(c), code -> {
                        codes.add(code);
                        return codes.size() - 1;
                    });
                }
                decimalOf[p] = new int[b.decimals.size()];
                for (int d = 0; d < decimalOf[p].length; d++) {
                    decimalOf[p][d] = decimalIndex.computeIfAbsent(b.decimals.get(d), v -> {
                        decimals.add(v);
                        return decimals.size() - 1;
                    });
                }
                occurrenceBase[p] = occurrenceTexts.size();
                occurrenceTexts.addAll(b.occurrenceTexts);
                total += b.size;
            }
            if (total >= Integer.MAX_VALUE / WIDTH) {
                throw new IllegalStateException("more than " + total + " entries count in one cycle");
            }
            int members = index.size();
            // each part's rows of each member, and the days they span
            int[][] next = new int[n][members];
            int[][] days = new int[n][];
            java.util.stream.IntStream.range(0, n).parallel().forEach(p -> {
                Builder b = parts.get(p);
                int[] counts = next[p];
                int[] member = memberOf[p];
                int low = Integer.MAX_VALUE;
                int high = Integer.MIN_VALUE;
                for (int i = 0; i < b.size; i++) {
                    long memberDay = b.chunk(i)[(i & (CHUNK - 1)) * WIDTH + 1];
                    counts[member[(int) (memberDay >>> 32)]]++;
                    low = Math.min(low, (int) memberDay);
                    high = Math.max(high, (int) memberDay);
                }
                days[p] = new int[] {low, high};
            });
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (int[] bounds : days) {
                first = Math.min(first, bounds[0]);
                last = Math.max(last, bounds[1]);
            }
            // where each part's rows of each member begin: after the member's rows of the parts before it
            int[] starts = new int[members + 1];
            int at = 0;
            for (int m = 0; m < members; m++) {
                starts[m] = at;
                for (int p = 0; p < n; p++) {
                    int count = next[p][m];
                    next[p][m] = at;
                    at += count;
                }
            }
            starts[members] = at;
            long[] rows = new long[(int) total * WIDTH];
            int firstDay = first;
            java.util.stream.IntStream.range(0, n).parallel().forEach(p -> {
                Builder b = parts.get(p);
                int[] slots = next[p];
                int[] member = memberOf[p];
                int[] code = codeOf[p];
                int[] decimal = decimalOf[p];
                long base = occurrenceBase[p];
                for (int i = 0; i < b.size; i++) {
                    long[] chunk = b.chunk(i);
                    int from = (i & (CHUNK - 1)) * WIDTH;
                    long memberDay = chunk[from + 1];
                    long itemOccurrence = chunk[from + 2];
                    long amounts = chunk[from + 3];
                    int occurrence = (int) itemOccurrence;
                    int k = slots[member[(int) (memberDay >>> 32)]]++ * WIDTH;
                    rows[k] = chunk[from];
                    rows[k + 1] = (long) ((int) memberDay - firstDay) << 32 | code[(int) (itemOccurrence >>> 32)];
                    rows[k + 2] = (remap(decimal, (int) (amounts >>> 32)) & NONE) << 32 | (remap(decimal, (int) amounts) & NONE);
                    rows[k + 3] = occurrence < 0 ? -1 : base + occurrence;
                }
            });
            // each member's rows by date and id, members in slices on every core
            int slices = Math.max(1, Math.min(members / 1_000, 64));
            java.util.stream.IntStream.range(0, slices).parallel().forEach(slice -> {
                Sorter sorter = new Sorter(rows);
                for (int m = (int) ((long) members * slice / slices); m < (int) ((long) members * (slice + 1) / slices); m++) {
                    sorter.sort(starts[m], starts[m + 1]);
                }
            });
            for (Builder b : parts) {
                b.chunks = null;
            }
            return new CycleEntries(occurrenceTexts, codes, decimals, index, starts, rows, first, last);
        }

        /**
         * Puts a member's packed rows in order of date and id. Rows read in the table's order mostly are (a ledger grows
         * by the day) and are left as they are after one look; a few out of place are moved by an insertion sort. Rows in
         * several runs (e.g. a month entered late, or the two halves of a year that wrapped) would cost that sort the
         * square of their number: they are first ordered by day (a primitive sort of keys holding the day and the row's
         * place), which leaves it only the rows of one day to order by id.
         */
        private static final class Sorter {

            /** Rows of a member at most this many are left to the insertion sort alone. */
            private static final int SMALL = 16;

            private final long[] rows;
            private final long[] row = new long[WIDTH];
            private long[] keys = new long[64];
            private long[] copy = new long[64 * WIDTH];

            Sorter(long[] rows) {
                this.rows = rows;
            }

            void sort(int from, int to) {
                int k = from + 1;
                while (k < to && !after(rows, k - 1, rows, k * WIDTH)) {
                    k++;
                }
                if (k >= to) {
                    return;
                }
                int n = to - from;
                if (n > SMALL) {
                    byDay(from, n);
                }
                for (k = from + 1; k < to; k++) {
                    if (!after(rows, k - 1, rows, k * WIDTH)) {
                        continue;
                    }
                    System.arraycopy(rows, k * WIDTH, row, 0, WIDTH);
                    int j = k - 1;
                    while (j >= from && after(rows, j, row, 0)) {
                        System.arraycopy(rows, j * WIDTH, rows, (j + 1) * WIDTH, WIDTH);
                        j--;
                    }
                    System.arraycopy(row, 0, rows, (j + 1) * WIDTH, WIDTH);
                }
            }

            /** The rows ordered by day, rows of a day in the order they were in (their day counts from the cycle's first). */
            private void byDay(int from, int n) {
                if (keys.length < n) {
                    keys = new long[n];
                    copy = new long[n * WIDTH];
                }
                for (int i = 0; i < n; i++) {
                    keys[i] = (rows[(from + i) * WIDTH + 1] >>> 32) << 32 | i;
                }
                Arrays.sort(keys, 0, n);
                System.arraycopy(rows, from * WIDTH, copy, 0, n * WIDTH);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(copy, (int) keys[i] * WIDTH, rows, (from + i) * WIDTH, WIDTH);
                }
            }
        }

        private static int remap(int[] decimal, int local) {
            return local < 0 ? -1 : decimal[local];
        }

        /** Whether packed row {@code j} comes after the row at {@code at} of {@code row} (by day, then id). */
        private static boolean after(long[] rows, int j, long[] row, int at) {
            long day = rows[j * WIDTH + 1] >>> 32;
            long other = row[at + 1] >>> 32;
            return day != other ? day > other : rows[j * WIDTH] > row[at];
        }
    }

    /** Member ids → 0, 1, 2… in order of first sight: open addressing on primitives (no boxing for ten million rows). */
    static final class MemberIndex {

        private long[] keys = new long[1 << 12];
        private int[] values = new int[1 << 12];
        private boolean[] used = new boolean[1 << 12];
        private int size;
        /** The member id of each index, in order. */
        private long[] byIndex = new long[1 << 12];

        int size() {
            return size;
        }

        /** The member id given index {@code index}. */
        long key(int index) {
            return byIndex[index];
        }

        private int added(long key) {
            if (size == byIndex.length) {
                byIndex = Arrays.copyOf(byIndex, size * 2);
            }
            byIndex[size] = key;
            return size++;
        }

        /** Ids below this are looked up in {@code direct} (ids are a database sequence: small and dense). */
        private static final long DIRECT = 1 << 22;
        private int[] direct = new int[0];

        /** The member's index, given it the first time. */
        int add(long key) {
            if (key >= 0 && key < DIRECT) {
                if (key >= direct.length) {
                    int old = direct.length;
                    direct = Arrays.copyOf(direct, (int) Math.min(DIRECT, Math.max(key + 1, old * 2L)));
                    Arrays.fill(direct, old, direct.length, -1);
                }
                if (direct[(int) key] < 0) {
                    direct[(int) key] = added(key);
                }
                return direct[(int) key];
            }
            int slot = slot(key);
            if (used[slot]) {
                return values[slot];
            }
            if ((size + 1) * 2 > keys.length) {
                grow();
                slot = slot(key);
            }
            used[slot] = true;
            keys[slot] = key;
            values[slot] = size;
            return added(key);
        }

        /** The member's index, or -1. */
        int get(long key) {
            if (key >= 0 && key < DIRECT) {
                return key < direct.length ? direct[(int) key] : -1;
            }
            int slot = slot(key);
            return used[slot] ? values[slot] : -1;
        }

        private int slot(long key) {
            int mask = keys.length - 1;
            int slot = (int) (mix(key) & mask);
            while (used[slot] && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 32);
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    int slot = slot(oldKeys[i]);
                    used[slot] = true;
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }
    }
}
