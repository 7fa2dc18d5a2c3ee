package cn.vanguard.standings;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Like;
import cn.vanguard.Text;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.standings.internal.Refresher;
import cn.vanguard.standings.internal.StandingReads;
import cn.vanguard.standings.internal.StandingStore;

/**
 * Stored results: what pages, the API and exports read. Scope is the caller's: these methods check nothing, so a
 * caller resolves what its user may see (a member, a unit subtree) before asking.
 */
@Service
public class Standings {

    private final StandingReads reader;
    private final StandingStore store;
    private final Refresher refresher;

    private final cn.vanguard.rules.Schemes schemes;
    private final Standings self;

    Standings(StandingReads reader, StandingStore store, Refresher refresher, cn.vanguard.rules.Schemes schemes,
              @org.springframework.context.annotation.Lazy Standings self) {
        this.reader = reader;
        this.store = store;
        this.refresher = refresher;
        this.schemes = schemes;
        this.self = self;
    }

    /**
     * Brings the standings the current transaction changed up to date now (they are otherwise refreshed once, just before
     * it commits), for a caller that goes on to read them in the same transaction.
     */
    public void refreshWaiting() {
        cn.vanguard.standings.internal.StandingsEvents.refreshWaitingNow();
    }

    /** A member's stored result for a cycle, if a scheme applies to them. */
    public Optional<Standing> of(long memberId, int year) {
        return reader.get(year, memberId);
    }

    /** The stored results of the members of these units (a subtree the caller may see) in a cycle, unsorted. */
    public List<Standing> ofUnits(int year, List<Long> unitIds) {
        return reader.ofUnits(year, unitIds);
    }

    /** Each ranking unit of a cycle with the scheme version its members are scored under (the units that run periods). */
    public java.util.Map<Long, Long> rankingUnits(int year) {
        return reader.rankingUnits(year);
    }

    /** The scheme version most of a ranking unit's members are scored under in a cycle; empty when it ranks nobody. */
    public Optional<Long> versionOfRankingUnit(int year, long rankingUnitId) {
        return reader.versionOfRankingUnit(year, rankingUnitId);
    }

    /** Whether anybody is scored under a scheme version in a cycle. */
    public boolean anyUnder(int year, long schemeVersionId) {
        return reader.anyUnder(year, schemeVersionId);
    }

    /** The stored results of one ranking unit's members in a cycle, by member code. */
    public List<Standing> ofRankingUnit(int year, long rankingUnitId) {
        return reader.ofRankingUnit(year, rankingUnitId);
    }

    /** One page of results with the total count and the distribution of all that match (one read-only transaction). */
    @Transactional(readOnly = true)
    /** How many of a query's scored members have a total in each band of {@code width} points, by the band's lowest total. */
    public java.util.Map<Integer, Long> bands(StandingsQuery query, int width) {
        return reader.bands(query, width);
    }

    public StandingsPage page(StandingsQuery query) {
        String text = query.text() == null || query.text().isBlank() ? null : query.text().strip();
        if (text != null && Text.unmatchable(text)) {
            return reader.page(new StandingsQuery(query.year(), List.of(), query.type(), null, query.sort(), query.page(), query.size()), null);
        }
        return reader.page(query, text == null ? null : Like.containing(text.toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * Every result a query matches (its page and size ignored), in its order, one at a time from a database cursor:
     * for exports of any size. The consumer runs inside a read-only transaction.
     */
    @Transactional(readOnly = true)
    public void each(StandingsQuery query, java.util.function.Consumer<Standing> each) {
        String text = query.text() == null || query.text().isBlank() ? null : query.text().strip();
        if (text != null && Text.unmatchable(text)) {
            return;
        }
        reader.each(query, text == null ? null : Like.containing(text.toLowerCase(java.util.Locale.ROOT)), each);
    }

    /** A member's result with the explanation of every step, their own entries scored afresh and ranked among the stored. */
    public record Explained(PublishedScheme scheme, MemberResult result, List<String> notCounted) {
    }

    public Optional<Explained> explained(long memberId, int year) {
        return refresher.explain(year, memberId).map(e -> new Explained(e.scheme(), e.result(), e.notCounted()));
    }

    /** Scores a cycle from scratch; returns how many members were scored. */
    @Transactional
    public int rebuild(int year) {
        return refresher.rebuild(year);
    }

    /** Scores every cycle that has a scheme from scratch, one transaction a cycle; returns year → members scored. */
    public java.util.Map<Integer, Integer> rebuildAll() {
        java.util.Map<Integer, Integer> scored = new java.util.LinkedHashMap<>();
        for (int year : schemes.years()) {
            scored.put(year, self.rebuild(year));
        }
        store.tidyAfterRebuild();
        return scored;
    }
}
