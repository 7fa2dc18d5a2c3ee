package cn.vanguard.review.internal;

import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.security.Permission;

/**
 * The four decisions of the review, each from one status to another by one permission.
 *
 * @param eyes the verb of the four-eyes refusal (不能初审 / 不能审核 …)
 * @param verb the verb of the refusal when the entry stands elsewhere (不能初审 / 不能审核通过 / 不能驳回)
 */
public enum Step {
    PASS_CHECK(EntryStatus.FIRST_CHECK, EntryStatus.PENDING, Permission.FIRST_CHECK, "初审", "初审"),
    REJECT_AT_CHECK(EntryStatus.FIRST_CHECK, EntryStatus.REJECTED, Permission.FIRST_CHECK, "初审", "初审"),
    APPROVE(EntryStatus.PENDING, EntryStatus.APPROVED, Permission.APPROVE_ENTRIES, "审核", "审核通过"),
    REJECT(EntryStatus.PENDING, EntryStatus.REJECTED, Permission.APPROVE_ENTRIES, "审核", "驳回");

    private final EntryStatus from;
    private final EntryStatus to;
    private final Permission permission;
    private final String eyes;
    private final String verb;

    Step(EntryStatus from, EntryStatus to, Permission permission, String eyes, String verb) {
        this.from = from;
        this.to = to;
        this.permission = permission;
        this.eyes = eyes;
        this.verb = verb;
    }

    public EntryStatus from() {
        return from;
    }

    public EntryStatus to() {
        return to;
    }

    public Permission permission() {
        return permission;
    }

    public String eyes() {
        return eyes;
    }

    public String verb() {
        return verb;
    }

    /** A rejection at whichever stage the entry waits: its first check, or approval (and anything else, refused there). */
    public static Step rejectAt(EntryStatus status) {
        return status == EntryStatus.FIRST_CHECK ? REJECT_AT_CHECK : REJECT;
    }
}
