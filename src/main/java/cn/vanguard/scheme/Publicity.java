package cn.vanguard.scheme;

/**
 * How results are published for objections (公示): for {@code days} days, counted as working days or calendar days,
 * and whether publicity follows the higher review (上级审核后公示) or the secretary's sign-off.
 */
public record Publicity(int days, boolean workingDays, boolean afterHigherReview) {
    public Publicity {
        if (days <= 0) {
            throw new IllegalArgumentException("publicity lasts at least one day");
        }
    }
}
