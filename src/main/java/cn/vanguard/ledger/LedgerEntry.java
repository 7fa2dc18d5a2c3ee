package cn.vanguard.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An entry of the ledger as pages and the API show it.
 *
 * @param unitId      the unit the member belongs to now, whose roles decide about the entry (not the unit it was
 *                    recorded in: a transfer hands the member's entries to the new unit)
 * @param reversesId  the entry this one reverses (冲销), or null
 * @param reversedBy  the reversal of this entry that is not rejected, or null
 * @param reversed    whether an approved reversal cancels this entry (已冲销: it no longer counts)
 */
public record LedgerEntry(long id, long memberId, String memberCode, String memberName, long unitId, String unitName,
                          long schemeVersionId, String itemCode, String itemName, LocalDate date, BigDecimal quantity,
                          BigDecimal points, String occurrence, String note, String witnesses, EntrySource source,
                          EntryStatus status, Long reversesId, Long reversedBy, boolean reversed, long recordedBy, String recordedByName,
                          OffsetDateTime recordedAt, Long checkedBy, String checkedByName, OffsetDateTime checkedAt,
                          Long decidedBy, String decidedByName, OffsetDateTime decidedAt, String rejectReason, int version,
                          int attachments) {

    /** The same entry with the item's name as its scheme version calls it. */
    public LedgerEntry withItemName(String name) {
        return new LedgerEntry(id, memberId, memberCode, memberName, unitId, unitName, schemeVersionId, itemCode, name, date, quantity,
                points, occurrence, note, witnesses, source, status, reversesId, reversedBy, reversed, recordedBy, recordedByName, recordedAt,
                checkedBy, checkedByName, checkedAt, decidedBy, decidedByName, decidedAt, rejectReason, version, attachments);
    }

    /** The same entry with the names of the accounts that recorded, checked and decided it, looked up in {@code names}. */
    public LedgerEntry withAccountNames(Map<Long, String> names) {
        return new LedgerEntry(id, memberId, memberCode, memberName, unitId, unitName, schemeVersionId, itemCode, itemName, date, quantity,
                points, occurrence, note, witnesses, source, status, reversesId, reversedBy, reversed, recordedBy, names.get(recordedBy), recordedAt,
                checkedBy, checkedBy == null ? null : names.get(checkedBy), checkedAt, decidedBy,
                decidedBy == null ? null : names.get(decidedBy), decidedAt, rejectReason, version, attachments);
    }

    /**
     * The entry once its status moved to {@code to}: leaving a first check stamps the checker, a decision (生效 or
     * 驳回) the decider, a rejection its reason; the change counts on the version it was made at. {@link EntryStates#move}
     * writes the same.
     */
    LedgerEntry moved(EntryStatus to, int changedVersion, long by, String byName, OffsetDateTime at, String reason) {
        boolean checks = status == EntryStatus.FIRST_CHECK;
        boolean decides = to == EntryStatus.APPROVED || to == EntryStatus.REJECTED;
        return new LedgerEntry(id, memberId, memberCode, memberName, unitId, unitName, schemeVersionId, itemCode, itemName, date, quantity,
                points, occurrence, note, witnesses, source, to, reversesId, reversedBy, reversed, recordedBy, recordedByName, recordedAt,
                checks ? Long.valueOf(by) : checkedBy, checks ? byName : checkedByName, checks ? at : checkedAt,
                decides ? Long.valueOf(by) : decidedBy, decides ? byName : decidedByName, decides ? at : decidedAt,
                to == EntryStatus.REJECTED ? reason : rejectReason, changedVersion + 1, attachments);
    }

    /**
     * Where the entry truly stands, as every page shows it (the badge of {@code fragments/ui :: entryState}): its
     * status, except that an approved entry an approved reversal cancels is {@code REVERSED} (已冲销).
     */
    public String state() {
        return status == EntryStatus.APPROVED && reversed ? "REVERSED" : status.name();
    }

    /** The fields the audit log keeps of an entry, before and after a change. */
    public Map<String, Object> auditFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("member", memberCode);
        fields.put("item", itemCode);
        fields.put("date", date);
        fields.put("quantity", quantity.toPlainString());
        fields.put("points", points == null ? null : points.toPlainString());
        fields.put("occurrence", occurrence);
        fields.put("note", note);
        fields.put("status", status);
        fields.put("reverses", reversesId);
        return fields;
    }
}
