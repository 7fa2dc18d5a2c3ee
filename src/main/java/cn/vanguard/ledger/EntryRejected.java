package cn.vanguard.ledger;

import java.time.LocalDate;

/**
 * An entry was rejected (已驳回) at its first check or at approval; it never counts. Published inside that transaction.
 *
 * @param from  where it was rejected: {@link EntryStatus#FIRST_CHECK} (初审驳回) or {@link EntryStatus#PENDING}
 * @param entry the entry as the rejection left it (rejected, with its decider and reason)
 */
public record EntryRejected(long entryId, long memberId, LocalDate date, String reason, EntryStatus from, LedgerEntry entry) {
}
