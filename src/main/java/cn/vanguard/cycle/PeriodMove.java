package cn.vanguard.cycle;

import java.time.Instant;

/** One move of a period in its history: from, to, who (系统 when a window ended) and why. */
public record PeriodMove(PeriodStatus from, PeriodStatus to, String actor, String reason, Instant at) {
}
