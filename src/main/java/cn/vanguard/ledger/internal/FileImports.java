package cn.vanguard.ledger.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.audit.Channel;
import cn.vanguard.ledger.ImportProgress;
import cn.vanguard.ledger.ImportResult;
import cn.vanguard.ledger.RowsInvalid.RowProblem;
import cn.vanguard.org.Members;
import cn.vanguard.rules.Schemes;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.sheet.FileProblem;
import cn.vanguard.sheet.LedgerRows;
import cn.vanguard.sheet.Limits;
import cn.vanguard.sheet.Problems;

/**
 * Imports a ledger file into a unit, all or nothing, in two streaming passes over the file: the first checks every row
 * (nothing written, nothing but the current row in memory) and collects the problems; the second, only when there are
 * none, writes every entry in one transaction with {@link EntryWriter}, chains them ({@link ImportLinks}) and records the file and one audit line. A
 * million rows take a few hundred megabytes at no point: the file is read twice rather than held.
 */
@Component
public class FileImports {

    private static final Logger LOG = LoggerFactory.getLogger(FileImports.class);

    /** Who imports: the account the entries are recorded by, the actor of the audit line, and whose scope names people. */
    public record Importer(Long accountId, long recordedBy, AuditLog.Actor actor, CurrentUser viewer) {
    }

    /** What to import. {@code hash} is {@link #sha256} of the file. */
    public record Request(long unitId, Path file, String displayName, String hash, Limits limits) {
    }

    private final Members members;
    private final cn.vanguard.org.UnitPaths unitPaths;
    private final Schemes schemes;
    private final ImportedFiles imported;
    private final AuditLog audit;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FileImports(Members members, cn.vanguard.org.UnitPaths unitPaths, Schemes schemes, ImportedFiles imported, AuditLog audit, DataSource dataSource,
                PlatformTransactionManager transactionManager, Clock clock) {
        this.unitPaths = unitPaths;
        this.members = members;
        this.schemes = schemes;
        this.imported = imported;
        this.audit = audit;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public ImportResult run(Request request, Importer importer, ImportProgress progress) {
        long started = System.nanoTime();
        Optional<String> refusal = imported.refusal(request.unitId(), request.hash(), importer.viewer());
        if (refusal.isPresent()) {
            return ImportResult.refused(refusal.get(), 0);
        }
        RowCheck check = new RowCheck(members.inSubtree(request.unitId()), schemes::effective, unitPaths::of, LocalDate.now(clock));
        Collected problems = new Collected();
        Problems fileProblems = new Problems();
        int read = 0;
        int good = 0;
        try (LedgerRows rows = LedgerRows.open(request.file(), request.displayName(), request.limits(), fileProblems)) {
            while (rows != null && rows.next()) {
                read++;
                if (check.check(rows, problems) != null) {
                    good++;
                }
                if ((read & 1023) == 0) {
                    progress.read(read);
                    progress.checked(good);
                }
            }
        }
        progress.read(read);
        progress.checked(good);
        for (FileProblem problem : fileProblems.all()) {
            problems.add(problem.line(), "文件", problem.chinese());
        }
        if (problems.count == 0 && read == 0) {
            problems.add(0, "文件", "文件中没有数据行");
        }
        if (problems.count > 0) {
            problems.listed.sort(java.util.Comparator.comparingInt(RowProblem::row));
            return new ImportResult(0, read, problems.count, problems.listed, null);
        }
        int rowsRead = read;
        long checked = System.nanoTime();
        try {
            int written = transactions.execute(status -> write(request, importer, check, rowsRead, progress));
            LOG.info("Imported {} entries from {} into unit {}: checked in {} ms, written in {} ms", written, request.displayName(),
                    request.unitId(), (checked - started) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
            return ImportResult.imported(written, rowsRead);
        } catch (Refused e) {
            return ImportResult.refused(e.getMessage(), rowsRead);
        }
    }

    /** The second pass, inside the transaction: every row again, now known good, written. */
    private int write(Request request, Importer importer, RowCheck check, int expected, ImportProgress progress) {
        // to the microsecond, as both databases keep it: the chain reads the import's rows back by this instant
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (!imported.claim(request.unitId(), request.hash(), importer.accountId(), expected, now)) {
            throw new Refused(imported.refusal(request.unitId(), request.hash(), importer.viewer())
                    .orElse("这个文件正在由他人导入到该组织，请稍后查看台账"));
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        int written = 0;
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long afterId = jdbc.sql("select coalesce(max(id), 0) from ledger_entry").query(Long.class).single();
        Set<Long> units = new HashSet<>();
        try (EntryWriter writer = EntryWriter.on(connection, importer.recordedBy(), now);
             LedgerRows rows = LedgerRows.open(request.file(), request.displayName(), request.limits(), new Problems())) {
            RowCheck.Problems changed = (line, column, message) -> {
                throw new Refused("文件在导入过程中被修改（第 " + line + " 行），没有导入任何记录；请重新导入");
            };
            while (rows != null && rows.next()) {
                RowCheck.Good entry = check.check(rows, changed);
                units.add(entry.unitId());
                writer.add(entry);
                if ((++written & 1023) == 0) {
                    progress.written(written);
                    LOG.debug("Import of {} into unit {}: {} entries written", request.displayName(), request.unitId(), written);
                }
            }
            writer.finish();
            ImportLinks.append(jdbc, connection, units, afterId, importer.recordedBy(), now);
        } catch (SQLException e) {
            throw new IllegalStateException("writing the imported entries failed", e);
        }
        progress.written(written);
        if (written != expected || !sha256(request.file()).equals(request.hash())) {
            throw new Refused("文件在导入过程中被修改，没有导入任何记录；请重新导入");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("file", request.displayName());
        after.put("sha256", request.hash());
        after.put("entries", written);
        audit.record(importer.actor().through(Channel.IMPORT), "ENTRIES_IMPORTED", "ledger_entry", null, request.unitId(),
                "导入台账 " + written + " 条（" + request.displayName() + "），待审核", null, after);
        return written;
    }

    /** The file's SHA-256 in hex: with the unit, the key that keeps a file from being imported twice. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole file refused inside the writing transaction, which rolls back. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Every problem counted, the first {@link ImportResult#LISTED} kept. */
    private static final class Collected implements RowCheck.Problems {
        final List<RowProblem> listed = new ArrayList<>();
        int count;

        @Override
        public void add(int line, String column, String message) {
            count++;
            if (listed.size() < ImportResult.LISTED) {
                listed.add(new RowProblem(line, column, message));
            }
        }
    }
}
