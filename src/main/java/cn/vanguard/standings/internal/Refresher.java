package cn.vanguard.standings.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.ledger.CycleEntries;
import cn.vanguard.ledger.LedgerPositions;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.org.Members;
import cn.vanguard.org.Units;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Member;
import cn.vanguard.scheme.MemberFigures;
import cn.vanguard.scheme.MemberInput;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.ScoreSheet;
import cn.vanguard.scheme.ScoringEngine;
import cn.vanguard.scheme.ScoringOptions;
import cn.vanguard.scheme.Span;
import cn.vanguard.standings.EngineInputs;

/**
 * Keeps stored standings equal to a from-scratch run: the member phase for the members concerned, from their own
 * entries; then the population phase over the stored figures of each population they left or joined, writing only the
 * results that changed. Runs inside the caller's transaction.
 */
@Service
public class Refresher {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Refresher.class);

    /** As the pages always scored: no previous cycle supplied, attendance tracked where anybody recorded it. */
    static final ScoringOptions OPTIONS = new ScoringOptions(false, "", null, false, false);

    private final StandingStore store;
    private final EngineInputs inputs;
    private final Members members;
    private final Schemes schemes;
    private final LedgerPositions cycle;
    private final Units units;
    private final PopulationCache cache;
    private final RebuildRows rebuilt;

    Refresher(StandingStore store, EngineInputs inputs, Members members, Schemes schemes, LedgerPositions cycle, Units units,
              PopulationCache cache, RebuildRows rebuilt) {
        this.cache = cache;
        this.rebuilt = rebuilt;
        this.cycle = cycle;
        this.units = units;
        this.store = store;
        this.inputs = inputs;
        this.members = members;
        this.schemes = schemes;
    }

    /**
     * Brings these members' standings of a cycle up to date, then re-ranks what they can have changed: where the
     * scheme relates members only within their ranking unit ({@link ScoringEngine#separableByUnit}), the ranking units
     * they left or joined; otherwise, and whenever a branch's label or whether attendance is recorded changed, every
     * population they were or are in.
     */
    @Transactional
    public void refresh(int year, Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        Map<Long, StandingStore.Placed> before = store.placed(year, memberIds);
        Map<Long, Optional<PublishedScheme>> byUnit = new HashMap<>();
        Map<Long, PublishedScheme> versions = new LinkedHashMap<>();
        Map<Long, List<MemberRecord>> people = new LinkedHashMap<>();
        List<Long> gone = new ArrayList<>();
        for (long id : new TreeSet<>(memberIds)) {
            Optional<MemberRecord> member = members.find(id);
            Optional<PublishedScheme> scheme = member.filter(m -> m.status() != MemberStatus.TRANSFERRED_OUT)
                    .flatMap(m -> byUnit.computeIfAbsent(m.unitId(), u -> schemes.effective(u, year)));
            if (scheme.isEmpty()) {
                gone.add(id);
                continue;
            }
            versions.putIfAbsent(scheme.get().id(), scheme.get());
            people.computeIfAbsent(scheme.get().id(), v -> new ArrayList<>()).add(member.get());
        }
        TreeSet<Long> populations = new TreeSet<>();
        before.values().forEach(p -> populations.add(p.version()));
        populations.addAll(people.keySet());
        // in one order everywhere, so that two refreshes of overlapping populations never wait on each other in a circle
        Map<Long, StandingStore.Locked> stamps = new LinkedHashMap<>();
        populations.forEach(v -> stamps.put(v, store.lock(year, v)));
        // each population as committed before this refresh, from memory while the stamp says it is current
        Map<Long, Population> was = new HashMap<>();
        Map<Long, Population.Editor> edits = new HashMap<>();
        stamps.forEach((v, stamp) -> {
            was.put(v, cache.at(year, v, stamp.previous()).orElseGet(() -> load(year, v)));
            edits.put(v, was.get(v).edit());
        });
        Map<Long, StandingStore.Stored> results = new HashMap<>();
        before.forEach((id, placed) -> {
            StandingStore.Stored old = edits.get(placed.version()).remove(id, placed.rankingUnitId());
            if (old != null) {
                results.put(id, old);
            }
        });
        gone.forEach(id -> store.delete(year, id));
        people.forEach((version, list) -> evaluate(versions.get(version), year, list, edits.get(version), results));
        stamps.forEach((v, stamp) -> {
            Reranked ranked = rerank(year, v, was.get(v), edits.get(v), false);
            store.putResults(year, ranked.changed());
            cache.keep(year, v, stamp.next(), ranked.population());
        });
    }

    /** A population's committed rows read from the table, its branches labelled as they are now. */
    private Population load(int year, long version) {
        List<StandingStore.Stored> rows = store.population(year, version);
        return Population.of(rows, inputs.labels(rows.stream().map(StandingStore.Stored::rankingUnitId).toList()));
    }

    /** Members scored together in a rebuild: their entries are objects only while their chunk is scored. */
    private static final int CHUNK = 1_000;

    /** Scores every population of a cycle from scratch and makes the stored rows equal to it (writing what differs). */
    @Transactional
    public int rebuild(int year) {
        store.retireYear(year);
        LedgerPositions.Reading reading = null;
        StoredRows stored = new StoredRows(year);
        CycleEntries entries = null;
        int count = 0;
        try {
            for (PublishedScheme scheme : schemes.latest(year)) {
                StandingStore.Locked stamp = store.lock(year, scheme.id());
                long started = System.nanoTime();
                if (reading == null) {
                    // on PostgreSQL the entries are read on other connections from now on, while this one finds the
                    // population
                    reading = cycle.countingMeanwhile(year);
                }
                long found = System.nanoTime();
                List<MemberRecord> people = inputs.population(scheme, year);
                LOG.debug("{}年度方案版本#{}: population of {} found in {} ms", year, scheme.id(), people.size(),
                        (System.nanoTime() - found) / 1_000_000);
                if (people.isEmpty()) {
                    continue;
                }
                if (entries == null) {
                    entries = reading.get();
                }
                count += rebuild(year, scheme, stamp, people, entries, started, stored);
            }
        } finally {
            if (reading != null) {
                reading.close();
            }
        }
        if (stored.rows == null) {
            store.deleteRows(year);
        } else {
            rebuilt.deleteLeft(year, stored.rows);
        }
        return count;
    }

    /**
     * A rebuild's stored rows of the cycle ({@link RebuildRows#stored}), read when the first rebuilt population is
     * written: read while the streams ran, they slowed them by more than their own time (10,000,000 entries: 7.5 s →
     * 10 s, for a read of 1.2 s); read before the scoring, every collection during it copied their 100,000 rows of objects.
     */
    private final class StoredRows {

        private final int year;
        /** Null until read: no population had anybody to write. */
        private Map<Long, Object[]> rows;

        private StoredRows(int year) {
            this.year = year;
        }

        Map<Long, Object[]> get() {
            if (rows == null) {
                long read = System.nanoTime();
                rows = rebuilt.stored(year);
                LOG.debug("{}年度: {} stored standings read in {} ms", year, rows.size(), (System.nanoTime() - read) / 1_000_000);
            }
            return rows;
        }
    }

    /** One population of a rebuild, its entries read: scored, ranked and written; returns how many members. */
    private int rebuild(int year, PublishedScheme scheme, StandingStore.Locked stamp, List<MemberRecord> people, CycleEntries entries,
                        long started, StoredRows stored) {
        long read = System.nanoTime();
        EngineInputs.Batch batch = inputs.batch(scheme, year, people, entries);
        List<RebuildRows.NewFigures> rows = new ArrayList<>(people.size());
        for (int from = 0; from < people.size(); from += CHUNK) {
            List<EngineInputs.Built> built = batch.build(people.subList(from, Math.min(people.size(), from + CHUNK)));
            List<MemberFigures> figures = ScoringEngine.evaluateAll(scheme.scheme(), Span.year(year),
                    built.stream().map(EngineInputs.Built::input).toList(), OPTIONS.withParallel(true));
            for (int i = 0; i < built.size(); i++) {
                MemberRecord p = built.get(i).person();
                rows.add(new RebuildRows.NewFigures(p.id(), p.code(), p.name(), p.type(), p.unitId(), built.get(i).rankingUnitId(),
                        figures.get(i), built.get(i).position()));
            }
        }
        Population empty = Population.of(List.of(), Map.of());
        Population.Editor edit = empty.edit();
        for (RebuildRows.NewFigures r : rows) {
            edit.put(new StandingStore.Stored(r.memberId(), r.code(), r.unitId(), r.rankingUnitId(), r.figures()));
        }
        long scored = System.nanoTime();
        Reranked ranked = rerank(year, scheme.id(), empty, edit, true);
        long rankedAt = System.nanoTime();
        rebuilt.write(year, scheme.id(), rows, ranked.population(), stored.get());
        LOG.info("{}年度方案版本#{}: {} members; entries read in {} ms ({} entries of the cycle), scored in {} ms, ranked in {} ms, "
                 + "written in {} ms", year, scheme.id(), people.size(), (read - started) / 1_000_000, entries.size(),
                (scored - read) / 1_000_000, (rankedAt - scored) / 1_000_000, (System.nanoTime() - rankedAt) / 1_000_000);
        cache.keep(year, scheme.id(), stamp.next(), ranked.population());
        return people.size();
    }

    private void evaluate(PublishedScheme scheme, int year, List<MemberRecord> people, Population.Editor rows,
                          Map<Long, StandingStore.Stored> results) {
        List<EngineInputs.Built> built = inputs.build(scheme, year, people);
        List<MemberFigures> figures = ScoringEngine.evaluateAll(scheme.scheme(), Span.year(year),
                built.stream().map(EngineInputs.Built::input).toList(), OPTIONS);
        for (int i = 0; i < built.size(); i++) {
            EngineInputs.Built b = built.get(i);
            MemberRecord p = b.person();
            store.putFigures(year, p.id(), scheme.id(), p.code(), p.name(), p.type(), p.unitId(), b.rankingUnitId(), figures.get(i), b.position());
            // a member new to the table is inserted without a result; one already stored keeps theirs until re-ranked
            StandingStore.Stored old = results.get(p.id());
            rows.put(old == null ? new StandingStore.Stored(p.id(), p.code(), p.unitId(), b.rankingUnitId(), figures.get(i))
                    : new StandingStore.Stored(p.id(), p.code(), p.unitId(), b.rankingUnitId(), figures.get(i), old.result(), old.headline(),
                    old.computed()));
        }
    }

    private record Reranked(Population population, Map<Long, StandingStore.NewResult> changed) {
    }

    /**
     * The population phase over an edited population (its figures as stored by now in this transaction): over the
     * ranking units the edit touched when the scheme is separable by unit and neither a branch's label nor where
     * attendance is recorded changed since {@code was}, else over everybody. Returns the population with the new results
     * and the results that differ from the stored ones (for the caller to write).
     */
    Reranked rerank(int year, long version, Population was, Population.Editor edited, boolean everybody) {
        // the rules alone, parsed once a version: no query for the names a published version carries
        cn.vanguard.scheme.Scheme rules = schemes.scheme(version);
        Map<Long, Map<Long, StandingStore.Stored>> parts = edited.parts();
        Map<Long, String> labels = inputs.labels(parts.keySet());
        Set<String> recorded = edited.attendanceRecorded();
        Map<Long, StandingStore.NewResult> changed = new LinkedHashMap<>();
        List<Collection<StandingStore.Stored>> groups = new ArrayList<>();
        boolean separable = ScoringEngine.separableByUnit(rules);
        if (!separable) {
            groups.add(parts.values().stream().flatMap(p -> p.values().stream()).toList());
        } else {
            boolean all = everybody || !labels.equals(was.labels()) || !recorded.equals(was.attendanceRecorded());
            for (long unit : all ? parts.keySet() : edited.touched()) {
                groups.add(parts.getOrDefault(unit, Map.of()).values());
            }
        }
        Map<Long, String> paths = paths(groups);
        // the population phase of each ranking unit (and the encoding of its new results) on every core: no query runs here
        List<List<Compared>> ranked = (groups.size() > 1 ? groups.parallelStream() : groups.stream()).map(group -> {
            List<StandingStore.Stored> rows = ordered(group, paths);
            if (rows.isEmpty()) {
                return List.<Compared>of();
            }
            List<MemberFigures> figures = labelledAs(rows, labels);
            ScoreSheet sheet = separable ? ScoringEngine.standingsOfUnit(rules, Span.year(year), figures, recorded, OPTIONS)
                    : ScoringEngine.standings(rules, Span.year(year), figures, OPTIONS);
            return compare(rows, sheet);
        }).toList();
        for (List<Compared> group : ranked) {
            for (Compared c : group) {
                if (!c.same()) {
                    changed.put(c.row().memberId(), c.written());
                }
                if (!c.same() || c.row().computed() == null) {
                    StandingStore.Stored row = c.row();
                    edited.put(new StandingStore.Stored(row.memberId(), row.memberCode(), row.unitId(), row.rankingUnitId(), row.figures(),
                            c.same() ? row.result() : c.encoded(), c.result()));
                }
            }
        }
        return new Reranked(edited.done(labels), changed);
    }

    /** A stored row beside the result the population phase gives it now, and that result's encoding when it differs. */
    private record Compared(StandingStore.Stored row, MemberResult result, boolean same, String encoded) {

        /** What a result that differs from the stored one writes: its headline, and its detail's text where that differs too. */
        StandingStore.NewResult written() {
            return new StandingStore.NewResult(result, encoded.equals(row.result()) ? null : encoded);
        }
    }

    private static List<Compared> compare(List<StandingStore.Stored> rows, ScoreSheet sheet) {
        List<Compared> compared = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            MemberResult result = sheet.members().get(i);
            StandingStore.Stored row = rows.get(i);
            // comparing objects where this node computed the stored result spares encoding a whole population each time
            boolean same = row.holds(result);
            compared.add(new Compared(row, result, same, same ? null : Codec.result(result)));
        }
        return compared;
    }

    /**
     * How these members' stored standings differ from what the engine gives now, one sentence each: their figures
     * against the member phase run on their entries again, their results against the population phase run on their
     * population's stored figures. Both equal means the stored result equals a from-scratch run (the two phases
     * compose to it). Reads only.
     */
    public List<String> differences(int year, Collection<Long> memberIds) {
        List<String> differences = new ArrayList<>();
        Map<Long, List<Long>> byVersion = new LinkedHashMap<>();
        store.versions(year, memberIds).forEach((member, version) -> byVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(member));
        for (Map.Entry<Long, List<Long>> population : byVersion.entrySet()) {
            PublishedScheme scheme = schemes.get(population.getKey());
            List<StandingStore.Stored> rows = ordered(store.population(year, scheme.id()));
            ScoreSheet sheet = ScoringEngine.standings(scheme.scheme(), Span.year(year), labelled(rows, null), OPTIONS);
            Map<Long, Integer> index = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                index.put(rows.get(i).memberId(), i);
            }
            List<MemberRecord> people = new ArrayList<>();
            for (long id : population.getValue()) {
                Optional<MemberRecord> member = members.find(id);
                Optional<Long> now = member.filter(m -> m.status() != MemberStatus.TRANSFERRED_OUT)
                        .flatMap(m -> schemes.effective(m.unitId(), year)).map(PublishedScheme::id);
                if (now.isEmpty() || now.get() != scheme.id()) {
                    differences.add(year + "年度党员#" + id + "：按方案版本#" + scheme.id() + "存储，现应为" + now.map(v -> "#" + v).orElse("不计分"));
                    continue;
                }
                people.add(member.get());
                StandingStore.Stored row = rows.get(index.get(id));
                if (!row.holds(sheet.members().get(index.get(id)))) {
                    differences.add(year + "年度党员#" + id + "：存储的名次、等次、星级或标记与按存储分数重新排名的结果不同");
                }
            }
            List<EngineInputs.Built> built = inputs.build(scheme, year, people);
            List<MemberFigures> fresh = ScoringEngine.evaluateAll(scheme.scheme(), Span.year(year),
                    built.stream().map(EngineInputs.Built::input).toList(), OPTIONS);
            for (int i = 0; i < built.size(); i++) {
                long id = built.get(i).person().id();
                MemberFigures stored = rows.get(index.get(id)).figures();
                if (!Codec.figures(relabelled(fresh.get(i))).equals(Codec.figures(relabelled(stored)))) {
                    differences.add(year + "年度党员#" + id + "：存储的得分与按台账重新计算的不同");
                }
            }
        }
        return differences;
    }

    private static MemberFigures relabelled(MemberFigures f) {
        return f.withMember(relabel(f.member(), ""));
    }

    /** A member's result with its explanation: their own entries scored afresh, ranked among the stored figures. */
    public record Explained(PublishedScheme scheme, MemberResult result, List<String> notCounted) {
    }

    public Optional<Explained> explain(int year, long memberId) {
        Optional<StandingStore.Placed> placed = Optional.ofNullable(store.placed(year, List.of(memberId)).get(memberId));
        Optional<MemberRecord> member = members.find(memberId);
        if (placed.isEmpty() || member.isEmpty()) {
            return Optional.empty();
        }
        PublishedScheme scheme = schemes.get(placed.get().version());
        Population population = current(year, placed.get().version());
        boolean separable = ScoringEngine.separableByUnit(scheme.scheme());
        // where the scheme ranks by unit, the member's own unit is all the population phase needs to explain them
        List<StandingStore.Stored> rows = ordered(separable ? population.part(placed.get().rankingUnitId()).values()
                : population.parts().values().stream().flatMap(p -> p.values().stream()).toList());
        EngineInputs.Built built = inputs.build(scheme, year, List.of(member.get())).get(0);
        Map<Long, String> labels = population.labels();
        MemberInput own = built.input();
        MemberInput input = new MemberInput(relabel(own.member(), labels.get(built.rankingUnitId())), own.entries(), own.assessments(),
                own.votes(), own.previous());
        MemberFigures fresh = ScoringEngine.evaluate(scheme.scheme(), Span.year(year), input, OPTIONS.withExplain(true));
        List<MemberFigures> figures = labelled(rows, labels);
        int index = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).memberId() == memberId) {
                index = i;
                figures.set(i, fresh);
            }
        }
        if (index < 0) {
            return Optional.empty();
        }
        ScoreSheet sheet = separable
                ? ScoringEngine.standingsOfUnit(scheme.scheme(), Span.year(year), figures, population.attendanceRecorded(), OPTIONS)
                : ScoringEngine.standings(scheme.scheme(), Span.year(year), figures, OPTIONS);
        return Optional.of(new Explained(scheme, sheet.members().get(index), built.notCounted()));
    }

    /**
     * A population in the order a from-scratch run takes it (by unit in tree order, then code, as
     * {@code Members.inSubtree} lists members): the order decides nothing in a result, but the explanation of a star
     * awarded among equal totals names a position, and that stays the one a from-scratch run names.
     */
    private List<StandingStore.Stored> ordered(Collection<StandingStore.Stored> rows) {
        return ordered(rows, paths(List.of(rows)));
    }

    private static List<StandingStore.Stored> ordered(Collection<StandingStore.Stored> rows, Map<Long, String> paths) {
        List<StandingStore.Stored> ordered = new ArrayList<>(rows);
        ordered.sort(java.util.Comparator.comparing((StandingStore.Stored r) -> paths.get(r.unitId())).thenComparing(StandingStore.Stored::memberCode));
        return ordered;
    }

    /** The tree path of every unit these rows' members are in, in one query. */
    private Map<Long, String> paths(Collection<? extends Collection<StandingStore.Stored>> groups) {
        Map<Long, String> paths = new HashMap<>();
        units.byIds(groups.stream().flatMap(g -> g.stream().map(StandingStore.Stored::unitId)).distinct().toList())
                .forEach((id, unit) -> paths.put(id, unit.path()));
        return paths;
    }

    /** Reads every population of a cycle into memory (see {@link #current}); returns how many members they hold. */
    public int warm(int year) {
        int members = 0;
        for (PublishedScheme scheme : schemes.latest(year)) {
            members += current(year, scheme.id()).parts().values().stream().mapToInt(Map::size).sum();
        }
        return members;
    }

    /** A population's committed rows for reading, from memory while its stamp says they are current. */
    private Population current(int year, long version) {
        long stamp = store.stamp(year, version);
        return cache.at(year, version, stamp).orElseGet(() -> {
            Population rows = load(year, version);
            cache.keep(year, version, stamp, rows);
            return rows;
        });
    }

    /** The stored figures with each branch labelled as among this population's branches. */
    private List<MemberFigures> labelled(List<StandingStore.Stored> rows, Map<Long, String> labels) {
        return labelledAs(rows, labels != null ? labels : inputs.labels(rows.stream().map(StandingStore.Stored::rankingUnitId).toList()));
    }

    /** Pure: safe on any thread. */
    private static List<MemberFigures> labelledAs(List<StandingStore.Stored> rows, Map<Long, String> shown) {
        List<MemberFigures> figures = new ArrayList<>(rows.size());
        for (StandingStore.Stored row : rows) {
            figures.add(row.figures().withMember(relabel(row.figures().member(), shown.get(row.rankingUnitId()))));
        }
        return figures;
    }

    private static Member relabel(Member m, String label) {
        return new Member(m.id(), m.name(), label, m.type(), m.category(), m.exempt(), m.unitId());
    }
}
