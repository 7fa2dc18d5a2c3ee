package cn.vanguard.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An entry of the ledger as pages and the API show it.
 *
 * @param unitId      the unit the member belongs to now, whose roles decide about the entry (not the unit it was
 *                    recorded in: a transfer hands the member's entries to the new unit)
 * @param reversesId  the entry this one reverses (冲销), or null
 * @param reversedBy  the reversal of this entry that is not rejected, or null
 */
public record LedgerEntry(long id, long memberId, String memberCode, String memberName, long unitId, String unitName,
                          long schemeVersionId, String itemCode, String itemName, LocalDate date, BigDecimal quantity,
                          BigDecimal points, String occurrence, String note, String witnesses, EntrySource source,
                          EntryStatus status, Long reversesId, Long reversedBy, long recordedBy, String recordedByName,
                          OffsetDateTime recordedAt, Long checkedBy, String checkedByName, OffsetDateTime checkedAt,
                          Long decidedBy, String decidedByName, OffsetDateTime decidedAt, String rejectReason, int version,
                          int attachments) {

    /** The same entry with the item's name as its scheme version calls it. */
    LedgerEntry withItemName(String name) {
        return new LedgerEntry(id, memberId, memberCode, memberName, unitId, unitName, schemeVersionId, itemCode, name, date, quantity,
                points, occurrence, note, witnesses, source, status, reversesId, reversedBy, recordedBy, recordedByName, recordedAt,
                checkedBy, checkedByName, checkedAt, decidedBy, decidedByName, decidedAt, rejectReason, version, attachments);
    }
}
