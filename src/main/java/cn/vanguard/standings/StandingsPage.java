package cn.vanguard.standings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One page of standings, how many match in all, and the distribution of everybody who matches (not just the page).
 *
 * @param grades grade → how many members have it
 * @param stars  stars → how many members were awarded them
 */
public record StandingsPage(List<Standing> rows, long total, Summary summary) {

    /** These rows with the summary of everybody who matches (whose count is the total). */
    public StandingsPage withSummary(Summary summary) {
        return new StandingsPage(rows, summary.members(), summary);
    }

    /** The distribution summary of a query's members. */
    public record Summary(long members, long scored, BigDecimal average, BigDecimal highest, BigDecimal lowest,
                          Map<String, Long> grades, Map<Integer, Long> stars) {
    }
}
