package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * One approved fact on the ledger (积分记录), already checked against the scheme (see {@link Inputs#entry}).
 *
 * @param points     the entry's own points, for RANGE items only; {@code null} otherwise
 * @param occurrence the key that makes entries "the same" for an exclusive group; {@code null}: its own occurrence
 * @param ref        the ledger id or file line; orders entries of one day and names them in explanations
 */
public record Entry(Item item, LocalDate date, BigDecimal quantity, BigDecimal points, String occurrence, long ref) {

    /** Date order, then ledger or file order (scoring.md §3.4 step 1). */
    public static final Comparator<Entry> CHRONOLOGICAL =
            Comparator.comparing(Entry::date).thenComparingLong(Entry::ref);

    public Entry {
        Objects.requireNonNull(item);
        Objects.requireNonNull(date);
        Objects.requireNonNull(quantity);
    }

    /** The points the entry is worth before groups, allowances and caps. */
    public BigDecimal rawPoints() {
        if (item.kind() == ItemKind.RANGE) {
            return points;
        }
        if (item.kind() != ItemKind.PER_UNIT) {
            return BigDecimal.ZERO;
        }
        return quantity.compareTo(BigDecimal.ONE) == 0 ? item.points() : item.points().multiply(quantity);
    }
}
