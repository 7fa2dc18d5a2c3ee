package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** One member's evaluation in progress: the numbers of scoring.md §3.4, then grade, rank, stars and warnings. */
final class Tally {

    final Member member;
    final Explanation explanation;
    final PreviousResult previous;
    String reason;

    BigDecimal[] sections;
    BigDecimal bonus = BigDecimal.ZERO;
    BigDecimal deductions = BigDecimal.ZERO;
    BigDecimal total;
    BigDecimal[] quantities;
    final List<Item> vetoes = new ArrayList<>();
    boolean fail;

    Integer rank;
    String grade;
    boolean graded;
    Integer stars;
    final List<String> flags = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    Tally(Member member, Explanation explanation, PreviousResult previous) {
        this.member = member;
        this.explanation = explanation;
        this.previous = previous;
    }

    boolean scored() {
        return reason == null;
    }

    BigDecimal quantity(int itemIndex) {
        BigDecimal q = quantities == null ? null : quantities[itemIndex];
        return q == null ? BigDecimal.ZERO : q;
    }
}
