package cn.vanguard.ledger.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;

/** The fields of a ledger entry that its chain links cover, read as the database returns them. */
record ChainRow(long id, long unitId, long memberId, long schemeVersionId, String itemCode, LocalDate date, BigDecimal quantity,
                BigDecimal points, String occurrence, String note, String witnesses, String source, String status, Long reversesId,
                long recordedBy, OffsetDateTime recordedAt, Long checkedBy, OffsetDateTime checkedAt, Long decidedBy,
                OffsetDateTime decidedAt, String rejectReason) {

    /** The columns {@link #read} expects, of {@code ledger_entry e}. */
    static final String COLUMNS = "e.id, e.unit_id, e.member_id, e.scheme_version_id, e.item_code, e.entry_date, e.quantity, e.points, "
            + "e.occurrence, e.note, e.witnesses, e.source, e.status, e.reverses_id, e.recorded_by, e.recorded_at, e.checked_by, "
            + "e.checked_at, e.decided_by, e.decided_at, e.reject_reason";

    static ChainRow read(ResultSet rs) throws SQLException {
        return new ChainRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getLong("member_id"), rs.getLong("scheme_version_id"),
                rs.getString("item_code"), rs.getObject("entry_date", LocalDate.class), rs.getBigDecimal("quantity"),
                rs.getBigDecimal("points"), rs.getString("occurrence"), rs.getString("note"), rs.getString("witnesses"),
                rs.getString("source"), rs.getString("status"), rs.getObject("reverses_id", Long.class), rs.getLong("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class), rs.getObject("checked_by", Long.class),
                rs.getObject("checked_at", OffsetDateTime.class), rs.getObject("decided_by", Long.class),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("reject_reason"));
    }

    /** The status an entry starts in: a member's declaration is checked first (待初审), every other entry is 待审核. */
    EntryStatus initialStatus() {
        return EntrySource.DECLARED.name().equals(source) ? EntryStatus.FIRST_CHECK : EntryStatus.PENDING;
    }

    EntryStatus currentStatus() {
        return EntryStatus.valueOf(status);
    }
}
