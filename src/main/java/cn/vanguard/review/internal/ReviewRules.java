package cn.vanguard.review.internal;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.Text;
import cn.vanguard.ledger.EntryStates;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.EvidenceRule;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.security.CurrentUser;

/** The review's rules, each a small function that refuses in words a secretary understands. */
public final class ReviewRules {

    private ReviewRules() {
    }

    /** Four eyes: nobody checks or approves an entry they recorded or declared, or one about themselves. */
    public static void requireOtherEyes(CurrentUser user, LedgerEntry entry, Step step) {
        if (entry.recordedBy() == user.accountId()) {
            throw Invalid.of("entry", "不能" + step.eyes() + "自己录入或申报的记录，须由他人" + step.eyes());
        }
        if (aboutThemselves(user, entry)) {
            throw Invalid.of("entry", "不能" + step.eyes() + "关于自己的积分记录，须由他人" + step.eyes());
        }
    }

    public static boolean otherEyes(CurrentUser user, LedgerEntry entry) {
        return entry.recordedBy() != user.accountId() && !aboutThemselves(user, entry);
    }

    private static boolean aboutThemselves(CurrentUser user, LedgerEntry entry) {
        return user.memberId() != null && user.memberId() == entry.memberId();
    }

    /**
     * A step acts on entries waiting at its stage (a first check on 待初审, an approval or rejection on 待审核); the
     * ledger's move repeats the stage, so that of two reviewers at once only one moves the entry.
     */
    public static void requireStage(LedgerEntry entry, Step step) {
        if (entry.status() != step.from() || !step.from().canMoveTo(step.to())) {
            throw new Conflict("该记录当前状态为“" + entry.status().label() + "”，不能" + step.verb());
        }
    }

    /** A rejection says why, in at most 200 characters. */
    public static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Invalid.of("reason", "驳回时请填写理由");
        }
        Text.require("reason", "驳回理由", reason, 200, true);
    }

    /** The evidence the entry's item asks for is there before it comes into force (the scheme's rule, as at declaring). */
    public static void requireEvidence(EntryStates.Decidable read) {
        String problem = read.item() == null ? null
                : EvidenceRule.problem(read.item(), read.entry().attachments(), read.entry().witnesses());
        if (problem != null) {
            throw Invalid.of("evidence", problem + "，补充后再审核通过");
        }
    }

    /** A reversal comes into force only while its original does, and an original is reversed once. */
    public static void requireOriginalInForce(EntryStates.Original original) {
        if (original.status() != EntryStatus.APPROVED) {
            throw new Conflict("被冲销的记录已不是“已生效”状态");
        }
        if (original.reversed()) {
            throw new Conflict("该记录已被冲销过");
        }
    }
}
