package cn.vanguard.faults;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;

import cn.vanguard.testing.Fixtures;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application killed with SIGKILL in the middle of work, then started again on the same database: a ledger import
 * (one transaction of a thousand entries, sent through the import page) and a burst of entries recorded and approved
 * through the API by four clients at once. Nothing half-done may remain — no part of an import, no entry approved
 * without its audit line or with it but not approved, no idempotency key without its entry — and nothing may be done
 * twice when the clients send their requests again. Where the database keeps every commit (PostgreSQL), a retried
 * request with the same {@code Idempotency-Key} answers exactly what its first attempt answered.
 * <p>
 * Both tests share one application: the first starts it (with its data), kills it and starts it again; the second
 * kills that one and starts a third. Each test starts what it needs if the one before it failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CrashMidWayContract {

    static final int IMPORT_ROWS = 20_000;
    /** The import is killed once it has said this many times that it wrote 1,024 more entries (inside its open transaction). */
    static final int IMPORT_ROWS_BEFORE_KILL = 2;
    static final int BURST = 160;
    static final int CLIENTS = 4;
    /** The burst is killed once this many approvals were answered. */
    static final int APPROVALS_BEFORE_KILL = 15;
    static final Duration WORK_TIMEOUT = Duration.ofSeconds(90);
    /** Every statement the application runs is logged at this level, so that the test sees the import writing. */
    private static final String STATEMENT_LOG = "--logging.level.cn.vanguard.ledger.internal.FileImports=DEBUG";
    private static final String ENTRY_INSERT = " entries written";

    Path dir;
    ChildApplication application;
    Properties seed;
    private int starts;

    /** Makes a new, empty database for this test, once. */
    void createDatabase(Path dir) {
    }

    /** The arguments that put the application on this test's database. */
    abstract List<String> databaseArguments(Path dir);

    /** A connection to the application's database, for the test's own counting; only while the application runs. */
    abstract Connection connect() throws SQLException;

    /** Whether a transaction the database committed survives the application's process being killed. */
    abstract boolean keepsEveryCommit();

    void dropDatabase() {
    }

    @BeforeAll
    void startWithData() throws IOException {
        // under target/, so that the logs of a failed run stay for a look
        dir = Path.of("target", "faults", getClass().getSimpleName()).toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        createDatabase(dir);
        Path seedFile = dir.resolve("seed.properties");
        application = start(SeededApplication.class, Map.of(SeededApplication.SEED_FILE, seedFile.toString()));
        long deadline = System.nanoTime() + WORK_TIMEOUT.toNanos();
        while (!Files.exists(seedFile) && System.nanoTime() < deadline && application.alive()) {
            ChildApplication.pause(Duration.ofMillis(200));
        }
        assertThat(seedFile).as("the seed file, written by the application once its test data exist\n%s", application.logTail()).exists();
        seed = new Properties();
        try (InputStream in = Files.newInputStream(seedFile)) {
            seed.load(in);
        }
    }

    @AfterAll
    void cleanUp() throws IOException {
        try {
            if (application != null) {
                application.close();
            }
        } finally {
            dropDatabase();
        }
    }

    // ------------------------------------------------------------------ the import

    @Test
    @Order(1)
    void aLedgerImportKilledMidWayLeavesNoRowOfItAndIsImportedWhollyAndOnceWhenSentAgain() throws Exception {
        ensureRunning();
        byte[] file = importFile();
        String branch = seed.getProperty("branchId");
        Client browser = new Client(application.base());
        browser.signIn(seed.getProperty("scorer"), Fixtures.PASSWORD);
        String csrf = browser.csrf("/entries/import");
        AtomicInteger written = application.watch(ENTRY_INSERT);
        CompletableFuture<HttpResponse<String>> answer = browser.uploadAsync("/entries/import", csrf,
                List.<String[]>of(new String[] {"unitId", branch}), "file", "台账.csv", file);

        // the upload is answered with the job's page after two seconds, while the job goes on writing
        awaitAtLeast(written, IMPORT_ROWS_BEFORE_KILL, null, "batches of entries written by the import");
        application.kill();
        HttpResponse<String> early = answer.isDone() && !answer.isCompletedExceptionally() ? answer.join() : null;
        assertThat(early == null || !early.headers().firstValue("Location").orElse("").contains("/entries?status=PENDING"))
                .as("the import is killed before its transaction ends").isTrue();

        restart();
        assertThat(importCounts()).as("after the crash: not one entry, record or audit line of the import").containsOnly(0L);
        try (Connection db = connect()) {
            // H2 may lose the job's row with the last second before the kill; what is there is settled as not imported
            assertThat(count(db, "select count(*) from ledger_import where state <> 'FAILED' or message not like '%服务重启%'"))
                    .as("the interrupted job is settled as not imported").isZero();
        }

        Client again = new Client(application.base());
        again.signIn(seed.getProperty("scorer"), Fixtures.PASSWORD);
        HttpResponse<String> imported = again.uploadAsync("/entries/import", again.csrf("/entries/import"),
                List.<String[]>of(new String[] {"unitId", branch}), "file", "台账.csv", file).get(WORK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);
        assertThat(imported.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).containsAnyOf("/entries?status=PENDING",
                "/entries/import/jobs/"));
        long until = System.nanoTime() + WORK_TIMEOUT.toNanos();
        while (System.nanoTime() < until && !finished()) {
            Thread.sleep(200);
        }
        Thread.sleep(200); // the job lets go of the unit just after it has written its outcome
        assertThat(importCounts()).as("sent again, the file is imported in full").containsExactly((long) IMPORT_ROWS, 1L, 0L, 1L);

        HttpResponse<String> twice = again.uploadAsync("/entries/import", again.csrf("/entries/import"),
                List.<String[]>of(new String[] {"unitId", branch}), "file", "台账.csv", file).get(WORK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(twice.body()).contains("导入过（" + IMPORT_ROWS + "条记录），不会重复导入");
        assertThat(importCounts()).as("and once only").containsExactly((long) IMPORT_ROWS, 1L, 0L, 1L);
    }

    private boolean finished() throws SQLException {
        try (Connection db = connect()) {
            return count(db, "select count(*) from ledger_import where state = 'DONE'") > 0;
        }
    }

    /** Entries imported, records of imported files, audit lines of single entries, and audit lines of whole imports. */
    private List<Long> importCounts() throws SQLException {
        try (Connection db = connect()) {
            return List.of(count(db, "select count(*) from ledger_entry where source = 'IMPORT'"),
                    count(db, "select count(*) from imported_file"),
                    count(db, "select count(*) from audit_log where action = 'ENTRY_IMPORT'"),
                    count(db, "select count(*) from audit_log where action = 'ENTRIES_IMPORTED'"));
        }
    }

    private byte[] importFile() {
        String[] codes = seed.getProperty("memberCodes").split(",");
        StringBuilder csv = new StringBuilder("成员编号,项目编码,日期,数量,分值,事项编号,备注\r\n");
        for (int i = 0; i < IMPORT_ROWS; i++) {
            csv.append(codes[i % codes.length]).append(",ACT_MEETING,").append(seed.getProperty("today")).append(",1,,,导入第")
                    .append(i + 1).append("行\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ the approvals

    @Test
    @Order(2)
    void approvalsKilledMidBurstAreEachWholeAndRetriesAnswerTheFirstResultWithoutDoingAnythingTwice() throws Exception {
        ensureRunning();
        String run = Long.toString(System.nanoTime(), 36);
        String[] members = seed.getProperty("memberIds").split(",");
        List<BurstAttempt> attempts = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            attempts.add(new BurstAttempt("burst-" + run + "-" + i, members[i % members.length], seed.getProperty("today")));
        }
        Client api = new Client(application.base());
        AtomicInteger approvalsAnswered = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        List<String> surprises = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int first = c;
                running.add(CompletableFuture.runAsync(() -> {
                    for (int i = first; i < BURST && !killed.get(); i += CLIENTS) {
                        if (!attempts.get(i).recordAndApprove(api, seed, approvalsAnswered, surprises)) {
                            return;
                        }
                    }
                }, clients));
            }
            awaitAtLeast(approvalsAnswered, APPROVALS_BEFORE_KILL, CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)),
                    "approvals answered " + surprises);
            killed.set(true);
            application.kill();
            clients.shutdown();
            assertThat(clients.awaitTermination(Client.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("every client gave up").isTrue();
        } finally {
            clients.shutdownNow();
        }
        assertThat(surprises).as("answers before the crash").isEmpty();
        List<BurstAttempt> sent = attempts.stream().filter(a -> a.recordSent).toList();
        assertThat(sent.stream().filter(BurstAttempt::approvalAnswered)).hasSizeGreaterThanOrEqualTo(APPROVALS_BEFORE_KILL);
        assertThat(sent).as("the burst was cut short").hasSizeLessThan(BURST);

        restart();
        Map<String, StoredEntry> afterCrash = stored(run);
        assertWhole(afterCrash);
        assertThat(sent.stream().map(a -> a.key)).as("nothing recorded that was not sent").containsAll(afterCrash.keySet());
        int lost = 0;
        for (BurstAttempt attempt : sent) {
            StoredEntry stored = afterCrash.get(attempt.key);
            boolean answered = attempt.recordedId != null;
            boolean approvedAnswered = attempt.approvalAnswered();
            if ((answered && (stored == null || stored.id() != attempt.recordedId)) || (approvedAnswered && !stored.approved())) {
                lost++;
            }
        }
        if (keepsEveryCommit()) {
            assertThat(lost).as("answered requests whose result the crash lost").isZero();
        } else {
            System.out.printf("%s: the crash lost %d answered results of %d requests sent (committed in the last moments)%n",
                    getClass().getSimpleName(), lost, sent.size());
        }

        Client retry = new Client(application.base());
        for (BurstAttempt attempt : sent) {
            StoredEntry before = afterCrash.get(attempt.key);
            HttpResponse<String> again = retry.post("/api/v1/entries", seed.getProperty("scorerToken"), attempt.key, attempt.body());
            JsonNode entry = Client.json(again);
            if (before == null) {
                assertThat(again.statusCode()).as("%s was not stored: recorded now\n%s", attempt.key, again.body()).isEqualTo(201);
            } else {
                assertThat(again.statusCode()).as("%s replays\n%s", attempt.key, again.body()).isEqualTo(200);
                assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
                assertThat(entry.get("id").asLong()).as("%s: the entry first created", attempt.key).isEqualTo(before.id());
                assertThat(entry.get("status").asString()).as("%s: as it is", attempt.key).isEqualTo(before.status());
                if (keepsEveryCommit() && attempt.recordedId != null) {
                    assertThat(entry.get("id").asLong()).as("%s: the id first answered", attempt.key).isEqualTo(attempt.recordedId);
                }
                if (keepsEveryCommit() && attempt.approvalAnswered()) {
                    assertThat(entry.get("status").asString()).as("%s: approved, as first answered", attempt.key).isEqualTo("APPROVED");
                }
            }
            long id = entry.get("id").asLong();
            int version = entry.get("version").asInt();
            if ("APPROVED".equals(entry.get("status").asString())) {
                HttpResponse<String> twice = retry.post("/api/v1/entries/" + id + "/approve", seed.getProperty("secretaryToken"), null,
                        "{\"version\":0}");
                assertThat(twice.statusCode()).as("%s: approving again is refused\n%s", attempt.key, twice.body()).isEqualTo(409);
            } else {
                HttpResponse<String> approved = retry.post("/api/v1/entries/" + id + "/approve", seed.getProperty("secretaryToken"), null,
                        "{\"version\":" + version + "}");
                assertThat(approved.statusCode()).as("%s: approved now\n%s", attempt.key, approved.body()).isEqualTo(200);
            }
        }

        Map<String, StoredEntry> end = stored(run);
        assertWhole(end);
        assertThat(end.keySet()).as("one entry for every request sent").containsExactlyInAnyOrderElementsOf(sent.stream().map(a -> a.key).toList());
        assertThat(end.values()).as("every one approved, once").allSatisfy(s -> assertThat(s.approved()).isTrue());
        for (StoredEntry s : afterCrash.values()) {
            assertThat(end.get(s.key()).id()).as("%s kept its entry", s.key()).isEqualTo(s.id());
        }
    }

    private Map<String, StoredEntry> stored(String run) throws SQLException {
        try (Connection db = connect()) {
            return StoredEntry.read(db, "burst-" + run + "-");
        }
    }

    /** Each entry whole: recorded with its audit line and its key, approved with its own line and decision, or not at all. */
    private void assertWhole(Map<String, StoredEntry> stored) {
        long secretary = Long.parseLong(seed.getProperty("secretaryId"));
        assertThat(stored.values()).allSatisfy(s -> {
            assertThat(s.recordedLines()).as("%s: audit lines of its recording", s.key()).isEqualTo(1);
            assertThat(s.keys()).as("%s: its idempotency key", s.key()).isEqualTo(1);
            assertThat(s.keyEntry()).as("%s: the key points at it", s.key()).isEqualTo(s.id());
            assertThat(s.status()).as(s.key()).isIn("PENDING", "APPROVED");
            assertThat(s.approvedLines()).as("%s (%s): audit lines of its approval", s.key(), s.status()).isEqualTo(s.approved() ? 1 : 0);
            assertThat(s.decidedBy()).as("%s (%s): decided by", s.key(), s.status()).isEqualTo(s.approved() ? secretary : null);
            assertThat(s.version()).as("%s (%s): version", s.key(), s.status()).isEqualTo(s.approved() ? 1 : 0);
        });
    }

    // ------------------------------------------------------------------ the application

    private ChildApplication start(Class<?> main, Map<String, String> properties) {
        starts++;
        List<String> arguments = new ArrayList<>(databaseArguments(dir));
        arguments.addAll(List.of("--vanguard.key-file=" + dir.resolve("id-card.key"), "--logging.level.root=WARN"));
        if (starts == 1) {
            // only the first application's import is watched; logging every statement slows the others down
            arguments.add(STATEMENT_LOG);
        }
        return ChildApplication.start(main, arguments, properties, dir.resolve("application-" + starts + ".log"));
    }

    /** The application again, on the same database, as an administrator starts it after a crash. */
    void restart() {
        assertThat(application.alive()).isFalse();
        application = start(cn.vanguard.VanguardApplication.class, Map.of());
    }

    private void ensureRunning() {
        if (application == null || !application.alive()) {
            application = start(cn.vanguard.VanguardApplication.class, Map.of());
        }
    }

    /** Waits until the counter reaches {@code at least}; fails if {@code unless} completes first or the time is up. */
    private void awaitAtLeast(AtomicInteger counter, int atLeast, CompletableFuture<?> unless, String what) {
        long deadline = System.nanoTime() + WORK_TIMEOUT.toNanos();
        while (counter.get() < atLeast) {
            if (unless != null && unless.isDone()) {
                throw new AssertionError("answered after only " + counter.get() + " " + what + ": " + unless.join());
            }
            if (System.nanoTime() > deadline || !application.alive()) {
                throw new AssertionError("only " + counter.get() + " " + what + " within " + WORK_TIMEOUT.toSeconds() + " s\n"
                        + application.logTail());
            }
            ChildApplication.pause(Duration.ofMillis(5));
        }
    }

    static long count(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
