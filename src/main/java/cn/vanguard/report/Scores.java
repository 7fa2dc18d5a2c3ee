package cn.vanguard.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.vanguard.NotFound;
import cn.vanguard.ledger.Assessments;
import cn.vanguard.ledger.Ledger;
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
import cn.vanguard.scheme.Member;
import cn.vanguard.scheme.MemberInput;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.ScoreSheet;
import cn.vanguard.scheme.ScoringEngine;
import cn.vanguard.scheme.ScoringOptions;
import cn.vanguard.scheme.Span;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * Live scores of a cycle from approved entries. A scheme's population is every member whose unit it applies to; ranks
 * and stars come from that whole population, whatever part of it a page shows.
 */
@Service
public class Scores {

    private final Members members;
    private final Units units;
    private final Schemes schemes;
    private final Ledger ledger;
    private final Assessments assessments;
    private final Guard guard;

    public Scores(Members members, Units units, Schemes schemes, Ledger ledger, Assessments assessments, Guard guard) {
        this.members = members;
        this.units = units;
        this.schemes = schemes;
        this.ledger = ledger;
        this.assessments = assessments;
        this.guard = guard;
    }

    /** A member's result with what it was computed from, and what could not be counted. */
    public record MemberScore(MemberRecord member, PublishedScheme scheme, Span span, MemberResult result, List<String> notCounted) {
    }

    /** The results of one scheme's population, in member order. */
    public record Population(PublishedScheme scheme, Span span, List<MemberScore> scores) {
    }

    /** A member's score now (or for a finished cycle): for the member themselves or someone with VIEW_SCORES over them. */
    public Optional<MemberScore> member(long memberId, int year) {
        MemberRecord member = members.visible(memberId);
        if (!guard.isSelf(memberId) && !guard.can(Permission.VIEW_SCORES, member.unitId())) {
            throw Guard.denied();
        }
        Optional<PublishedScheme> scheme = schemes.effective(member.unitId(), year);
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        Population population = population(scheme.get(), year, true);
        return population.scores().stream().filter(s -> s.member().id() == memberId).findFirst();
    }

    /** The populations of the schemes that apply inside a unit, each limited to the unit's members for showing. */
    public List<Population> unit(long unitId, int year) {
        guard.require(Permission.VIEW_SCORES, unitId);
        Unit unit = units.get(unitId);
        Map<Long, PublishedScheme> byVersion = new LinkedHashMap<>();
        for (MemberRecord member : members.inSubtree(unitId)) {
            schemes.effective(member.unitId(), year).ifPresent(s -> byVersion.putIfAbsent(s.id(), s));
        }
        List<Population> populations = new ArrayList<>();
        for (PublishedScheme scheme : byVersion.values()) {
            Population whole = population(scheme, year, false);
            List<MemberScore> inside = whole.scores().stream()
                    .filter(s -> units.get(s.member().unitId()).within(unit)).toList();
            populations.add(new Population(scheme, whole.span(), inside));
        }
        return populations;
    }

    /** Every member the scheme applies to (its unit's subtree, minus sub-units with their own scheme), scored together. */
    public Population population(PublishedScheme scheme, int year, boolean explain) {
        return score(scheme, year, populationMembers(scheme, year), explain);
    }

    private List<MemberRecord> populationMembers(PublishedScheme scheme, int year) {
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

    /** What a population is scored from, as the engine takes it: for exporting the ledger in the command line's files. */
    public record PopulationInputs(PublishedScheme scheme, int year, List<MemberRecord> people, List<MemberInput> inputs) {
    }

    /** The engine inputs of every member a scheme applies to (approved entries and assessments of the year). */
    public PopulationInputs inputs(PublishedScheme scheme, int year) {
        List<MemberRecord> people = populationMembers(scheme, year);
        return new PopulationInputs(scheme, year, people, build(scheme, year, people, new HashMap<>()));
    }

    private Population score(PublishedScheme published, int year, List<MemberRecord> people, boolean explain) {
        Map<Long, List<String>> notCounted = new HashMap<>();
        List<MemberInput> inputs = build(published, year, people, notCounted);
        Span span = Span.year(year);
        ScoreSheet sheet = ScoringEngine.score(published.scheme(), span, inputs,
                new ScoringOptions(explain, "", null, false, false));
        List<MemberScore> scores = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            scores.add(new MemberScore(people.get(i), published, span, sheet.members().get(i), notCounted.get(people.get(i).id())));
        }
        return new Population(published, span, scores);
    }

    private List<MemberInput> build(PublishedScheme published, int year, List<MemberRecord> people, Map<Long, List<String>> notCounted) {
        List<Long> ids = people.stream().map(MemberRecord::id).toList();
        Map<Long, List<Ledger.CountingEntry>> entries = ledger.counting(ids, year);
        Map<Long, List<Assessments.Stored>> assessed = assessments.of(ids, year);
        Map<Long, Unit> rankingUnits = rankingUnits(people);
        Map<Long, String> labels = labels(rankingUnits);
        List<MemberInput> inputs = new ArrayList<>();
        for (MemberRecord person : people) {
            List<String> notes = new ArrayList<>();
            List<Entry> own = new ArrayList<>();
            for (Ledger.CountingEntry e : entries.get(person.id())) {
                Checked<Entry> checked = Inputs.entry(published.scheme(), year, e.itemCode(), e.date(), e.quantity(), e.points(),
                        e.occurrence(), e.id());
                if (checked.ok()) {
                    own.add(checked.value());
                } else {
                    notes.add("#" + e.id() + " " + e.itemCode() + " " + e.date() + "：" + checked.problems().get(0).chinese() + "，不计分");
                }
            }
            List<Assessment> own2 = new ArrayList<>();
            for (Assessments.Stored stored : assessed.get(person.id())) {
                Checked<Assessment> checked = Inputs.assessment(published.scheme(), stored.itemCode(), stored.value(), 0);
                if (checked.ok()) {
                    own2.add(checked.value());
                } else {
                    notes.add("评定 " + stored.itemCode() + "=" + stored.value() + "：" + checked.problems().get(0).chinese() + "，不计分");
                }
            }
            notCounted.put(person.id(), notes);
            Unit rankingUnit = rankingUnits.get(person.id());
            inputs.add(new MemberInput(engineMember(person, labels.get(rankingUnit.id()), rankingUnit.id()), own, own2, List.of(), null));
        }
        return inputs;
    }

    /**
     * The engine's view of a member: the code as id, and their ranking unit (their 党支部) as unit, shown by its label
     * and told apart by its id: populations are keyed by the unit's id, never by a name.
     */
    static Member engineMember(MemberRecord person, String unitLabel, long unitId) {
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
     * How each ranking unit is shown (in results, explanations and the exported members.csv, whose org_unit the command
     * line ranks by): its name; when two branches share it, with the parent's name; when those are alike too, with the
     * unit's id as well, so that the exported files still tell the two apart.
     */
    private Map<Long, String> labels(Map<Long, Unit> rankingUnits) {
        List<Unit> branches = rankingUnits.values().stream().distinct().toList();
        Map<String, Long> nameUse = new HashMap<>();
        branches.forEach(b -> nameUse.merge(b.name(), 1L, Long::sum));
        Map<Long, String> labels = new HashMap<>();
        for (Unit branch : branches) {
            labels.put(branch.id(), nameUse.get(branch.name()) > 1 && branch.parentId() != null
                    ? units.get(branch.parentId()).name() + "/" + branch.name() : branch.name());
        }
        Map<String, Long> labelUse = new HashMap<>();
        labels.values().forEach(l -> labelUse.merge(l, 1L, Long::sum));
        labels.replaceAll((id, label) -> labelUse.get(label) > 1 ? label + "（#" + id + "）" : label);
        return labels;
    }

    /** The unit of a member for the ranking page's heading. */
    public Unit unitOf(long memberId) {
        return units.get(members.find(memberId).orElseThrow(() -> new NotFound("党员不存在")).unitId());
    }
}
