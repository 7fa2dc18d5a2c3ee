package cn.vanguard.standings.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.Member;
import cn.vanguard.scheme.MemberFigures;
import cn.vanguard.scheme.MemberType;

/**
 * What a rebuild does to each of a committee's members' figures before comparing them with the stored ones: encode
 * them as stored ({@link Codec#figures}) and digest the text ({@link RebuildRows#md5}). One member a call; the
 * figures are those {@code bench/standings.sh load} gives. Run with {@code mvn -Pbench verify -Djmh.args=Codec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CodecBenchmark {

    private MemberFigures figures;
    private String encoded;

    @Setup
    public void figures() {
        figures = new MemberFigures(new Member("M0000008", "党员8", "基准支部009", MemberType.FORMAL, Category.IN_SERVICE, null, "10"), null,
                false, new BigDecimal("56.00"), List.of(new BigDecimal("60.00"), new BigDecimal("0.00"), new BigDecimal("10.00")),
                new BigDecimal("0.00"), new BigDecimal("-14.00"), List.of(), Map.of(), Set.of(), null, List.of(), null);
        encoded = Codec.figures(figures);
    }

    @Benchmark
    public String encode() {
        return Codec.figures(figures);
    }

    @Benchmark
    public String digest() {
        return RebuildRows.md5(encoded);
    }
}
