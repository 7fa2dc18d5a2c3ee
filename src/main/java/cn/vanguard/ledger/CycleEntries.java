package cn.vanguard.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every entry that counts in a cycle, kept as columns of primitives grouped by member, and made into
 * {@link Ledger.CountingEntry} values only for the member asked for: ten million entries take a few hundred megabytes
 * and no object each, so a rebuild scores members a chunk at a time without the collector copying the whole ledger.
 * Built by {@link Builder}, a row at a time in any order; {@link #of} gives a member's entries by date and id, as
 * {@link Ledger#counting} does.
 */
public final class CycleEntries {

    private final long[] ids;
    private final int[] dates;
    private final int[] items;
    private final int[] quantities;
    private final int[] points;
    private final Map<Integer, String> occurrences;
    private final List<String> codes;
    private final List<BigDecimal> decimals;
    /** Member id → [first, end) in the grouped rows. */
    private final Map<Long, long[]> spans;
    private final int[] order;

    private CycleEntries(Builder b, Map<Long, long[]> spans, int[] order) {
        this.ids = b.ids;
        this.dates = b.dates;
        this.items = b.items;
        this.quantities = b.quantities;
        this.points = b.points;
        this.occurrences = b.occurrences;
        this.codes = b.codes;
        this.decimals = b.decimals;
        this.spans = spans;
        this.order = order;
    }

    /** The member's counting entries in the cycle, by date and id; empty when they have none. */
    public List<Ledger.CountingEntry> of(long memberId) {
        long[] span = spans.get(memberId);
        if (span == null) {
            return List.of();
        }
        List<Ledger.CountingEntry> entries = new ArrayList<>((int) (span[1] - span[0]));
        for (int k = (int) span[0]; k < span[1]; k++) {
            int i = order[k];
            entries.add(new Ledger.CountingEntry(ids[i], memberId, codes.get(items[i]), LocalDate.ofEpochDay(dates[i]),
                    quantities[i] < 0 ? null : decimals.get(quantities[i]), points[i] < 0 ? null : decimals.get(points[i]),
                    occurrences.get(i)));
        }
        return entries;
    }

    /** How many entries count in the cycle. */
    public int size() {
        return order.length;
    }

    /** Collects rows as they come from the database, in any order. */
    public static final class Builder {

        private long[] ids = new long[1 << 16];
        private long[] members = new long[1 << 16];
        private int[] dates = new int[1 << 16];
        private int[] items = new int[1 << 16];
        private int[] quantities = new int[1 << 16];
        private int[] points = new int[1 << 16];
        private final Map<Integer, String> occurrences = new HashMap<>();
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
                int capacity = size * 2;
                ids = Arrays.copyOf(ids, capacity);
                members = Arrays.copyOf(members, capacity);
                dates = Arrays.copyOf(dates, capacity);
                items = Arrays.copyOf(items, capacity);
                quantities = Arrays.copyOf(quantities, capacity);
                this.points = Arrays.copyOf(this.points, capacity);
            }
            ids[size] = id;
            members[size] = memberId;
            dates[size] = epochDay;
            items[size] = codeIndex.computeIfAbsent(itemCode, c -> {
                codes.add(c);
                return codes.size() - 1;
            });
            quantities[size] = decimal(quantity);
            this.points[size] = decimal(points);
            if (occurrence != null) {
                occurrences.put(size, occurrence);
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

        /** Groups the rows by member (counting sort), each member's by date and id. */
        public CycleEntries build() {
            Map<Long, long[]> spans = new HashMap<>();
            for (int i = 0; i < size; i++) {
                long[] span = spans.get(members[i]);
                if (span == null) {
                    spans.put(members[i], new long[] {0, 1});
                } else {
                    span[1]++;
                }
            }
            long next = 0;
            for (long[] span : spans.values()) {
                long count = span[1];
                span[0] = next;
                span[1] = next;
                next += count;
            }
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                long[] span = spans.get(members[i]);
                order[(int) span[1]++] = i;
            }
            Integer[] boxed = new Integer[0];
            for (long[] span : spans.values()) {
                int from = (int) span[0];
                int to = (int) span[1];
                if (to - from > 1) {
                    if (boxed.length < to - from) {
                        boxed = new Integer[to - from];
                    }
                    for (int k = from; k < to; k++) {
                        boxed[k - from] = order[k];
                    }
                    Arrays.sort(boxed, 0, to - from, (a, b) -> dates[a] != dates[b] ? Integer.compare(dates[a], dates[b]) : Long.compare(ids[a], ids[b]));
                    for (int k = from; k < to; k++) {
                        order[k] = boxed[k - from];
                    }
                }
            }
            members = null;
            return new CycleEntries(this, spans, order);
        }
    }
}
