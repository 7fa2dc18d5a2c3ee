package cn.vanguard.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.Text;
import cn.vanguard.ledger.Upload;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Idempotency keys: every create carries a client key, unique per account, that remembers the request (its hash) and the
 * entry it created, so that the same request again answers the first result and another request with the key is
 * refused. Keys are kept for 30 days (at least the 7 product.md asks for), then forgotten: a nightly job, which the
 * database lock runs on one node only when several share the database.
 */
@Component
public class IdempotencyKeys {

    public static final int KEEP_DAYS = 30;
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

    /**
     * The entry an earlier request with the same key created, if the request is the same; a key reused for another
     * request is refused.
     */
    public Optional<Long> earlier(long accountId, String key, String action, Object request, List<Upload> files) {
        if (key == null || key.isBlank()) {
            throw Invalid.of("idempotencyKey", "缺少提交编号（Idempotency-Key）：每次新的提交都须带一个新的编号（在网页上刷新页面即可）");
        }
        if (key.length() > 100) {
            throw Invalid.of("idempotencyKey", "提交编号过长");
        }
        Text.require("idempotencyKey", "提交编号", key, 100, false);
        record Stored(String hash, Long entryId) {
        }
        Optional<Stored> stored = jdbc.sql("select request_hash, entry_id from idempotency_key where account_id = :a and client_key = :k")
                .param("a", accountId).param("k", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getObject(2, Long.class))).optional();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!stored.get().hash().equals(hash(action, request, files))) {
            throw new Conflict("提交编号“" + key + "”已用于另一条内容不同的记录：新的提交须使用新的编号（在网页上刷新页面即可）");
        }
        return Optional.of(stored.get().entryId());
    }

    public boolean used(long accountId, String key) {
        if (key == null || key.isBlank() || Text.unmatchable(key)) {
            return false;
        }
        return jdbc.sql("select count(*) from idempotency_key where account_id = :a and client_key = :k")
                .param("a", accountId).param("k", key).query(Integer.class).single() > 0;
    }

    public void remember(long accountId, String key, String action, Object request, List<Upload> files, long entryId) {
        try {
            jdbc.sql("insert into idempotency_key (account_id, client_key, request_hash, entry_id, created_at) values (:a, :k, :h, :e, :now)")
                    .param("a", accountId).param("k", key).param("h", hash(action, request, files)).param("e", entryId)
                    .param("now", OffsetDateTime.now(clock)).update();
        } catch (DuplicateKeyException e) {
            // a concurrent request with the same key got there first: this transaction rolls back
            throw new Conflict("提交编号“" + key + "”正在处理中，请勿重复提交");
        }
    }

    private static String hash(String action, Object request, List<Upload> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(action.getBytes(StandardCharsets.UTF_8));
            digest.update(String.valueOf(request).getBytes(StandardCharsets.UTF_8));
            for (Upload file : files) {
                digest.update(file.filename().getBytes(StandardCharsets.UTF_8));
                digest.update(file.data());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int forgetBefore(OffsetDateTime cutoff) {
        return jdbc.sql("delete from idempotency_key where created_at < :cutoff").param("cutoff", cutoff).update();
    }
}
