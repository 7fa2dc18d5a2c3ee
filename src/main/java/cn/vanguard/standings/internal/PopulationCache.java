package cn.vanguard.standings.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each population's stored figures as last read or written on this node, parsed ({@link Population}), with the
 * population's stamp they reflect. Parsing a population's figures took ~450 ms at 10,000 members, the bulk of a refresh. An entry is a
 * snapshot never changed after it is kept; it is used only while the stamp in the database is still its stamp (raised
 * by every refresh on any node, under the population's lock), and a refresh keeps its new snapshot only once its
 * transaction committed, so a rollback or another node's refresh is never hidden.
 */
@Component
class PopulationCache {

    /** One population at one stamp. */
    record Snapshot(long stamp, Population rows) {
    }

    private record Key(int year, long version) {
    }

    private final Map<Key, Snapshot> snapshots = new ConcurrentHashMap<>();

    /** The population's rows if this node holds them at exactly this stamp. */
    Optional<Population> at(int year, long version, long stamp) {
        Snapshot s = snapshots.get(new Key(year, version));
        return s != null && s.stamp() == stamp ? Optional.of(s.rows()) : Optional.empty();
    }

    /** Keeps rows read outside any refresh (they reflect the stamp read before them, under no lock: a later check decides). */
    void keep(int year, long version, long stamp, Population rows) {
        snapshots.merge(new Key(year, version), new Snapshot(stamp, rows), (old, now) -> now.stamp() >= old.stamp() ? now : old);
    }

    /** Keeps a refresh's rows once (and only if) its transaction commits. */
    void keepAfterCommit(int year, long version, long stamp, Population rows) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                keep(year, version, stamp, rows);
            }
        });
    }

    /** Forgets every population (tests that edit the tables behind the application's back). */
    void clear() {
        snapshots.clear();
    }
}
