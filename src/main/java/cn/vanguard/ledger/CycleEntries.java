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

    private CycleEntries(Builder b, int[] starts, long[] rows, int firstDay, int lastDay) {
        this.rows = rows;
        this.occurrenceTexts = b.occurrenceTexts;
        this.codes = b.codes;
        this.decimals = b.decimals;
        this.members = b.index;
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
            int[] starts = new int[index.size() + 1];
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                starts[members[i] + 1]++;
                first = Math.min(first, dates[i]);
                last = Math.max(last, dates[i]);
            }
            for (int m = 0; m < index.size(); m++) {
                starts[m + 1] += starts[m];
            }
            int[] next = Arrays.copyOf(starts, starts.length);
            long[] rows = new long[size * WIDTH];
            for (int i = 0; i < size; i++) {
                int k = next[members[i]]++ * WIDTH;
                rows[k] = ids[i];
                rows[k + 1] = (long) (dates[i] - first) << 32 | items[i];
                rows[k + 2] = (quantities[i] & NONE) << 32 | (points[i] & NONE);
                rows[k + 3] = occurrences[i];
            }
            long[] row = new long[WIDTH];
            for (int m = 0; m < index.size(); m++) {
                for (int k = starts[m] + 1; k < starts[m + 1]; k++) {
                    System.arraycopy(rows, k * WIDTH, row, 0, WIDTH);
                    int j = k - 1;
                    while (j >= starts[m] && after(rows, j, row)) {
                        System.arraycopy(rows, j * WIDTH, rows, (j + 1) * WIDTH, WIDTH);
                        j--;
                    }
                    System.arraycopy(row, 0, rows, (j + 1) * WIDTH, WIDTH);
                }
            }
            CycleEntries entries = new CycleEntries(this, starts, rows, first, last);
            ids = null;
            members = null;
            dates = null;
            items = null;
            quantities = null;
            points = null;
            occurrences = null;
            return entries;
        }

        /** Whether packed row {@code j} comes after {@code row} (by day, then id). */
        private static boolean after(long[] rows, int j, long[] row) {
            long day = rows[j * WIDTH + 1] >>> 32;
            long other = row[1] >>> 32;
            return day != other ? day > other : rows[j * WIDTH] > row[0];
        }
    }

    /** Member ids → 0, 1, 2… in order of first sight: open addressing on primitives (no boxing for ten million rows). */
    static final class MemberIndex {

        private long[] keys = new long[1 << 12];
        private int[] values = new int[1 << 12];
        private boolean[] used = new boolean[1 << 12];
        private int size;

        int size() {
            return size;
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
                    direct[(int) key] = size++;
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
            return size++;
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
