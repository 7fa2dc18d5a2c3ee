package cn.vanguard.scheme;

import java.math.BigDecimal;

/**
 * The target of an ATTAINMENT section: {@code perMonth} points times the months of the span
 * (每月得15分为满分), or the member's quantity of {@code expectedItem} (the meetings held).
 */
public record Attainment(BigDecimal perMonth, String expectedItem) {
    public Attainment {
        if ((perMonth == null) == (expectedItem == null)) {
            throw new IllegalArgumentException("an attainment target is either per month or an expected item");
        }
    }
}
