package cn.vanguard.api;

import java.time.Instant;
import java.util.List;

import cn.vanguard.cycle.Objection;
import cn.vanguard.cycle.ObjectionFile;
import io.swagger.v3.oas.annotations.media.Schema;

/** An objection; the objector is named only to those over the unit. */
@Schema(name = "Objection", description = "异议。提出人仅支部书记和上级可见。An objection; the objector is named only to those over the unit.")
public record ObjectionView(long id, long periodId, long snapshotId, long memberId, Long entryId, String objector, String text,
                            String claimedValue,
                            @Schema(description = "OPEN 待答复, UPHELD 成立, NOT_UPHELD 不成立") String status, Instant filedAt,
                            String answer, Instant answeredAt, int version,
                            @Schema(description = "证明材料（照片或PDF）：GET /api/v1/objection-files/{id} 下载。Evidence files.")
                            List<FileView> files) {

    @Schema(name = "ObjectionFile", description = "异议的一个证明材料。An evidence file of an objection.")
    public record FileView(long id, String filename, String contentType, long size, Instant uploadedAt) {
    }

    static ObjectionView of(Objection o, List<ObjectionFile> files) {
        return new ObjectionView(o.id(), o.periodId(), o.snapshotId(), o.memberId(), o.entryId(), o.objector(), o.text(),
                Numbers.plain(o.claimedValue()), o.status().name(), o.filedAt(), o.answer(), o.answeredAt(), o.version(),
                files == null ? List.of() : files.stream().map(f -> new FileView(f.id(), f.filename(), f.contentType(), f.size(),
                        f.uploadedAt())).toList());
    }
}
