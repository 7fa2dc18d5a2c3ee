package cn.vanguard.cycle.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import cn.vanguard.cycle.EvaluationPeriod;
import cn.vanguard.cycle.SnapshotLine;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.scheme.Entry;
import cn.vanguard.scheme.MemberInput;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.ScoreSheet;
import cn.vanguard.scheme.ScoringEngine;
import cn.vanguard.scheme.ScoringOptions;
import cn.vanguard.scheme.Span;
import cn.vanguard.standings.EngineInputs;

/**
 * A period's results, by the engine, from its members' inputs: the approved entries dated in the period, and those dated
 * in an earlier period that no snapshot counted (approved after that period was closed), which count here as if dated
 * on its first day, each with a line saying where it belonged (补记：原属2026年第三季度, cycle.md §1). Pure: the caller reads
 * and writes.
 */
public final class PeriodResults {

    private static final ScoringOptions OPTIONS = new ScoringOptions(false, "", null, false, false);

    private PeriodResults() {
    }

    /** The lines of a snapshot and the entries it counts. */
    public record Computed(List<SnapshotLine> lines, List<SnapshotRows.Counted> counted) {
    }

    /**
     * @param countedElsewhere entries the latest snapshot of another period of the cycle counts
     * @param periodOf         the label and Chinese name of the period a date falls in, under the scheme's evaluation
     */
    public static Computed compute(EvaluationPeriod period, PublishedScheme published, List<EngineInputs.Built> built,
                                   Set<Long> countedElsewhere, Function<LocalDate, Span> periodOf) {
        Span span = period.span();
        List<MemberInput> inputs = new ArrayList<>(built.size());
        List<List<String>> notesOf = new ArrayList<>(built.size());
        List<SnapshotRows.Counted> counted = new ArrayList<>();
        for (EngineInputs.Built b : built) {
            List<Entry> own = new ArrayList<>();
            List<String> notes = new ArrayList<>(b.notCounted());
            for (Entry e : b.input().entries()) {
                if (e.date().isAfter(span.to()) || countedElsewhere.contains(e.ref())) {
                    continue;
                }
                if (e.date().isBefore(span.from())) {
                    Span belonged = periodOf.apply(e.date());
                    notes.add("补记：原属" + EvaluationPeriod.chinese(belonged) + "（#" + e.ref() + " " + e.item().name() + " " + e.date() + "）");
                    own.add(new Entry(e.item(), span.from(), e.quantity(), e.points(), e.occurrence(), e.ref()));
                    counted.add(new SnapshotRows.Counted(e.ref(), belonged.label()));
                } else {
                    own.add(e);
                    counted.add(new SnapshotRows.Counted(e.ref(), null));
                }
            }
            MemberInput in = b.input();
            inputs.add(new MemberInput(in.member(), own, in.assessments(), in.votes(), in.previous()));
            notesOf.add(notes);
        }
        ScoreSheet sheet = ScoringEngine.score(published.scheme(), span, inputs, OPTIONS);
        List<SnapshotLine> lines = new ArrayList<>(built.size());
        for (int i = 0; i < built.size(); i++) {
            EngineInputs.Built b = built.get(i);
            MemberResult r = sheet.members().get(i);
            lines.add(new SnapshotLine(b.person().id(), b.person().code(), b.person().name(), r.member().unit(), r.scored(), r.reason(),
                    r.total(), r.rank(), r.grade(), r.stars(), r.bonus(), r.deductions(), r.sections(), r.vetoes(), r.flags(),
                    r.warnings(), notesOf.get(i), null));
        }
        return new Computed(lines, counted);
    }
}
