package cn.vanguard.ledger.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import cn.vanguard.Conflict;
import cn.vanguard.ledger.ImportJob;
import cn.vanguard.ledger.ImportJob.State;
import cn.vanguard.ledger.ImportProgress;
import cn.vanguard.ledger.ImportResult;

/**
 * Imports run in the background for the web page, on a small bounded pool: one import per unit at a time, at most
 * {@link #THREADS} at once and {@link #WAITING} waiting; beyond that an upload is refused politely. Each job is a row of
 * {@code ledger_import}, written when it is queued, starts and ends, so that a page reloaded later finds it; while it
 * runs its counts live in memory, where the page reads them every second.
 */
@Component
public class ImportJobs {

    static final int THREADS = 2;
    static final int WAITING = 4;
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    private final JdbcClient jdbc;
    private final FileImports imports;
    private final Clock clock;
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private final Map<Long, Long> unitsBusy = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor;

    ImportJobs(JdbcClient jdbc, FileImports imports, Clock clock) {
        this.jdbc = jdbc;
        this.imports = imports;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING), r -> {
            Thread thread = new Thread(r, "ledger-import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.executor.allowCoreThreadTimeOut(true);
    }

    /** The counts of a running job; they only grow. */
    private static final class Live implements ImportProgress {
        volatile State state = State.QUEUED;
        volatile int read;
        volatile int valid;
        volatile int written;

        @Override
        public void read(int rows) {
            state = State.CHECKING;
            read = rows;
        }

        @Override
        public void checked(int goodRows) {
            valid = goodRows;
        }

        @Override
        public void written(int entries) {
            state = State.WRITING;
            written = entries;
        }
    }

    /**
     * Queues the import of {@code file} (which the job deletes when it ends) and returns its id at once; a unit with
     * an import still running, or a full queue, is refused with a {@link Conflict} and the file deleted.
     */
    public long start(FileImports.Request request, FileImports.Importer importer) {
        if (unitsBusy.putIfAbsent(request.unitId(), 0L) != null) {
            delete(request.file());
            throw new Conflict("该组织已有一个台账文件正在导入，请等它完成后再上传（可在“导入台账”页面查看进度）");
        }
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            insert into ledger_import (unit_id, account_id, file_name, file_hash, state, created_at)
                            values (:u, :a, :f, :h, 'QUEUED', :at)""")
                    .param("u", request.unitId()).param("a", importer.accountId()).param("f", cut(request.displayName(), 200))
                    .param("h", request.hash()).param("at", OffsetDateTime.now(clock))
                    .update(key, "id");
        } catch (RuntimeException e) {
            unitsBusy.remove(request.unitId());
            delete(request.file());
            throw e;
        }
        long id = key.getKeyAs(Long.class);
        Live progress = new Live();
        live.put(id, progress);
        unitsBusy.put(request.unitId(), id);
        try {
            executor.execute(() -> run(id, request, importer, progress));
        } catch (RejectedExecutionException e) {
            finish(id, request, progress, null, "系统正在处理其他导入，请稍后再上传");
            throw new Conflict("系统正在处理其他台账文件的导入，请几分钟后再上传");
        }
        return id;
    }

    private void run(long id, FileImports.Request request, FileImports.Importer importer, Live progress) {
        ImportResult result = null;
        String failure = null;
        try {
            jdbc.sql("update ledger_import set state = 'CHECKING' where id = :id").param("id", id).update();
            progress.state = State.CHECKING;
            result = imports.run(request, importer, progress);
        } catch (RuntimeException e) {
            LOG.error("Import {} of {} into unit {} failed", id, request.displayName(), request.unitId(), e);
            failure = "导入时发生系统错误，没有导入任何记录；请稍后重试，或联系系统管理员";
        } finally {
            finish(id, request, progress, result, failure);
        }
    }

    private void finish(long id, FileImports.Request request, Live progress, ImportResult result, String failure) {
        try {
            boolean done = result != null && result.ok();
            String message = failure != null ? failure : result == null ? null : result.refusal() != null ? result.refusal()
                    : done ? "已导入" + result.imported() + "条积分记录，等待审核"
                    : "文件中有" + result.problemCount() + "处需要修改，整个文件都没有导入；请修改后重新上传";
            jdbc.sql("""
                            update ledger_import set state = :s, rows_read = :r, rows_valid = :v, rows_written = :w, problem_count = :n,
                                   problems = :p, message = :m, finished_at = :at where id = :id""")
                    .param("s", (done ? State.DONE : State.FAILED).name())
                    .param("r", result == null ? progress.read : result.rowsRead()).param("v", progress.valid)
                    .param("w", done ? result.imported() : 0)
                    .param("n", result == null ? 0 : result.problemCount())
                    .param("p", result == null ? null : ProblemLines.write(result.problems()))
                    .param("m", message == null ? null : cut(message, 1000))
                    .param("at", OffsetDateTime.now(clock)).param("id", id).update();
        } finally {
            live.remove(id);
            unitsBusy.remove(request.unitId(), id);
            delete(request.file());
        }
    }

    /** A job as stored, with its live counts while it runs here. */
    public Optional<ImportJob> find(long id) {
        return jdbc.sql("select * from ledger_import where id = :id").param("id", id).query((rs, n) -> {
            State state = State.valueOf(rs.getString("state"));
            Live running = live.get(id);
            return new ImportJob(id, rs.getLong("unit_id"), rs.getLong("account_id"), rs.getString("file_name"),
                    running != null && !state.finished() ? running.state : state,
                    running != null ? running.read : rs.getInt("rows_read"), running != null ? running.valid : rs.getInt("rows_valid"),
                    running != null ? running.written : rs.getInt("rows_written"), rs.getInt("problem_count"),
                    ProblemLines.read(rs.getString("problems")), rs.getString("message"),
                    rs.getObject("created_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
        }).optional();
    }

    /** Waits up to {@code millis} for the job to end (a small file is done at once); whether it has. */
    public boolean await(long id, long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (live.containsKey(id)) {
            if (System.nanoTime() > until) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Jobs a stopped application left unfinished: the import wrote everything or nothing in one transaction, so the
     * record of the file tells which.
     */
    @EventListener(ApplicationReadyEvent.class)
    void settleInterrupted(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof WebServerApplicationContext)) {
            return; // the command line, started beside a running server: those jobs may be running there
        }
        int settled = jdbc.sql("""
                        update ledger_import set state = case when exists (select 1 from imported_file f where f.unit_id = ledger_import.unit_id
                                   and f.file_hash = ledger_import.file_hash) then 'DONE' else 'FAILED' end,
                               message = '导入被服务重启打断；如台账中没有这些记录，请重新上传', finished_at = :at
                        where state in ('QUEUED', 'CHECKING', 'WRITING')""")
                .param("at", OffsetDateTime.now(clock)).update();
        if (settled > 0) {
            LOG.info("Settled {} ledger imports interrupted by a restart", settled);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            LOG.warn("Could not delete the uploaded ledger file {}", file, e);
        }
    }

    static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
