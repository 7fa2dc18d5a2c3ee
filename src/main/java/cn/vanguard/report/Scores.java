package cn.vanguard.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.vanguard.NotFound;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.MemberInput;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.ScoreSheet;
import cn.vanguard.scheme.ScoringEngine;
import cn.vanguard.scheme.ScoringOptions;
import cn.vanguard.scheme.Span;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;
import cn.vanguard.standings.EngineInputs;
import cn.vanguard.standings.Standing;
import cn.vanguard.standings.Standings;
import cn.vanguard.standings.StandingsPage;
import cn.vanguard.standings.StandingsQuery;
import cn.vanguard.scheme.MemberType;

/**
 * Scores of a cycle as pages and the API show them: read from the stored standings, which events keep equal to a
 * from-scratch run; a member's page adds the explanation computed for that one member. A scheme's population is every
 * member whose unit it applies to; ranks and stars come from that whole population, whatever part of it a page shows.
 */
@Service
public class Scores {

    private final Members members;
    private final Units units;
    private final Standings standings;
    private final EngineInputs engineInputs;
    private final Schemes schemes;
    private final Guard guard;

    public Scores(Members members, Units units, Standings standings, EngineInputs engineInputs, Schemes schemes, Guard guard) {
        this.members = members;
        this.units = units;
        this.standings = standings;
        this.engineInputs = engineInputs;
        this.schemes = schemes;
        this.guard = guard;
    }

    /** A member's result with what it was computed from, and what could not be counted. */
    public record MemberScore(MemberRecord member, PublishedScheme scheme, Span span, MemberResult result, List<String> notCounted) {
    }

    /** The results of one scheme's population, in member order. */
    public record Population(PublishedScheme scheme, Span span, List<MemberScore> scores) {
    }

    /**
     * A member's score now (or for a finished cycle) with its explanation: for the member themselves or someone with
     * VIEW_SCORES over them.
     */
    public Optional<MemberScore> member(long memberId, int year) {
        MemberRecord member = members.visible(memberId);
        if (!guard.isSelf(memberId) && !guard.can(Permission.VIEW_SCORES, member.unitId())) {
            throw Guard.denied();
        }
        return standings.explained(memberId, year)
                .map(e -> new MemberScore(member, e.scheme(), Span.year(year), e.result(), e.notCounted()));
    }

    /** The stored results of the members inside a unit, by the population (scheme version) each was ranked in. */
    public List<Population> unit(long unitId, int year) {
        guard.require(Permission.VIEW_SCORES, unitId);
        Map<Long, MemberRecord> people = new LinkedHashMap<>();
        members.inSubtree(unitId).forEach(m -> people.put(m.id(), m));
        Map<Long, Standing> stored = new HashMap<>();
        standings.ofUnits(year, units.subtree(unitId)).forEach(s -> stored.put(s.memberId(), s));
        Map<Long, List<MemberScore>> byVersion = new LinkedHashMap<>();
        Map<Long, PublishedScheme> versions = new HashMap<>();
        for (MemberRecord person : people.values()) {
            Standing standing = stored.get(person.id());
            if (standing == null || standing.result() == null) {
                continue;
            }
            PublishedScheme scheme = versions.computeIfAbsent(standing.schemeVersionId(), schemes::get);
            byVersion.computeIfAbsent(scheme.id(), v -> new ArrayList<>())
                    .add(new MemberScore(person, scheme, Span.year(year), standing.result(), List.of()));
        }
        List<Population> populations = new ArrayList<>();
        byVersion.forEach((version, scores) -> populations.add(new Population(versions.get(version), Span.year(year), scores)));
        return populations;
    }

    /**
     * How a unit's members stand this cycle: the distribution summary (grades, stars, highest, average, lowest) and the
     * scored members by bands of ten points. For someone with VIEW_SCORES over the unit.
     */
    public record Overview(long unitId, int year, StandingsPage.Summary summary, Map<Integer, Long> bands) {
    }

    public Overview overview(long unitId, int year) {
        guard.require(Permission.VIEW_SCORES, unitId);
        StandingsQuery query = new StandingsQuery(year, units.subtree(unitId), null, null, null, 0, 1);
        return new Overview(unitId, year, standings.page(query).summary(), standings.bands(query, 10));
    }

    /** A page of a unit's ranking with the schemes its rows were ranked under (version id → scheme). */
    public record Page(long unitId, int year, StandingsPage page, Map<Long, PublishedScheme> schemes) {
    }

    /**
     * One page of the stored results of a unit's members (its subtree), filtered, searched and sorted in the
     * database; the summary covers every member that matches. For someone with VIEW_SCORES over the unit.
     */
    public Page page(long unitId, int year, MemberType type, String text, StandingsQuery.Sort sort, int page, int size) {
        guard.require(Permission.VIEW_SCORES, unitId);
        StandingsPage found = standings.page(new StandingsQuery(year, units.subtree(unitId), type, text, sort, page, size));
        Map<Long, PublishedScheme> versions = new HashMap<>();
        found.rows().forEach(s -> versions.computeIfAbsent(s.schemeVersionId(), schemes::get));
        return new Page(unitId, year, found, versions);
    }

    /**
     * Every member the scheme applies to (its unit's subtree, minus sub-units with their own scheme), scored together
     * from scratch from the ledger: what the stored standings must always equal.
     */
    public Population population(PublishedScheme scheme, int year, boolean explain) {
        List<EngineInputs.Built> built = engineInputs.build(scheme, year, engineInputs.population(scheme, year));
        Span span = Span.year(year);
        ScoreSheet sheet = ScoringEngine.score(scheme.scheme(), span, built.stream().map(EngineInputs.Built::input).toList(),
                new ScoringOptions(explain, "", null, false, false));
        List<MemberScore> scores = new ArrayList<>();
        for (int i = 0; i < built.size(); i++) {
            scores.add(new MemberScore(built.get(i).person(), scheme, span, sheet.members().get(i), built.get(i).notCounted()));
        }
        return new Population(scheme, span, scores);
    }

    /** What a population is scored from, as the engine takes it: for exporting the ledger in the command line's files. */
    public record PopulationInputs(PublishedScheme scheme, int year, List<MemberRecord> people, List<MemberInput> inputs) {
    }

    /** The engine inputs of every member a scheme applies to (approved entries and assessments of the year). */
    public PopulationInputs inputs(PublishedScheme scheme, int year) {
        List<EngineInputs.Built> built = engineInputs.build(scheme, year, engineInputs.population(scheme, year));
        return new PopulationInputs(scheme, year, built.stream().map(EngineInputs.Built::person).toList(),
                built.stream().map(EngineInputs.Built::input).toList());
    }

    /** The unit of a member for the ranking page's heading. */
    public Unit unitOf(long memberId) {
        return units.get(members.find(memberId).orElseThrow(() -> new NotFound("党员不存在")).unitId());
    }
}
