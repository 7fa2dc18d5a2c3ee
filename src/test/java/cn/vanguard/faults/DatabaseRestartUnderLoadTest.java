package cn.vanguard.faults;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.util.FileSystemUtils;

import cn.vanguard.testing.Fixtures;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PostgreSQL crashes and comes back while clients keep using the application: while it is down every request is
 * answered 503 in Chinese — a page for the browser, Problem Details for the API, never a stack trace or an English
 * 500 — within seconds rather than after Hikari's default 30 s; once it is back the same application (not restarted)
 * serves again, the browser is still signed in, and entries whose recording was refused are recorded once when sent
 * again with the same key. The database is a throwaway cluster of this test's own ({@link ThrowawayPostgres}): the
 * shared server keeps serving the other tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseRestartUnderLoadTest {

    static final int CLIENTS = 4;
    /** Bounds every wait of the test; the phases take seconds. */
    static final Duration PHASE_TIMEOUT = Duration.ofSeconds(90);
    /** Hikari's default connection timeout: an outage answered only after it means requests hang. */
    static final Duration HANGING = Duration.ofSeconds(30);

    enum Kind { API_READ, API_WRITE, PAGE, SIGN_IN_PAGE }

    enum Phase { BEFORE, DOWN, BACK }

    /** One request and its answer (status 0: no answer at all). */
    record Outcome(Kind kind, Phase sent, int status, String contentType, String retryAfter, String body, long millis, String key) {
        /** For the record of the run in target/faults. */
        String line() {
            String text = body.replaceAll("\\s+", " ");
            return kind + " sent " + sent + ": " + status + " in " + millis + " ms, " + contentType + ", " + text.substring(0, Math.min(200, text.length()));
        }
    }

    private Path dir;
    private ThrowawayPostgres postgres;
    private ChildApplication application;
    private Properties seed;

    @BeforeAll
    void start() throws IOException {
        assumeTrue(ThrowawayPostgres.unavailable().isEmpty(), () -> ThrowawayPostgres.unavailable().orElse(""));
        dir = Path.of("target", "faults", getClass().getSimpleName()).toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        postgres = ThrowawayPostgres.create();
        Path seedFile = dir.resolve("seed.properties");
        application = ChildApplication.start(SeededApplication.class,
                List.of("--spring.datasource.url=" + postgres.url(), "--spring.datasource.username=", "--spring.datasource.password=",
                        "--vanguard.key-file=" + dir.resolve("id-card.key"), "--logging.level.root=WARN"),
                Map.of(SeededApplication.SEED_FILE, seedFile.toString()), dir.resolve("application.log"));
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        while (!Files.exists(seedFile) && System.nanoTime() < deadline && application.alive()) {
            ChildApplication.pause(Duration.ofMillis(200));
        }
        assertThat(seedFile).as("the seed file\n%s", application.logTail()).exists();
        seed = new Properties();
        try (InputStream in = Files.newInputStream(seedFile)) {
            seed.load(in);
        }
    }

    @AfterAll
    void stop() {
        try {
            if (application != null) {
                application.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void whilePostgresRestartsEveryRequestIsRefusedInChineseWith503AndTheSameApplicationServesAgainOnceItIsBack() throws Exception {
        long pid = application.pid();
        // a browser for each client: one browser's pages come one after another
        List<Client> browsers = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Client browser = new Client(application.base());
            browser.signIn(seed.getProperty("scorer"), Fixtures.PASSWORD);
            browsers.add(browser);
        }
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Phase> phase = new AtomicReference<>(Phase.BEFORE);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int first = c;
                clients.submit(() -> {
                    for (int i = first; running.get(); i++) {
                        Kind kind = Kind.values()[i % Kind.values().length];
                        outcomes.add(request(kind, phase.get(), browsers.get(first)));
                        ChildApplication.pause(Duration.ofMillis(20));
                    }
                });
            }
            awaitEveryKind(outcomes, o -> o.sent == Phase.BEFORE && ok(o), "answered before the outage");

            postgres.crash();
            phase.set(Phase.DOWN);
            awaitEveryKind(outcomes, o -> o.sent == Phase.DOWN && o.status == 503, "refused with 503 while PostgreSQL is down");

            postgres.start();
            phase.set(Phase.BACK);
            awaitEveryKind(outcomes, o -> o.sent == Phase.BACK && ok(o), "answered again once PostgreSQL is back");
        } finally {
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(Client.TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)).as("the clients stopped").isTrue();
        }

        List<Outcome> all;
        synchronized (outcomes) {
            all = List.copyOf(outcomes);
        }
        Files.write(dir.resolve("outcomes.txt"), all.stream().map(Outcome::line).toList());
        // a page already being sent when PostgreSQL died cannot change its status any more: its connection is cut (0)
        assertThat(all).as("every answer is a success or a 503").allSatisfy(o -> assertThat(o.status)
                .as("%s sent %s: %s", o.kind, o.sent, o.body).isIn(o.sent == Phase.BEFORE ? List.of(0, 200, 201, 503) : List.of(200, 201, 503)));
        assertThat(all.stream().filter(o -> o.status == 503)).as("every 503 says why, in Chinese").allSatisfy(this::assertUnavailable);
        for (Kind kind : Kind.values()) {
            Outcome first = all.stream().filter(o -> o.kind == kind && o.sent == Phase.DOWN && o.status == 503).findFirst().orElseThrow();
            assertThat(first.millis).as("%s: refused within seconds, not after a connection timeout", kind).isLessThan(HANGING.toMillis());
        }
        assertThat(application.alive()).isTrue();
        assertThat(application.pid()).as("the same application, never restarted").isEqualTo(pid);
        assertThat(browsers.get(0).get("/entries", null).statusCode()).as("still signed in: the session survived in the database").isEqualTo(200);

        // every entry the API was asked to record — refused, answered or cut off — is recorded once when sent again
        List<String> keys = all.stream().filter(o -> o.kind == Kind.API_WRITE).map(Outcome::key).toList();
        Client api = new Client(application.base());
        for (String key : keys) {
            HttpResponse<String> again = api.post("/api/v1/entries", seed.getProperty("scorerToken"), key, entry(key));
            assertThat(again.statusCode()).as("%s sent again: %s", key, again.body()).isIn(200, 201);
        }
        try (Connection db = DriverManager.getConnection(postgres.url())) {
            for (String key : keys) {
                assertThat(CrashMidWayContract.count(db, "select count(*) from ledger_entry where note = ?", key)).as(key).isEqualTo(1);
            }
        }
    }

    private Outcome request(Kind kind, Phase sent, Client browser) {
        long start = System.nanoTime();
        String key = kind == Kind.API_WRITE ? "outage-" + UUID.randomUUID() : null;
        try {
            HttpResponse<String> response = switch (kind) {
                case API_READ -> new Client(application.base()).get("/api/v1/entries?limit=5", seed.getProperty("scorerToken"));
                case API_WRITE -> new Client(application.base()).post("/api/v1/entries", seed.getProperty("scorerToken"), key, entry(key));
                case PAGE -> browser.get("/entries", null);
                case SIGN_IN_PAGE -> new Client(application.base()).get("/login", null);
            };
            return new Outcome(kind, sent, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), response.body(), (System.nanoTime() - start) / 1_000_000, key);
        } catch (IOException e) {
            return new Outcome(kind, sent, 0, "", null, e.toString(), (System.nanoTime() - start) / 1_000_000, key);
        }
    }

    private String entry(String key) {
        String member = seed.getProperty("memberIds").split(",")[0];
        return "{\"memberId\":" + member + ",\"itemCode\":\"ACT_MEETING\",\"date\":\"" + seed.getProperty("today") + "\",\"note\":\"" + key + "\"}";
    }

    private static boolean ok(Outcome outcome) {
        return outcome.status == 200 || outcome.status == 201;
    }

    private void assertUnavailable(Outcome o) {
        assertThat(o.retryAfter).as("%s: Retry-After", o.kind).isNotNull();
        assertThat(o.body).as(o.kind.name()).doesNotContain("Exception", "Internal Server Error", "at org.", "at cn.");
        if (o.kind == Kind.API_READ || o.kind == Kind.API_WRITE) {
            assertThat(o.contentType).as(o.kind.name()).startsWith("application/problem+json");
            JsonNode problem = Client.json(o.body);
            assertThat(problem.get("status").asInt()).isEqualTo(503);
            assertThat(problem.get("title").asString()).isEqualTo("服务暂时不可用");
            assertThat(problem.get("detail").asString()).contains("数据库暂时无法连接", "请稍后重试");
        } else {
            assertThat(o.contentType).as(o.kind.name()).startsWith("text/html");
            assertThat(o.body).as(o.kind.name()).contains("lang=\"zh-CN\"", "服务暂时不可用", "数据库暂时无法连接，请稍后刷新页面重试");
        }
    }

    private void awaitEveryKind(List<Outcome> outcomes, Predicate<Outcome> condition, String what) {
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        while (true) {
            Set<Kind> missing = EnumSet.allOf(Kind.class);
            synchronized (outcomes) {
                outcomes.stream().filter(condition).forEach(o -> missing.remove(o.kind));
            }
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline || !application.alive()) {
                List<Outcome> last;
                synchronized (outcomes) {
                    last = List.copyOf(outcomes.subList(Math.max(0, outcomes.size() - 8), outcomes.size()));
                }
                throw new AssertionError("not " + what + " within " + PHASE_TIMEOUT.toSeconds() + " s: " + missing + "\nlast answers: " + last
                        + "\n" + application.logTail());
            }
            ChildApplication.pause(Duration.ofMillis(100));
        }
    }
}
