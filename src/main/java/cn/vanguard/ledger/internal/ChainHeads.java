package cn.vanguard.ledger.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The head rows of the units' chains. {@link #lock} takes a unit's head FOR UPDATE, so that the links of one unit are
 * appended one transaction after the other and take one order; a unit's first link creates its head row.
 */
final class ChainHeads {

    /** A unit's head as locked: the last link's sequence number and hash. */
    static final class Head {
        final long unitId;
        long seq;
        String hash;

        Head(long unitId, long seq, String hash) {
            this.unitId = unitId;
            this.seq = seq;
            this.hash = hash;
        }
    }

    private ChainHeads() {
    }

    static Head lock(JdbcClient jdbc, long unitId) {
        return read(jdbc, unitId).orElseGet(() -> {
            jdbc.sql("insert into ledger_chain_head (unit_id, seq, hash) values (:u, 0, :h) on conflict do nothing")
                    .param("u", unitId).param("h", ChainForm.genesis(unitId)).update();
            return read(jdbc, unitId).orElseThrow();
        });
    }

    private static java.util.Optional<Head> read(JdbcClient jdbc, long unitId) {
        return jdbc.sql("select seq, hash from ledger_chain_head where unit_id = :u for update").param("u", unitId)
                .query((rs, n) -> new Head(unitId, rs.getLong(1), rs.getString(2))).optional();
    }

    /** Writes the head back once its links are written. */
    static void store(JdbcClient jdbc, Head head) {
        jdbc.sql("update ledger_chain_head set seq = :s, hash = :h where unit_id = :u")
                .param("s", head.seq).param("h", head.hash).param("u", head.unitId).update();
    }
}
