package cn.vanguard.ledger;

/**
 * The head of a unit's ledger chain: its last link's sequence number and hash (64 hex digits). Seq 0 is the empty chain,
 * whose hash is the unit's genesis hash. A snapshot that keeps a head can later prove that the ledger it was computed
 * from has not changed.
 */
public record ChainHead(long unitId, long seq, String hash) {
}
