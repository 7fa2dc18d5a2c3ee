package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A value the branch gives for the cycle (评定): a criterion's points, or the level of a LEVEL item.
 *
 * @param value the points of a CRITERION item; {@code null} for a LEVEL item
 * @param level the level of a LEVEL item; {@code null} for a CRITERION item
 */
public record Assessment(Item item, BigDecimal value, Level level, long ref) {
    public Assessment {
        Objects.requireNonNull(item);
        if ((value == null) == (level == null)) {
            throw new IllegalArgumentException("an assessment is a value or a level");
        }
    }

    public BigDecimal points() {
        return value != null ? value : level.points();
    }
}
