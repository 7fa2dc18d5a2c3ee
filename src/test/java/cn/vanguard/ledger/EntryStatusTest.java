package cn.vanguard.ledger;

import static cn.vanguard.ledger.EntryStatus.APPROVED;
import static cn.vanguard.ledger.EntryStatus.FIRST_CHECK;
import static cn.vanguard.ledger.EntryStatus.PENDING;
import static cn.vanguard.ledger.EntryStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The review's only ways forward, each status against every other. */
class EntryStatusTest {

    private static final Map<EntryStatus, Set<EntryStatus>> ALLOWED = Map.of(
            FIRST_CHECK, EnumSet.of(PENDING, REJECTED),
            PENDING, EnumSet.of(APPROVED, REJECTED),
            APPROVED, EnumSet.noneOf(EntryStatus.class),
            REJECTED, EnumSet.noneOf(EntryStatus.class));

    @Test
    void aDeclarationIsCheckedFirstAnEntryUnderReviewIsDecidedAndADecisionIsFinal() {
        for (EntryStatus from : EntryStatus.values()) {
            for (EntryStatus to : EntryStatus.values()) {
                assertThat(from.canMoveTo(to)).as("%s → %s", from, to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void aMoveTheStatusForbidsThrowsAndAnAllowedOneArrives() {
        for (EntryStatus from : EntryStatus.values()) {
            for (EntryStatus to : EntryStatus.values()) {
                if (ALLOWED.get(from).contains(to)) {
                    assertThat(from.moveTo(to)).as("%s → %s", from, to).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.moveTo(to)).as("%s → %s", from, to).isInstanceOf(IllegalStateException.class);
                }
            }
        }
    }

    @Test
    void onlyEntriesUnderReviewAreOpen() {
        assertThat(EnumSet.allOf(EntryStatus.class).stream().filter(EntryStatus::open)).containsExactlyInAnyOrder(FIRST_CHECK, PENDING);
    }
}
