package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.Objects;

/** The share of the population a star level admits: 5★ 10%. */
public record StarQuota(int stars, BigDecimal percent) {
    public StarQuota {
        Objects.requireNonNull(percent);
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("stars are 1 to 5");
        }
    }
}
