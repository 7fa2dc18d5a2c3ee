package cn.vanguard.standings;

import java.util.List;

import cn.vanguard.scheme.MemberType;

/**
 * A page of stored standings: members of the given units (a unit's subtree, as the caller resolved it and may see), of
 * a cycle, optionally of one member type and matching a name or code, sorted, {@code size} a page.
 *
 * @param page 0-based
 */
public record StandingsQuery(int year, List<Long> unitIds, MemberType type, String text, Sort sort, int page, int size) {

    public StandingsQuery {
        unitIds = List.copyOf(unitIds);
        sort = sort == null ? Sort.RANK : sort;
        if (page < 0 || size < 1 || size > 1000) {
            throw new IllegalArgumentException("page " + page + ", size " + size);
        }
    }

    /** Orders a page can be sorted in; every order ends on the member's code, so that pages never overlap. */
    public enum Sort {
        /** scored members by rank, then the others. */
        RANK("s.scored desc, s.ranking, s.member_code"),
        TOTAL_DESCENDING("s.scored desc, s.total desc, s.member_code"),
        TOTAL_ASCENDING("s.scored desc, s.total, s.member_code"),
        /** scored members from the last rank up, then the others. */
        RANK_DESCENDING("s.scored desc, s.ranking desc, s.member_code"),
        CODE("s.member_code"),
        CODE_DESCENDING("s.member_code desc"),
        NAME("s.member_name, s.member_code"),
        NAME_DESCENDING("s.member_name desc, s.member_code"),
        /** by the branch (ranking unit) label stored with each standing: no join to the organisation's tables. */
        UNIT("s.ranking_unit_label, s.member_code"),
        UNIT_DESCENDING("s.ranking_unit_label desc, s.member_code");

        /** The order by a column's name ({@code rank, total, name, code, unit}) and direction, or null for an unknown column. */
        public static Sort of(String column, boolean descending) {
            return switch (column == null ? "rank" : column) {
                case "rank" -> descending ? RANK_DESCENDING : RANK;
                case "total" -> descending ? TOTAL_DESCENDING : TOTAL_ASCENDING;
                case "name" -> descending ? NAME_DESCENDING : NAME;
                case "code" -> descending ? CODE_DESCENDING : CODE;
                case "unit" -> descending ? UNIT_DESCENDING : UNIT;
                default -> null;
            };
        }

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        public String orderBy() {
            return orderBy;
        }
    }
}
