package cn.vanguard.scheme;

import java.math.BigDecimal;

/** A member's result of the previous cycle, for "two cycles in a row" warnings; {@code total} is null if not scored. */
public record PreviousResult(BigDecimal total) {
}
