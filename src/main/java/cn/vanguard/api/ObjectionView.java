package cn.vanguard.api;

import java.time.Instant;

import cn.vanguard.cycle.Objection;
import io.swagger.v3.oas.annotations.media.Schema;

/** An objection; the objector is named only to those over the unit. */
@Schema(name = "Objection", description = "异议。提出人仅支部书记和上级可见。An objection; the objector is named only to those over the unit.")
public record ObjectionView(long id, long periodId, long snapshotId, long memberId, Long entryId, String objector, String text,
                            String claimedValue,
                            @Schema(description = "OPEN 待答复, UPHELD 成立, NOT_UPHELD 不成立") String status, Instant filedAt,
                            String answer, Instant answeredAt, int version) {

    static ObjectionView of(Objection o) {
        return new ObjectionView(o.id(), o.periodId(), o.snapshotId(), o.memberId(), o.entryId(), o.objector(), o.text(),
                Numbers.plain(o.claimedValue()), o.status().name(), o.filedAt(), o.answer(), o.answeredAt(), o.version());
    }
}
