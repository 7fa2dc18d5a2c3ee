package cn.vanguard.ledger;

import java.util.Collection;

/**
 * Where a member's ledger stands in a cycle, as far as scoring goes: how many entries count and the sum of their ids.
 * Any approval, approved reversal, restore or bulk load behind the application's back changes it; a result that was
 * computed at another position is stale.
 */
public record LedgerPosition(long entries, long idSum) {

    public static final LedgerPosition EMPTY = new LedgerPosition(0, 0);

    /** The position of the entries a result was computed from (their ids). */
    public static LedgerPosition of(Collection<Long> countingEntryIds) {
        long sum = 0;
        for (long id : countingEntryIds) {
            sum += id;
        }
        return new LedgerPosition(countingEntryIds.size(), sum);
    }
}
