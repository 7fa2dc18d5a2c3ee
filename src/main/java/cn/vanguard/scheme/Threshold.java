package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.Objects;

/** A criterion earned in full when the member's quantity of {@code item} in the span reaches {@code atLeast}. */
public record Threshold(String item, BigDecimal atLeast) {
    public Threshold {
        Objects.requireNonNull(item);
        Objects.requireNonNull(atLeast);
    }
}
