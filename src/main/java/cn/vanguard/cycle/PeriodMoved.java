package cn.vanguard.cycle;

/** A period moved from one state to another (published for the notifications and anybody else who follows the cycle). */
public record PeriodMoved(long periodId, long unitId, String label, PeriodStatus from, PeriodStatus to) {
}
