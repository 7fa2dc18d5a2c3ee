package cn.vanguard.ledger.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.vanguard.security.Accounts;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * The files imported into each unit, one record per (unit, file content): the same file is never imported twice into
 * a unit, by whomever, and the refusal says when and by whom.
 */
@Component
class ImportedFiles {

    private final JdbcClient jdbc;
    private final Guard guard;
    private final Clock clock;
    private final Accounts accounts;

    ImportedFiles(JdbcClient jdbc, Guard guard, Clock clock, Accounts accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.guard = guard;
        this.clock = clock;
    }

    private record Earlier(Long accountId, OffsetDateTime at, int rows) {
    }

    /**
     * Why the file may not be imported into the unit, if it was before: when, how many entries, and by whom — the
     * importer's name only when {@code viewer} is the importer or sees a unit they hold a role in (or are a member of);
     * {@code viewer} null is the system, which sees everything.
     */
    Optional<String> refusal(long unitId, String fileHash, CurrentUser viewer) {
        Optional<Earlier> earlier = jdbc.sql("""
                        select f.account_id, f.imported_at, f.entry_count from imported_file f
                        where f.unit_id = :u and f.file_hash = :h""")
                .param("u", unitId).param("h", fileHash)
                .query((rs, n) -> new Earlier(rs.getObject(1, Long.class), rs.getObject(2, OffsetDateTime.class), rs.getInt(3)))
                .optional()
                .or(() -> beforeOneRecordPerFile(unitId, fileHash));
        return earlier.map(first -> {
            String when = first.at().atZoneSameInstant(clock.getZone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
            String who = first.accountId() == null ? "由系统（命令行）" : known(first.accountId(), viewer)
                    ? Optional.ofNullable(accounts.displayNames(List.of(first.accountId())).get(first.accountId())).map(n -> "由" + n).orElse("")
                    : "";
            return "这个文件已于" + when + who + "导入过（" + first.rows() + "条记录），不会重复导入；如需补录，请只上传新增的行";
        });
    }

    /** Imports made before V5 left one idempotency key a row, {@code import:unit:hash:line}, with the hash's first 32 digits. */
    private Optional<Earlier> beforeOneRecordPerFile(long unitId, String fileHash) {
        return jdbc.sql("""
                        select k.account_id, min(k.created_at), count(*) from idempotency_key k
                        where k.client_key like :k
                        group by k.account_id order by min(k.created_at) limit 1""")
                .param("k", "import:" + unitId + ":" + fileHash.substring(0, 32) + ":%")
                .query((rs, n) -> new Earlier(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getInt(3)))
                .optional();
    }

    private boolean known(long accountId, CurrentUser viewer) {
        if (viewer == null || viewer.accountId() == accountId) {
            return true;
        }
        return accounts.actingUnits(accountId).stream().anyMatch(u -> guard.can(viewer, Permission.VIEW_LEDGER, u));
    }

    /**
     * Records the file as imported, inside the importing transaction; false when another import of the same file into
     * the unit got there first (its transaction committed, or this insert waited for it).
     */
    boolean claim(long unitId, String fileHash, Long accountId, int entries, OffsetDateTime at) {
        try {
            jdbc.sql("insert into imported_file (unit_id, file_hash, account_id, entry_count, imported_at) values (:u, :h, :a, :n, :at)")
                    .param("u", unitId).param("h", fileHash).param("a", accountId).param("n", entries).param("at", at).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
