package cn.vanguard.ledger;

import java.time.LocalDate;

/** An entry was rejected (已驳回) at its first check or at approval; it never counts. Published inside that transaction. */
public record EntryRejected(long entryId, long memberId, LocalDate date, String reason) {
}
