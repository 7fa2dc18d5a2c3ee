package cn.vanguard.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Idempotency keys are kept for 30 days (at least the 7 product.md asks for), then forgotten: a nightly job, which the
 * database lock runs on one node only when several share the database.
 */
@Component
class IdempotencyKeys {

    static final int KEEP_DAYS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "0 30 3 * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "forget-idempotency-keys", lockAtMostFor = "PT10M")
    void forgetOldKeys() {
        int forgotten = forgetBefore(OffsetDateTime.now(clock).minusDays(KEEP_DAYS));
        if (forgotten > 0) {
            LOG.info("Forgot {} idempotency keys older than {} days", forgotten, KEEP_DAYS);
        }
    }

    int forgetBefore(OffsetDateTime cutoff) {
        return jdbc.sql("delete from idempotency_key where created_at < :cutoff").param("cutoff", cutoff).update();
    }
}
