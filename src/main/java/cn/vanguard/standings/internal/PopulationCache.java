package cn.vanguard.standings.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Each population's stored figures as last read or written on this node, parsed ({@link Population}), by the
 * population's stamp they reflect. Parsing a committee's 100,000 members' figures takes seconds.
 *
 * <p>A stamp is a random number that every refresh and rebuild writes into {@code standing_population} under the
 * population's lock, in its transaction: it names one committed state of the population, and a stamp written by a
 * transaction that rolled back is never seen. So a refresh keeps its snapshot under its new stamp at once, before it
 * commits: the next refresh, which gets the lock the moment this one commits, finds the snapshot already there
 * (keeping it after the commit left a moment in which the next one found nothing and parsed the committee again,
 * under the lock, while every approval waited). A snapshot is used only for exactly its stamp, so another node's
 * refresh or a rebuild is never hidden; the last few stamps of a population are kept, so that a reader who read an
 * older committed stamp does not push out a newer snapshot.
 */
@Component
class PopulationCache {

    /** Snapshots kept a population: the newest and a few before it, which share every ranking unit they did not change. */
    private static final int KEPT = 4;

    private record Key(int year, long version) {
    }

    private final Map<Key, Map<Long, Population>> snapshots = new ConcurrentHashMap<>();

    /** The population's rows if this node holds them at exactly this stamp. */
    Optional<Population> at(int year, long version, long stamp) {
        Map<Long, Population> kept = snapshots.get(new Key(year, version));
        if (kept == null) {
            return Optional.empty();
        }
        synchronized (kept) {
            return Optional.ofNullable(kept.get(stamp));
        }
    }

    /** Keeps the population's rows as of a stamp (read outside a refresh, or written by one under its new stamp). */
    void keep(int year, long version, long stamp, Population rows) {
        Map<Long, Population> kept = snapshots.computeIfAbsent(new Key(year, version), k -> new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Population> eldest) {
                return size() > KEPT;
            }
        });
        synchronized (kept) {
            kept.put(stamp, rows);
        }
    }
}
