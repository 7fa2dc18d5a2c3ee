package cn.vanguard.ledger;

import java.time.LocalDate;

/**
 * An entry came into force (已生效): it counts in its member's score from now on; when it reverses another entry
 * ({@code reverses} not null) that original stops counting. Published inside the approving transaction.
 *
 * @param entry the entry as the approval left it (approved, with its decider)
 */
public record EntryApproved(long entryId, long memberId, LocalDate date, Long reverses, LedgerEntry entry) {
}
