package cn.vanguard.cycle;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An objection (异议, cycle.md §4) to a member's line of a snapshot, or to one entry behind it, with the value the objector
 * believes right, and the secretary's answer. The objector is named only to those over the unit ({@code objector} is
 * null for anybody else).
 */
public record Objection(long id, long periodId, long snapshotId, long memberId, Long entryId, Long objectorMemberId, String objector,
                        String text, BigDecimal claimedValue, Status status, Instant filedAt, String answer, Instant answeredAt,
                        int version) {

    /** Where an objection stands. */
    public enum Status {
        OPEN("待答复"),
        UPHELD("成立"),
        NOT_UPHELD("不成立");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The same objection without the objector's name (for those who may not see it). */
    public Objection anonymous() {
        return new Objection(id, periodId, snapshotId, memberId, entryId, null, null, text, claimedValue, status, filedAt, answer,
                answeredAt, version);
    }
}
