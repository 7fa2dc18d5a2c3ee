package cn.vanguard.ledger;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.vanguard.Text;
import cn.vanguard.ledger.internal.EntryRows;
import cn.vanguard.org.MemberMatches;
import cn.vanguard.org.Units;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Item;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * The ledger list (积分台账) a page at a time: the entries the current user may see ({@link Ledger#visible} one by one),
 * filtered, searched by member (name or code) or item (name or code), by date either way, with how many there are in
 * all. The member search asks the organisation for the matching members' ids (never reading its tables) among the
 * units the user may see, then reads the entries about them; the entries' own scope is checked in the same query.
 */
@Service
public class LedgerList {

    /** Entries on a page. */
    public static final int PAGE_SIZE = 50;
    /** The longest text the search box takes. */
    public static final int MAX_TEXT = 50;
    /** The most members one search may match: more, and the user is asked to type more of the name. */
    public static final int MAX_MEMBERS = 1000;
    /**
     * The most entries counted by default ({@code vanguard.ledger-list.count-cap}): beyond, the page says "more than" and
     * pages on to the 2,000th (the rest is reached by narrowing the filter or by the other order). Counting a committee's
     * millions of entries on every page would cost more than the page itself (docs/performance.md).
     */
    public static final long COUNT_CAP = 100_000;

    /**
     * A page of the list as asked for: the filter, the search box's text (null: none), the order, the page (from 1;
     * past the last page is the last) and whether the entries are those an approved reversal cancels (已冲销, true), those
     * none cancels (false), or either (null).
     */
    public record Query(Ledger.Filter filter, String text, boolean oldestFirst, int page, Boolean reversed) {

        /** Whatever an approved reversal did to the entries. */
        public Query(Ledger.Filter filter, String text, boolean oldestFirst, int page) {
            this(filter, text, oldestFirst, page, null);
        }
    }

    /**
     * A page of the list: its entries, how many match in all (at most the count cap, {@link #COUNT_CAP} by default;
     * {@code more} when there are more than that), which page it is of how many, and what is wrong with the search (null when nothing is; then the
     * page is empty and the message says how to search instead).
     */
    public record Page(List<LedgerEntry> entries, long total, boolean more, int page, int pages, String problem) {
        public static Page empty(String problem) {
            return new Page(List.of(), 0, false, 1, 1, problem);
        }
    }

    private final JdbcClient jdbc;
    private final Guard guard;
    private final MemberMatches memberMatches;
    private final Units units;
    private final Schemes schemes;
    private final Accounts accounts;
    private final long countCap;

    public LedgerList(JdbcClient jdbc, Guard guard, MemberMatches memberMatches, Units units, Schemes schemes, Accounts accounts,
                      @Value("${vanguard.ledger-list.count-cap:" + COUNT_CAP + "}") long countCap) {
        this.countCap = Math.max(PAGE_SIZE, countCap);
        this.jdbc = jdbc;
        this.guard = guard;
        this.memberMatches = memberMatches;
        this.units = units;
        this.schemes = schemes;
        this.accounts = accounts;
    }

    public Page page(Query query) {
        List<Long> scope = guard.units(Permission.VIEW_LEDGER);
        Long self = guard.current().memberId();
        Ledger.Filter filter = query.filter();
        if (Text.unmatchable(filter.itemCode()) || (scope != null && scope.isEmpty() && self == null)) {
            return Page.empty(null);
        }
        String text = query.text() == null || query.text().isBlank() ? null : query.text().strip();
        List<Long> members = null;
        List<String> items = null;
        if (text != null) {
            if (text.length() > MAX_TEXT) {
                return Page.empty("搜索内容不能超过" + MAX_TEXT + "个字：请只输入姓名、党员编号或项目名称中的几个字。");
            }
            if (Text.unmatchable(text)) {
                return Page.empty(null);
            }
            members = memberMatches.ids(text, searchedUnits(scope, filter.unitId()), MAX_MEMBERS + 1);
            if (members.size() > MAX_MEMBERS) {
                return Page.empty("“" + text + "”匹配的党员超过" + MAX_MEMBERS + "名：请输入更完整的姓名或党员编号，或先选择组织。");
            }
            items = items(text);
            if (members.isEmpty() && items.isEmpty()) {
                return Page.empty(null);
            }
        }
        EntryRows.Conditions conditions = new EntryRows.Conditions(scope, self, filter, members, items, query.reversed());
        long counted = EntryRows.count(jdbc, conditions, countCap).query(Long.class).single();
        long total = Math.min(counted, countCap);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, query.page()), pages);
        List<Long> ids = total == 0 ? List.of()
                : EntryRows.pageIds(jdbc, conditions, query.oldestFirst(), (long) (page - 1) * PAGE_SIZE, PAGE_SIZE).query(Long.class).list();
        return new Page(EntryRows.named(EntryRows.byIds(jdbc, ids), schemes, accounts), total, counted > countCap, page, pages, null);
    }

    /** The units whose members a search looks among: those in scope (null: all), within the filter's unit if one is chosen. */
    private List<Long> searchedUnits(List<Long> scope, Long unitId) {
        if (unitId == null) {
            return scope;
        }
        List<Long> subtree = units.subtree(unitId);
        if (scope == null) {
            return subtree;
        }
        Set<Long> seen = new HashSet<>(scope);
        return subtree.stream().filter(seen::contains).toList();
    }

    /**
     * The codes of the items, in every published scheme version (each parsed once and kept by {@link Schemes#scheme}),
     * whose code or name contains the text.
     */
    private List<String> items(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> codes = new LinkedHashSet<>();
        for (long version : schemes.versionIds()) {
            for (Item item : schemes.scheme(version).items()) {
                if (item.code().toLowerCase(Locale.ROOT).contains(lower) || item.name().contains(text)) {
                    codes.add(item.code());
                }
            }
        }
        return List.copyOf(codes);
    }
}
