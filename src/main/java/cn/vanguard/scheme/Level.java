package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.Objects;

/** One level of a LEVEL item: 称职 → 25. {@code code} is an optional ASCII alias for files. */
public record Level(String code, String label, BigDecimal points) {
    public Level {
        Objects.requireNonNull(label);
        Objects.requireNonNull(points);
    }

    public boolean matches(String text) {
        return label.equals(text) || (code != null && code.equalsIgnoreCase(text));
    }
}
