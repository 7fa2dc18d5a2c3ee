package cn.vanguard.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.vanguard.ledger.internal.ChainVerifier;

/**
 * Tamper evidence (cycle.md §6): every entry and every decision on it is a link of its unit's hash chain, written with
 * the change. Here a module reads a chain's head to keep (a snapshot), and anyone checks that every row still matches
 * its chain and every kept head is still a link of it. Nothing here checks scope: the caller names the units.
 */
@Service
public class LedgerChain {

    private final JdbcClient jdbc;
    private final ChainVerifier verifier;
    private final ObjectProvider<ChainHeadHolder> holders;

    LedgerChain(JdbcClient jdbc, ChainVerifier verifier, ObjectProvider<ChainHeadHolder> holders) {
        this.jdbc = jdbc;
        this.verifier = verifier;
        this.holders = holders;
    }

    /** The unit's current head; seq 0 with the unit's genesis hash while its chain is empty. */
    public ChainHead head(long unitId) {
        return jdbc.sql("select seq, hash from ledger_chain_head where unit_id = :u").param("u", unitId)
                .query((rs, n) -> new ChainHead(unitId, rs.getLong(1), rs.getString(2))).optional()
                .orElseGet(() -> new ChainHead(unitId, 0, hashAt(unitId, 0).orElseThrow()));
    }

    /**
     * The heads of these units, each held until the caller's transaction ends: no entry or decision of these units is
     * chained meanwhile, so what the caller reads of the ledger in the same transaction is exactly what the heads cover
     * (a snapshot keeps them). Units are taken in id order, as every writer takes them.
     */
    @org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public List<ChainHead> hold(java.util.Collection<Long> unitIds) {
        return unitIds.stream().distinct().sorted().map(u -> cn.vanguard.ledger.internal.ChainLinks.hold(jdbc, u)).toList();
    }

    /** The hash of the unit's link {@code seq} (0: the genesis hash), as stored; empty when the chain is shorter. */
    public Optional<String> hashAt(long unitId, long seq) {
        if (seq == 0) {
            return Optional.of(cn.vanguard.ledger.internal.ChainLinks.genesis(unitId));
        }
        return jdbc.sql("select hash from ledger_chain where unit_id = :u and seq = :s").param("u", unitId).param("s", seq)
                .query(String.class).optional();
    }

    /** Every chain, every entry and every head the {@link ChainHeadHolder}s kept. */
    public ChainCheck verify() {
        return verifier.verify(null, keptHeads());
    }

    /** The chains of the units given, their entries and the heads kept of them. */
    public ChainCheck verify(Collection<Long> units) {
        return verifier.verify(java.util.Set.copyOf(units), keptHeads());
    }

    private List<ChainHead> keptHeads() {
        List<ChainHead> heads = new ArrayList<>();
        holders.orderedStream().forEach(holder -> heads.addAll(holder.chainHeads()));
        return heads;
    }
}
