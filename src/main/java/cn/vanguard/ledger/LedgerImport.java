package cn.vanguard.ledger;

import java.nio.file.Path;

import org.springframework.stereotype.Service;

import cn.vanguard.NotFound;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.org.Units;
import cn.vanguard.ledger.internal.FileImports;
import cn.vanguard.ledger.internal.ImportJobs;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;
import cn.vanguard.sheet.Limits;

/**
 * Imports of ledger files (formats.md entries.csv, or the same columns in .xlsx) into a unit: all rows or none, each
 * entry 待审核, the same file never twice into a unit. The web page runs them as background jobs it follows; the command
 * line runs them at once as the system.
 */
@Service
public class LedgerImport {

    /**
     * What a ledger file uploaded to the web page may hold: 128 MB and two million rows (a million rows of CSV take
     * about 60 MB); a row, a cell and a workbook as any upload.
     */
    public static final Limits WEB = new Limits(128L << 20, 2_000_000, 256, 2_000, 1L << 30, 0.01, 1_000, 255, 1_000_000);

    private final FileImports imports;
    private final ImportJobs jobs;
    private final Guard guard;
    private final Accounts accounts;
    private final Units units;

    LedgerImport(FileImports imports, ImportJobs jobs, Guard guard, Accounts accounts, Units units) {
        this.units = units;
        this.imports = imports;
        this.jobs = jobs;
        this.guard = guard;
        this.accounts = accounts;
    }

    /**
     * Starts importing a file the current user uploaded into a unit they record entries for, and returns the job's id
     * at once. The job deletes the file when it ends. A unit with an import running is refused ({@link cn.vanguard.Conflict}).
     */
    public long start(long unitId, Path file, String fileName) {
        guard.require(Permission.RECORD_ENTRIES, unitId);
        units.get(unitId);
        CurrentUser user = guard.current();
        return jobs.start(new FileImports.Request(unitId, file, fileName, FileImports.sha256(file), WEB),
                new FileImports.Importer(user.accountId(), user.accountId(), user.actor(), user));
    }

    /** Waits up to {@code millis} for a job to end; whether it has. */
    public boolean await(long jobId, long millis) {
        return jobs.await(jobId, millis);
    }

    /** A job, to the account that started it and to those who see the ledger of its unit. */
    public ImportJob job(long id) {
        ImportJob job = jobs.find(id).orElseThrow(() -> new NotFound("导入任务不存在"));
        if (job.accountId() != guard.current().accountId() && !guard.can(Permission.VIEW_LEDGER, job.unitId())) {
            throw Guard.denied();
        }
        return job;
    }

    /** Imports a file into a unit at once, as the current user (who records entries there). */
    public ImportResult importFile(long unitId, Path file, String fileName) {
        guard.require(Permission.RECORD_ENTRIES, unitId);
        CurrentUser user = guard.current();
        return imports.run(new FileImports.Request(unitId, file, fileName, FileImports.sha256(file), WEB),
                new FileImports.Importer(user.accountId(), user.accountId(), user.actor(), user), ImportProgress.NONE);
    }

    /**
     * The command line: imports a file into a unit at once as the system, held to the command line's limits. The audit
     * line names the system; the ledger, which names an account as the recorder of every entry, names the first system
     * administrator.
     */
    public ImportResult importAsSystem(long unitId, Path file, ImportProgress progress) {
        long recordedBy = accounts.firstSystemAdministrator()
                .orElseThrow(() -> new IllegalStateException("no system administrator: start the application once to create one"));
        return imports.run(new FileImports.Request(unitId, file, String.valueOf(file.getFileName()), FileImports.sha256(file), Limits.COMMAND_LINE),
                new FileImports.Importer(null, recordedBy, AuditLog.Actor.SYSTEM, null), progress);
    }
}
