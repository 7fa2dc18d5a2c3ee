package cn.vanguard.standings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.vanguard.ledger.Assessments;
import cn.vanguard.ledger.CycleEntries;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerPosition;
import cn.vanguard.ledger.LedgerPositions;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Assessment;
import cn.vanguard.scheme.Checked;
import cn.vanguard.scheme.Entry;
import cn.vanguard.scheme.Inputs;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.Member;
import cn.vanguard.scheme.MemberInput;
import cn.vanguard.scheme.Problem;
import cn.vanguard.scheme.Scheme;

/**
 * What the engine scores members from, read through the owning modules' APIs: the population a scheme applies to, each
 * member's approved entries and assessments, and the branch they are ranked in. Used by the stored standings and by
 * from-scratch runs alike, so that both see the same inputs.
 */
@Service
public class EngineInputs {

    private final Members members;
    private final Units units;
    private final Schemes schemes;
    private final Ledger ledger;
    private final Assessments assessments;

    public EngineInputs(Members members, Units units, Schemes schemes, Ledger ledger, Assessments assessments) {
        this.members = members;
        this.units = units;
        this.schemes = schemes;
        this.ledger = ledger;
        this.assessments = assessments;
    }

    /** One member's inputs with what could not be counted, their ranking unit and the ledger position they reflect. */
    public record Built(MemberRecord person, MemberInput input, List<String> notCounted, long rankingUnitId, LedgerPosition position) {
    }

    /** Every member the scheme applies to (its unit's subtree, minus sub-units with their own scheme, minus transfers out). */
    public List<MemberRecord> population(PublishedScheme scheme, int year) {
        Map<Long, Long> effectiveByUnit = new HashMap<>();
        List<MemberRecord> people = new ArrayList<>();
        for (MemberRecord member : members.inSubtree(scheme.unitId())) {
            if (member.status() == MemberStatus.TRANSFERRED_OUT) {
                continue;
            }
            long version = effectiveByUnit.computeIfAbsent(member.unitId(),
                    u -> schemes.effective(u, year).map(PublishedScheme::id).orElse(-1L));
            if (version == scheme.id()) {
                people.add(member);
            }
        }
        return people;
    }

    /** The inputs of these members under a scheme; each member's unit is labelled as among these members' branches. */
    public List<Built> build(PublishedScheme published, int year, List<MemberRecord> people) {
        Map<Long, List<Ledger.CountingEntry>> entries = ledger.counting(people.stream().map(MemberRecord::id).toList(), year);
        Map<Long, Unit> rankingUnits = rankingUnits(people);
        return build(published, year, people, id -> entries.getOrDefault(id, List.of()), rankingUnits,
                labels(rankingUnits.values().stream().map(Unit::id).toList()));
    }

    /**
     * A whole population's inputs made a chunk of members at a time from the cycle's entries read at once
     * ({@link LedgerPositions#counting}), for rebuilds: ranking units and labels are worked out once for everybody, and
     * only a chunk's entries are objects at any time.
     */
    public final class Batch {

        private final PublishedScheme published;
        private final int year;
        private final CycleEntries entries;
        private final Map<Long, Unit> rankingUnits;
        private final Map<Long, String> labels;
        private final Map<Long, List<Assessments.Stored>> assessed;
        /** The scheme's item of each item code of the entries, by the code's index (null: not an item of the scheme). */
        private final Item[] items;

        private Batch(PublishedScheme published, int year, List<MemberRecord> people, CycleEntries entries) {
            this.published = published;
            this.year = year;
            this.entries = entries;
            this.rankingUnits = rankingUnits(people);
            this.labels = labels(rankingUnits.values().stream().map(Unit::id).toList());
            this.assessed = assessments.ofCycle(year);
            this.items = new Item[entries.codes()];
            for (int c = 0; c < items.length; c++) {
                items[c] = Inputs.item(published.scheme(), entries.code(c));
            }
        }

        /**
         * The inputs of some of the population's members, made on every core: everything read from the database was read
         * when the batch was made, so this runs no query (and needs no connection of the transaction). Each item code is
         * looked up once a batch, not once an entry.
         */
        public List<Built> build(List<MemberRecord> chunk) {
            return chunk.parallelStream().map(person -> {
                Own own = new Own(published.scheme(), year, entries.count(person.id()));
                entries.forEach(person.id(), (id, item, date, quantity, points, occurrence) ->
                        own.add(id, entries.code(item), items[item], date, quantity, points, occurrence));
                return one(published, year, person, own, assessed.getOrDefault(person.id(), List.of()), rankingUnits.get(person.id()),
                        labels);
            }).toList();
        }
    }

    /** A member's entries checked against the scheme as they come: those that count, and a note on each that does not. */
    private static final class Own {

        private final Scheme scheme;
        private final int year;
        private final List<Entry> entries;
        private final List<String> notes = new ArrayList<>(0);
        private long count;
        private long idSum;

        private Own(Scheme scheme, int year, int expected) {
            this.scheme = scheme;
            this.year = year;
            this.entries = new ArrayList<>(expected);
        }

        /** An entry of the ledger, {@code item} being {@link Inputs#item} of its code. */
        void add(long id, String code, Item item, LocalDate date, BigDecimal quantity, BigDecimal points, String occurrence) {
            count++;
            idSum += id;
            List<Problem> problems = Inputs.entryProblems(scheme, year, code, item, date, quantity, points);
            if (problems.isEmpty()) {
                entries.add(Inputs.checkedEntry(item, date, quantity, points, occurrence, id));
            } else {
                notes.add("#" + id + " " + code + " " + date + "：" + problems.get(0).chinese() + "，不计分");
            }
        }
    }

    public Batch batch(PublishedScheme published, int year, List<MemberRecord> people, CycleEntries entries) {
        return new Batch(published, year, people, entries);
    }

    private List<Built> build(PublishedScheme published, int year, List<MemberRecord> people,
                              java.util.function.LongFunction<List<Ledger.CountingEntry>> entries, Map<Long, Unit> rankingUnits,
                              Map<Long, String> labels) {
        Map<Long, List<Assessments.Stored>> assessed = assessments.of(people.stream().map(MemberRecord::id).toList(), year);
        List<Built> built = new ArrayList<>(people.size());
        for (MemberRecord person : people) {
            List<Ledger.CountingEntry> counting = entries.apply(person.id());
            Own own = new Own(published.scheme(), year, counting.size());
            for (Ledger.CountingEntry e : counting) {
                own.add(e.id(), e.itemCode(), Inputs.item(published.scheme(), e.itemCode()), e.date(), e.quantity(), e.points(), e.occurrence());
            }
            built.add(one(published, year, person, own, assessed.get(person.id()), rankingUnits.get(person.id()), labels));
        }
        return built;
    }

    /** One member's inputs: pure, so that a rebuild makes many at once on every core. */
    private static Built one(PublishedScheme published, int year, MemberRecord person, Own own, List<Assessments.Stored> assessed,
                             Unit rankingUnit, Map<Long, String> labels) {
        List<String> notes = own.notes;
        List<Assessment> assessedOwn = new ArrayList<>();
        for (Assessments.Stored stored : assessed) {
            Checked<Assessment> checked = Inputs.assessment(published.scheme(), stored.itemCode(), stored.value(), 0);
            if (checked.ok()) {
                assessedOwn.add(checked.value());
            } else {
                notes.add("评定 " + stored.itemCode() + "=" + stored.value() + "：" + checked.problems().get(0).chinese() + "，不计分");
            }
        }
        MemberInput input = new MemberInput(engineMember(person, labels.get(rankingUnit.id()), rankingUnit.id()), own.entries, assessedOwn,
                List.of(), null);
        return new Built(person, input, notes, rankingUnit.id(), new LedgerPosition(own.count, own.idSum));
    }

    /**
     * The engine's view of a member: the code as id, and their ranking unit (their 党支部) as unit, shown by its label
     * and told apart by its id: populations are keyed by the unit's id, never by a name.
     */
    public static Member engineMember(MemberRecord person, String unitLabel, long unitId) {
        return new Member(person.code(), person.name(), unitLabel, person.type(), person.category(),
                person.status() == MemberStatus.EXEMPT ? Boolean.TRUE : null, Long.toString(unitId));
    }

    /** Each member's ranking unit: the branch their unit belongs to. */
    private Map<Long, Unit> rankingUnits(List<MemberRecord> people) {
        Map<Long, Unit> branchByUnit = new HashMap<>();
        Map<Long, Unit> branchOf = new LinkedHashMap<>();
        for (MemberRecord person : people) {
            branchOf.put(person.id(), branchByUnit.computeIfAbsent(person.unitId(), units::branchOf));
        }
        return branchOf;
    }

    /**
     * How each ranking unit of a population is shown (in results, explanations and the exported members.csv, whose
     * org_unit the command line ranks by): its name; when two branches share it, with the parent's name; when those
     * are alike too, with the unit's id as well, so that the exported files still tell the two apart. A label depends
     * on the other branches of the population, so the population phase labels its branches afresh.
     */
    public Map<Long, String> labels(Collection<Long> rankingUnitIds) {
        Map<Long, Unit> byId = units.byIds(rankingUnitIds);
        List<Unit> branches = rankingUnitIds.stream().distinct().map(id -> {
            Unit unit = byId.get(id);
            if (unit == null) {
                throw new cn.vanguard.NotFound("组织不存在");
            }
            return unit;
        }).toList();
        Map<String, Long> nameUse = new HashMap<>();
        branches.forEach(b -> nameUse.merge(b.name(), 1L, Long::sum));
        Map<Long, Unit> parents = units.byIds(branches.stream().filter(b -> nameUse.get(b.name()) > 1 && b.parentId() != null)
                .map(Unit::parentId).toList());
        Map<Long, String> labels = new HashMap<>();
        for (Unit branch : branches) {
            labels.put(branch.id(), nameUse.get(branch.name()) > 1 && branch.parentId() != null
                    ? parents.get(branch.parentId()).name() + "/" + branch.name() : branch.name());
        }
        Map<String, Long> labelUse = new HashMap<>();
        labels.values().forEach(l -> labelUse.merge(l, 1L, Long::sum));
        labels.replaceAll((id, label) -> labelUse.get(label) > 1 ? label + "（#" + id + "）" : label);
        return labels;
    }
}
