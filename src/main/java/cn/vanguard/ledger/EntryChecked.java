package cn.vanguard.ledger;

/** A declared entry passed its first check (初审通过) and now waits for approval. Published inside that transaction. */
public record EntryChecked(long entryId, long memberId) {
}
