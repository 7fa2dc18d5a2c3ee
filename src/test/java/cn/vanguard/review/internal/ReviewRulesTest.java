package cn.vanguard.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStates;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.scheme.Evidence;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.ItemKind;
import cn.vanguard.scheme.Pool;
import cn.vanguard.security.CurrentUser;

/** The review's rules on their own: four eyes, the stage, the reason, the evidence and the original of a reversal. */
class ReviewRulesTest {

    private static final long RECORDER = 7;
    private static final long MEMBER = 42;

    private static LedgerEntry entry(EntryStatus status, int attachments, String witnesses) {
        return new LedgerEntry(1, MEMBER, "X00042", "王五", 3, "第一党支部", 9, "VOL", "志愿服务", LocalDate.of(2026, 3, 14),
                BigDecimal.ONE, null, null, null, witnesses, EntrySource.DECLARED, status, null, null, false, RECORDER, "李四", null,
                null, null, null, null, null, null, null, 1, attachments);
    }

    private static CurrentUser user(long account, Long member) {
        return new CurrentUser(account, "u" + account, "用户" + account, member, List.of());
    }

    @Test
    void nobodyReviewsWhatTheyRecordedOrWhatIsAboutThemselves() {
        LedgerEntry entry = entry(EntryStatus.PENDING, 0, null);

        assertThat(ReviewRules.otherEyes(user(8, null), entry)).isTrue();
        assertThat(ReviewRules.otherEyes(user(8, 43L), entry)).isTrue();
        assertThat(ReviewRules.otherEyes(user(RECORDER, null), entry)).isFalse();
        assertThat(ReviewRules.otherEyes(user(8, MEMBER), entry)).isFalse();

        assertThatCode(() -> ReviewRules.requireOtherEyes(user(8, 43L), entry, Step.APPROVE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ReviewRules.requireOtherEyes(user(RECORDER, null), entry, Step.APPROVE))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors())
                        .containsEntry("entry", "不能审核自己录入或申报的记录，须由他人审核"));
        assertThatThrownBy(() -> ReviewRules.requireOtherEyes(user(8, MEMBER), entry, Step.PASS_CHECK))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors())
                        .containsEntry("entry", "不能初审关于自己的积分记录，须由他人初审"));
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void aStepActsOnlyOnEntriesWaitingAtItsStage(Step step) {
        for (EntryStatus status : EntryStatus.values()) {
            LedgerEntry entry = entry(status, 0, null);
            if (status == step.from()) {
                assertThatCode(() -> ReviewRules.requireStage(entry, step)).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> ReviewRules.requireStage(entry, step)).isInstanceOf(Conflict.class)
                        .hasMessage("该记录当前状态为“" + status.label() + "”，不能" + step.verb());
            }
        }
    }

    @Test
    void aRejectionSaysWhyInAtMostTwoHundredCharacters() {
        assertThatCode(() -> ReviewRules.requireReason("材料不实")).doesNotThrowAnyException();
        assertThatCode(() -> ReviewRules.requireReason("理".repeat(200))).doesNotThrowAnyException();
        for (String missing : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> ReviewRules.requireReason(missing))
                    .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors()).containsEntry("reason", "驳回时请填写理由"));
        }
        assertThatThrownBy(() -> ReviewRules.requireReason("理".repeat(201)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors()).containsKey("reason"));
    }

    @Test
    void anEntryComesIntoForceOnlyWithTheProofItsItemAsks() {
        Item materials = new Item("VOL", "志愿服务", ItemKind.PER_UNIT, Pool.BONUS, null, BigDecimal.ONE, null, null, null, null, null,
                null, null, null, null, null, Evidence.MATERIALS, null, null);

        assertThatThrownBy(() -> ReviewRules.requireEvidence(new EntryStates.Decidable(entry(EntryStatus.PENDING, 0, null), materials)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors())
                        .containsEntry("evidence", "“志愿服务”需要上传证明材料（照片或PDF），补充后再审核通过"));
        assertThatCode(() -> ReviewRules.requireEvidence(new EntryStates.Decidable(entry(EntryStatus.PENDING, 1, null), materials)))
                .doesNotThrowAnyException();
        // an item the scheme version no longer has asks for nothing
        assertThatCode(() -> ReviewRules.requireEvidence(new EntryStates.Decidable(entry(EntryStatus.PENDING, 0, null), null)))
                .doesNotThrowAnyException();
    }

    @Test
    void aReversalComesIntoForceOnlyOverAnOriginalInForceAndNotYetReversed() {
        assertThatCode(() -> ReviewRules.requireOriginalInForce(new EntryStates.Original(1, EntryStatus.APPROVED, false)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ReviewRules.requireOriginalInForce(new EntryStates.Original(1, EntryStatus.REJECTED, false)))
                .isInstanceOf(Conflict.class).hasMessage("被冲销的记录已不是“已生效”状态");
        assertThatThrownBy(() -> ReviewRules.requireOriginalInForce(new EntryStates.Original(1, EntryStatus.APPROVED, true)))
                .isInstanceOf(Conflict.class).hasMessage("该记录已被冲销过");
    }
}
