package cn.vanguard.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import cn.vanguard.scheme.MemberInput;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.ScoreSheet;
import cn.vanguard.scheme.ScoringEngine;
import cn.vanguard.scheme.ScoringOptions;
import cn.vanguard.scheme.Span;

/**
 * The scoring engine on a year of 100,000 members and 10,000,000 entries (docs/performance.md). Throughput is in
 * entries per second: one invocation scores the whole year. Run with {@code mvn -Pbench verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
public class EngineBenchmark {

    static final int MEMBERS = 100_000;
    static final int ENTRIES_PER_MEMBER = 100;

    @Param({"city-direct-organs", "city-organs-100"})
    public String preset;

    private Scheme scheme;
    private List<MemberInput> year;

    @Setup
    public void buildYear() {
        SyntheticYear synthetic = new SyntheticYear(preset, MEMBERS, ENTRIES_PER_MEMBER, 20251121L);
        scheme = synthetic.scheme();
        year = synthetic.inputs();
    }

    /** One thread, as the target of issue 2 states it: at least 5 million entries per second. */
    @Benchmark
    @OperationsPerInvocation(MEMBERS * ENTRIES_PER_MEMBER)
    public ScoreSheet oneThread() {
        return ScoringEngine.score(scheme, Span.year(2025), year, new ScoringOptions(false, "", null, false, false));
    }

    /** All cores, as the score command runs. */
    @Benchmark
    @OperationsPerInvocation(MEMBERS * ENTRIES_PER_MEMBER)
    public ScoreSheet allCores() {
        return ScoringEngine.score(scheme, Span.year(2025), year, new ScoringOptions(false, "", null, false, true));
    }
}
