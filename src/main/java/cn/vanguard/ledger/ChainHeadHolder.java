package cn.vanguard.ledger;

import java.util.List;

/**
 * A module that keeps chain heads (the cycle's snapshots) lets {@link LedgerChain#verify} check them: every bean of this
 * type is asked for the heads it kept, and each must still be a link of its unit's chain with the same hash.
 */
public interface ChainHeadHolder {

    List<ChainHead> chainHeads();
}
