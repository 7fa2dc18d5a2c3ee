package cn.vanguard.cycle;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A member's line in a snapshot, as the engine gave it, with the entries that count in it although dated in an earlier
 * period (补记) and the member's answer, if they gave one.
 */
public record SnapshotLine(long memberId, String code, String name, String unitLabel, boolean scored, String reason,
                           BigDecimal total, Integer rank, String grade, Integer stars, BigDecimal bonus, BigDecimal deductions,
                           Map<String, BigDecimal> sections, List<String> vetoes, List<String> flags, List<String> warnings,
                           List<String> notes, Answer answer) {

    /** A member's answer to their own line. */
    public enum Answer {
        CONFIRMED("确认无误"),
        DISPUTED("有异议");

        private final String label;

        Answer(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
