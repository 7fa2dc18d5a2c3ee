package cn.vanguard.standings.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.vanguard.ledger.LedgerPosition;
import cn.vanguard.ledger.LedgerPositions;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.standings.EngineInputs;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * At start-up, before the web server takes requests (singletons are ready, the server not yet started), finds cycles
 * whose stored standings are stale and rebuilds them. Stale: a stored row reflects another ledger position than the
 * ledger's now (a restore, a bulk load behind the application's back), was scored under a scheme version that no
 * longer applies to the member, or a population has members without a stored row (an upgrade, a load of members).
 */
@Component
class StaleCheck implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(StaleCheck.class);

    private final StandingStore store;
    private final Refresher refresher;
    private final LedgerPositions positions;
    private final Schemes schemes;
    private final EngineInputs inputs;
    private final TransactionTemplate transactions;
    private final boolean enabled;
    private final LockProvider locks;
    private final Clock clock;

    StaleCheck(StandingStore store, Refresher refresher, LedgerPositions positions, Schemes schemes, EngineInputs inputs,
               TransactionTemplate transactions, @Value("${vanguard.standings.check-at-start:true}") boolean enabled,
               LockProvider locks, Clock clock) {
        this.locks = locks;
        this.clock = clock;
        this.store = store;
        this.refresher = refresher;
        this.positions = positions;
        this.schemes = schemes;
        this.inputs = inputs;
        this.transactions = transactions;
        this.enabled = enabled;
    }

    /**
     * Nodes starting together check one after the other (a ShedLock lock): the first rebuilds what is stale, the next
     * finds nothing left to do; none takes requests before the standings are current.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled) {
            return;
        }
        while (true) {
            Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), "standings-start-check", Duration.ofHours(2),
                    Duration.ZERO));
            if (lock.isPresent()) {
                try {
                    checkAll();
                } finally {
                    lock.get().unlock();
                }
                return;
            }
            LOG.info("another node is checking the standings; waiting for it before taking requests");
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for another node's standings check", e);
            }
        }
    }

    private void checkAll() {
        for (int year : schemes.years()) {
            checkYear(year);
        }
        // the current cycle's populations read into memory before the first request: the first approval in a committee of
        // 100,000 would otherwise read and parse every member's figures (seconds) while holding its population's lock
        int current = java.time.LocalDate.now(clock).getYear();
        if (schemes.years().contains(current)) {
            long start = System.nanoTime();
            int members = refresher.warm(current);
            LOG.info("standings of {}: {} members read into memory in {} ms", current, members, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void checkYear(int year) {
        Optional<String> why = stale(year);
        if (why.isPresent()) {
            long start = System.nanoTime();
            Integer members = transactions.execute(status -> refresher.rebuild(year));
            store.tidyAfterRebuild();
            LOG.warn("standings of {} were stale ({}): rebuilt {} members in {} ms", year, why.get(), members,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Why a cycle's stored standings differ from what the ledger, the schemes and the roster say now, if they do. */
    Optional<String> stale(int year) {
        Map<Long, StandingStore.Kept> stored = store.kept(year);
        Map<Long, LedgerPosition> now = positions.of(year);
        for (Map.Entry<Long, StandingStore.Kept> row : stored.entrySet()) {
            StandingStore.Kept s = row.getValue();
            if (!s.position().equals(now.getOrDefault(row.getKey(), LedgerPosition.EMPTY))) {
                return Optional.of("member " + row.getKey() + " at ledger position " + s.position() + ", the ledger at "
                        + now.getOrDefault(row.getKey(), LedgerPosition.EMPTY));
            }
            if (!s.ranked()) {
                return Optional.of("member " + row.getKey() + " has no result");
            }
        }
        int expected = 0;
        for (PublishedScheme scheme : schemes.latest(year)) {
            for (var member : inputs.population(scheme, year)) {
                expected++;
                StandingStore.Kept s = stored.get(member.id());
                if (s == null || s.version() != scheme.id()) {
                    return Optional.of("member " + member.id() + " is not stored under scheme version " + scheme.id());
                }
            }
        }
        return expected == stored.size() ? Optional.empty() : Optional.of(stored.size() + " stored, " + expected + " in populations");
    }
}
