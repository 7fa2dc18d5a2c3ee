package cn.vanguard.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every move of a period, legal and illegal, under both orders of publicity and higher review (cycle.md §1). */
class PeriodStatusTest {

    private static final Map<PeriodStatus, Set<PeriodStatus>> PUBLICITY_FIRST = Map.of(
            PeriodStatus.OPEN, EnumSet.of(PeriodStatus.CLOSED),
            PeriodStatus.CLOSED, EnumSet.of(PeriodStatus.SIGNED),
            PeriodStatus.SIGNED, EnumSet.of(PeriodStatus.PUBLISHED),
            PeriodStatus.PUBLISHED, EnumSet.of(PeriodStatus.SUBMITTED, PeriodStatus.PUBLISHED),
            PeriodStatus.SUBMITTED, EnumSet.of(PeriodStatus.APPROVED, PeriodStatus.RETURNED),
            PeriodStatus.APPROVED, EnumSet.noneOf(PeriodStatus.class),
            PeriodStatus.RETURNED, EnumSet.of(PeriodStatus.CLOSED),
            PeriodStatus.FINAL, EnumSet.noneOf(PeriodStatus.class));

    private static final Map<PeriodStatus, Set<PeriodStatus>> REVIEW_FIRST = Map.of(
            PeriodStatus.OPEN, EnumSet.of(PeriodStatus.CLOSED),
            PeriodStatus.CLOSED, EnumSet.of(PeriodStatus.SIGNED),
            PeriodStatus.SIGNED, EnumSet.of(PeriodStatus.SUBMITTED),
            PeriodStatus.SUBMITTED, EnumSet.of(PeriodStatus.APPROVED, PeriodStatus.RETURNED),
            PeriodStatus.APPROVED, EnumSet.of(PeriodStatus.PUBLISHED),
            PeriodStatus.PUBLISHED, EnumSet.of(PeriodStatus.FINAL, PeriodStatus.SUBMITTED),
            PeriodStatus.RETURNED, EnumSet.of(PeriodStatus.CLOSED),
            PeriodStatus.FINAL, EnumSet.noneOf(PeriodStatus.class));

    @ParameterizedTest(name = "review first: {0}")
    @ValueSource(booleans = {false, true})
    void everyPairOfStatesIsLegalExactlyWhenTheOrderSaysSo(boolean reviewFirst) {
        Map<PeriodStatus, Set<PeriodStatus>> table = reviewFirst ? REVIEW_FIRST : PUBLICITY_FIRST;
        for (PeriodStatus from : PeriodStatus.values()) {
            for (PeriodStatus to : PeriodStatus.values()) {
                boolean legal = table.get(from).contains(to);
                assertThat(from.canMoveTo(to, reviewFirst)).as(from + " → " + to).isEqualTo(legal);
                if (legal) {
                    assertThat(from.moveTo(to, reviewFirst)).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.moveTo(to, reviewFirst)).isInstanceOf(IllegalStateException.class);
                }
            }
        }
    }

    @ParameterizedTest(name = "review first: {0}")
    @ValueSource(booleans = {false, true})
    void onlyTheLastStateOfAnOrderIsSettledAndOnlyOpenAndReturnedPeriodsCountNewEntries(boolean reviewFirst) {
        for (PeriodStatus s : PeriodStatus.values()) {
            assertThat(s.settled(reviewFirst)).as(s.name()).isEqualTo(s == (reviewFirst ? PeriodStatus.FINAL : PeriodStatus.APPROVED));
            assertThat(s.counting()).as(s.name()).isEqualTo(s == PeriodStatus.OPEN || s == PeriodStatus.RETURNED);
            assertThat(s.successors(reviewFirst)).doesNotContain(PeriodStatus.OPEN);
        }
    }
}
