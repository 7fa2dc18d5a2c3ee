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
 * quantity and points, occurrence), and made into {@link Ledger.CountingEntry} values only for the member asked for:
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
        int m = members.get(memberId);
        if (m < 0) {
            return List.of();
        }
        List<Ledger.CountingEntry> entries = new ArrayList<>(starts[m + 1] - starts[m]);
        for (int k = starts[m] * WIDTH; k < starts[m + 1] * WIDTH; k += WIDTH) {
            long dayItem = rows[k + 1];
            long amounts = rows[k + 2];
            entries.add(new Ledger.CountingEntry(rows[k], memberId, codes.get((int) dayItem), days[(int) (dayItem >>> 32)],
                    decimal(amounts >>> 32), decimal(amounts & NONE), rows[k + 3] < 0 ? null : occurrenceTexts.get((int) rows[k + 3])));
        }
        return entries;
    }

    private BigDecimal decimal(long index) {
        return index == NONE ? null : decimals.get((int) index);
    }

    /** How many entries count in the cycle. */
    public int size() {
        return rows.length / WIDTH;
    }

    /** Collects rows as they come from the database, in any order. */
    public static final class Builder {

        private long[] ids = new long[1 << 16];
        private int[] members = new int[1 << 16];
        private final MemberIndex index = new MemberIndex();
        private int[] dates = new int[1 << 16];
        private int[] items = new int[1 << 16];
        private int[] quantities = new int[1 << 16];
        private int[] points = new int[1 << 16];
        private int[] occurrences = new int[1 << 16];
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
            if (size == ids.length) {
                if (size >= Integer.MAX_VALUE / WIDTH / 2) {
                    throw new IllegalStateException("more than " + size + " entries count in one cycle");
                }
                int capacity = size * 2;
                ids = Arrays.copyOf(ids, capacity);
                members = Arrays.copyOf(members, capacity);
                dates = Arrays.copyOf(dates, capacity);
                items = Arrays.copyOf(items, capacity);
                quantities = Arrays.copyOf(quantities, capacity);
                this.points = Arrays.copyOf(this.points, capacity);
                occurrences = Arrays.copyOf(occurrences, capacity);
            }
            ids[size] = id;
            members[size] = index.add(memberId);
            dates[size] = epochDay;
            items[size] = codeIndex.computeIfAbsent(itemCode, c -> {
                codes.add(c);
                return codes.size() - 1;
            });
            quantities[size] = decimal(quantity);
            this.points[size] = decimal(points);
            if (occurrence != null) {
                occurrenceTexts.add(occurrence);
                occurrences[size] = occurrenceTexts.size() - 1;
            } else {
                occurrences[size] = -1;
            }
            size++;
        }

        /** How many rows were added. */
        public int size() {
            return size;
        }

        /** One instance of each distinct value (a ledger has a handful: 1, 0.5, 2…); -1 for none. */
        private int decimal(BigDecimal value) {
            if (value == null) {
                return -1;
            }
            return decimalIndex.computeIfAbsent(value, v -> {
                decimals.add(v);
                return decimals.size() - 1;
            });
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
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
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
            // where each part's rows of each member begin: after the member's rows of the parts before it
            int[][] next = new int[n][members];
            int[][] days = new int[n][];
            java.util.stream.IntStream.range(0, n).parallel().forEach(p -> {
                Builder b = parts.get(p);
                int[] counts = next[p];
                int[] member = memberOf[p];
                int low = Integer.MAX_VALUE;
                int high = Integer.MIN_VALUE;
                for (int i = 0; i < b.size; i++) {
                    counts[member[b.members[i]]]++;
                    low = Math.min(low, b.dates[i]);
                    high = Math.max(high, b.dates[i]);
                }
                days[p] = new int[] {low, high};
            });
            for (int[] bounds : days) {
                first = Math.min(first, bounds[0]);
                last = Math.max(last, bounds[1]);
            }
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
                int base = occurrenceBase[p];
                for (int i = 0; i < b.size; i++) {
                    int k = slots[member[b.members[i]]]++ * WIDTH;
                    rows[k] = b.ids[i];
                    rows[k + 1] = (long) (b.dates[i] - firstDay) << 32 | code[b.items[i]];
                    rows[k + 2] = (remap(decimal, b.quantities[i]) & NONE) << 32 | (remap(decimal, b.points[i]) & NONE);
                    rows[k + 3] = b.occurrences[i] < 0 ? -1 : base + b.occurrences[i];
                }
            });
            // each member's rows by date and id, members in slices on every core
            int slices = Math.max(1, Math.min(members / 1_000, 64));
            java.util.stream.IntStream.range(0, slices).parallel().forEach(slice -> {
                long[] row = new long[WIDTH];
                for (int m = (int) ((long) members * slice / slices); m < (int) ((long) members * (slice + 1) / slices); m++) {
                    for (int k = starts[m] + 1; k < starts[m + 1]; k++) {
                        if (!after(rows, k - 1, rows, k * WIDTH)) {
                            continue;
                        }
                        System.arraycopy(rows, k * WIDTH, row, 0, WIDTH);
                        int j = k - 1;
                        while (j >= starts[m] && after(rows, j, row, 0)) {
                            System.arraycopy(rows, j * WIDTH, rows, (j + 1) * WIDTH, WIDTH);
                            j--;
                        }
                        System.arraycopy(row, 0, rows, (j + 1) * WIDTH, WIDTH);
                    }
                }
            });
            for (Builder b : parts) {
                b.ids = null;
                b.members = null;
                b.dates = null;
                b.items = null;
                b.quantities = null;
                b.points = null;
                b.occurrences = null;
            }
            return new CycleEntries(occurrenceTexts, codes, decimals, index, starts, rows, first, last);
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
