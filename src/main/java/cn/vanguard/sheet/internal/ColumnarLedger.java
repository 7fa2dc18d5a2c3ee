package cn.vanguard.sheet.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

import cn.vanguard.scheme.Entry;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.ItemKind;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.sheet.Dates;

/**
 * A large ledger kept as columns of primitives, grouped by member, handing the engine each member's entries as a list
 * whose {@link Entry} values are made when read. Ten million entries take about 200 MB and leave the garbage collector
 * nothing long-lived to copy, which is what lets a year of 100,000 members be scored from a file in seconds.
 */
public final class ColumnarLedger {

    private final Item[] items;
    private int size;
    private int[] member;
    private int[] item;
    private int[] day;
    private int[] line;
    private BigDecimal[] quantity;
    private BigDecimal[] points;
    private String[] occurrence;

    public ColumnarLedger(Scheme scheme, int capacity) {
        this.items = scheme.items().toArray(Item[]::new);
        int initial = Math.max(16, capacity);
        member = new int[initial];
        item = new int[initial];
        day = new int[initial];
        line = new int[initial];
    }

    /** Adds a checked entry; {@code quantity} null means 1, and points count only for RANGE items. */
    public void add(int memberIndex, int itemIndex, LocalDate date, BigDecimal entryQuantity, BigDecimal entryPoints, String key, int entryLine) {
        if (size == member.length) {
            grow();
        }
        Item entryItem = items[itemIndex];
        member[size] = memberIndex;
        item[size] = itemIndex;
        day[size] = (int) date.toEpochDay();
        line[size] = entryLine;
        if (entryQuantity != null && entryQuantity.compareTo(BigDecimal.ONE) != 0) {
            quantity = set(quantity, entryQuantity);
        }
        if (entryPoints != null && entryItem.kind() == ItemKind.RANGE) {
            points = set(points, entryPoints);
        }
        if (key != null && !key.isBlank()) {
            occurrence = set(occurrence, key);
        }
        size++;
    }

    private <T> T[] set(T[] column, T value) {
        @SuppressWarnings("unchecked")
        T[] target = column != null ? column : (T[]) java.lang.reflect.Array.newInstance(value.getClass(), member.length);
        target[size] = value;
        return target;
    }

    private void grow() {
        int capacity = member.length + (member.length >> 1) + 16;
        member = Arrays.copyOf(member, capacity);
        item = Arrays.copyOf(item, capacity);
        day = Arrays.copyOf(day, capacity);
        line = Arrays.copyOf(line, capacity);
        quantity = quantity == null ? null : Arrays.copyOf(quantity, capacity);
        points = points == null ? null : Arrays.copyOf(points, capacity);
        occurrence = occurrence == null ? null : Arrays.copyOf(occurrence, capacity);
    }

    /** Each member's entries, in file order, as lists that make their entries when read. */
    public List<List<Entry>> byMember(int members) {
        int[] start = new int[members + 1];
        for (int i = 0; i < size; i++) {
            start[member[i] + 1]++;
        }
        for (int m = 0; m < members; m++) {
            start[m + 1] += start[m];
        }
        int[] rows = new int[size];
        int[] next = Arrays.copyOf(start, members);
        for (int i = 0; i < size; i++) {
            rows[next[member[i]]++] = i;
        }
        List<List<Entry>> lists = new ArrayList<>(members);
        for (int m = 0; m < members; m++) {
            lists.add(start[m] == start[m + 1] ? List.of() : new Rows(rows, start[m], start[m + 1]));
        }
        return lists;
    }

    private Entry entry(int row) {
        BigDecimal q = quantity == null || quantity[row] == null ? BigDecimal.ONE : quantity[row];
        return new Entry(items[item[row]], Dates.ofEpochDay(day[row]), q, points == null ? null : points[row],
                occurrence == null ? null : occurrence[row], line[row]);
    }

    /** One member's rows. */
    private final class Rows extends AbstractList<Entry> implements RandomAccess {
        private final int[] rows;
        private final int from;
        private final int to;

        Rows(int[] rows, int from, int to) {
            this.rows = rows;
            this.from = from;
            this.to = to;
        }

        @Override
        public Entry get(int index) {
            return entry(rows[from + index]);
        }

        @Override
        public int size() {
            return to - from;
        }
    }
}
