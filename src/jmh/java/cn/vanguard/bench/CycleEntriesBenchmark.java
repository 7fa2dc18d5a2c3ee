package cn.vanguard.bench;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import cn.vanguard.ledger.CycleEntries;

/**
 * Grouping a cycle's entries by member as a rebuild does after reading them in two streams ({@link CycleEntries.Builder#build}):
 * 10,000 members and 1,000,000 entries, made as {@code bench/standings.sh load} makes them. {@code wrapped}: each member's
 * dates run through the year from a day of their own and wrap once (as that script's); {@code ordered}: by date.
 * Run with {@code mvn -Pbench verify -Djmh.args=CycleEntries}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class CycleEntriesBenchmark {

    static final int MEMBERS = 10_000;
    static final int ROWS = 1_000_000;
    private static final String[] ITEMS = {"ACT_MEETING", "ACT_STUDY", "PRC_VOLUNTEER", "ACT_ESSAY", "DED_ABSENT", "ACT_MEETING", "ACT_STUDY"};

    @Param({"wrapped", "ordered"})
    public String dates;

    private List<CycleEntries.Builder> parts;

    @Setup(Level.Invocation)
    public void read() {
        CycleEntries.Builder first = new CycleEntries.Builder();
        CycleEntries.Builder second = new CycleEntries.Builder();
        int firstDay = (int) java.time.LocalDate.of(2026, 1, 1).toEpochDay();
        for (int i = 0; i < ROWS; i++) {
            int m = (int) ((i * 7919L) % MEMBERS);
            int day = dates.equals("wrapped") ? (i / MEMBERS * 3 + m) % 300 : i * 300 / ROWS;
            (i < ROWS / 2 ? first : second).add(i + 1, 1 + m, ITEMS[i % 7], firstDay + day, BigDecimal.ONE, null, null);
        }
        parts = List.of(first, second);
    }

    @Benchmark
    public CycleEntries group() {
        return CycleEntries.Builder.build(parts);
    }
}
