package cn.vanguard.ledger;

/**
 * A declared entry passed its first check (初审通过) and now waits for approval. Published inside that transaction.
 *
 * @param entry the entry as the check left it (waiting for approval, with its checker)
 */
public record EntryChecked(long entryId, long memberId, LedgerEntry entry) {
}
