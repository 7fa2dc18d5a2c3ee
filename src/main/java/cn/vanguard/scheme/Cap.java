package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.Objects;

/** At most {@code points} from one item per calendar window; for deductions it bounds the magnitude. */
public record Cap(BigDecimal points, Window window) {
    public Cap {
        Objects.requireNonNull(points);
        Objects.requireNonNull(window);
        if (points.signum() <= 0) {
            throw new IllegalArgumentException("cap must be positive: " + points);
        }
    }
}
