package cn.vanguard.faults;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application in a JVM of its own, started from the test JVM's class path on a free port, so that a test can kill
 * it as a crash does ({@link #kill()}: SIGKILL, nothing runs on the way out) and start it again on the same database.
 * Its output goes to a log file beside the test's data; {@link #watch} counts lines as they come.
 */
final class ChildApplication implements AutoCloseable {

    /** A start on a shared two-core machine takes 10–20 s; a start that is not answering after this has failed. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final Process process;
    private final Path log;
    private final int port;
    private final Map<String, AtomicInteger> watched = new ConcurrentHashMap<>();

    private ChildApplication(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code mainClass} with the application's arguments (and {@code --server.port}) and waits until it
     * answers HTTP. {@code systemProperties} go to the child JVM as {@code -Dname=value}.
     */
    static ChildApplication start(Class<?> mainClass, List<String> arguments, Map<String, String> systemProperties, Path log) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a quicker start, on the two cores it shares with the test JVM
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx768m", "-Dfile.encoding=UTF-8"));
        systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName(), "--server.port=" + port));
        command.addAll(arguments);
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildApplication child = new ChildApplication(process, log, port);
        Thread reader = new Thread(child::copyOutput, "child-output-" + port);
        reader.setDaemon(true);
        reader.start();
        try {
            child.awaitAnswering();
        } catch (RuntimeException | Error e) {
            child.kill();
            throw e;
        }
        return child;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Counts the output lines containing {@code text} from now on. */
    AtomicInteger watch(String text) {
        return watched.computeIfAbsent(text, t -> new AtomicInteger());
    }

    /** SIGKILL, as a crash or the OOM killer ends a process: no shutdown hook, no connection closed, nothing flushed. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(20));
    }

    /** An orderly stop (SIGTERM): Spring closes the pool and the database. */
    void stop() {
        process.destroy();
        if (!awaitExit(Duration.ofSeconds(40))) {
            kill();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /** The last lines of the log, for a failure message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitAnswering() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/login")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the application exited with " + process.exitValue() + " while starting:\n" + logTail());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while the application started", e);
            }
            pause(Duration.ofMillis(250));
        }
        throw new AssertionError("the application did not answer within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail());
    }

    private void copyOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.newLine();
                out.flush();
                for (Map.Entry<String, AtomicInteger> watch : watched.entrySet()) {
                    if (line.contains(watch.getKey())) {
                        watch.getValue().incrementAndGet();
                    }
                }
            }
        } catch (IOException e) {
            // the process was killed mid-line
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
