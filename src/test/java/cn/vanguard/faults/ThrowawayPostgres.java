package cn.vanguard.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own (initdb in a new directory, a free port, trust authentication), so that the test
 * may crash and restart it while other tests keep using the shared server. Needs root (the server runs as the
 * {@code postgres} user, through {@code su}) and the server binaries under {@code /usr/lib/postgresql/<version>/bin}.
 */
final class ThrowawayPostgres implements AutoCloseable {

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path dir;
    private final int port;

    private ThrowawayPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** Why a cluster cannot be made here, if it cannot: the test is skipped then (CI has both and fails on a skip). */
    static Optional<String> unavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("needs root, to run PostgreSQL as its own user");
        }
        if (!Files.isExecutable(Path.of("/bin/su")) && !Files.isExecutable(Path.of("/usr/bin/su"))) {
            return Optional.of("needs su");
        }
        return binaries().isPresent() ? Optional.empty() : Optional.of("needs PostgreSQL's server binaries under " + INSTALLATIONS);
    }

    /** The newest installed version's binaries. */
    private static Optional<Path> binaries() {
        if (!Files.isDirectory(INSTALLATIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> version(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static double version(String name) {
        try {
            return Double.parseDouble(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A new cluster, initialised and started. */
    static ThrowawayPostgres create() {
        Path bin = binaries().orElseThrow();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "vanguard-pg-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        ThrowawayPostgres postgres = new ThrowawayPostgres(bin, dir, ChildApplication.freePort());
        try {
            run(List.of("install", "-d", "-o", "postgres", "-m", "700", dir.toString()));
            postgres.asPostgres(bin.resolve("initdb") + " -D " + dir.resolve("data") + " -U postgres -A trust -E UTF8 --locale=C --no-sync");
            postgres.start();
            return postgres;
        } catch (RuntimeException | Error e) {
            postgres.close();
            throw e;
        }
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    void start() {
        asPostgres(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -l " + dir.resolve("server.log")
                + " -o '-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir + "' -w -t 60 start");
    }

    /** Stops the server as a crash does: no checkpoint, every connection cut; the next start recovers from the log. */
    void crash() {
        asPostgres(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -m immediate -w -t 60 stop");
    }

    @Override
    public void close() {
        try {
            if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
                crash();
            }
        } finally {
            try {
                run(List.of("rm", "-rf", dir.toString()));
            } catch (RuntimeException e) {
                System.err.println("could not remove " + dir + ": " + e.getMessage());
            }
        }
    }

    private void asPostgres(String command) {
        run(List.of("su", "postgres", "-c", command));
    }

    /** Runs a command to its end (bounded), failing with its output if it fails. */
    private static void run(List<String> command) {
        try {
            Path output = Files.createTempFile("vanguard-pg-command-", ".log");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within " + COMMAND_TIMEOUT.toSeconds() + " s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n"
                            + Files.readString(output, StandardCharsets.UTF_8));
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }
}
