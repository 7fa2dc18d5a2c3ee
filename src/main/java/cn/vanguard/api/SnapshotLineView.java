package cn.vanguard.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.vanguard.cycle.SnapshotLine;
import io.swagger.v3.oas.annotations.media.Schema;

/** A member's line of a snapshot; decimals as strings. */
@Schema(name = "SnapshotLine", description = "快照中一名党员的结果。A member's line of a snapshot.")
public record SnapshotLineView(long memberId, String code, String name, String unit, boolean scored, String reason,
                               @Schema(example = "87.50") String total, Integer rank, String grade, Integer stars, String bonus,
                               String deductions, Map<String, String> sections, List<String> vetoes, List<String> flags,
                               List<String> warnings,
                               @Schema(description = "补记等说明。Notes, such as entries counted late.") List<String> notes,
                               @Schema(description = "本人答复：CONFIRMED 确认无误, DISPUTED 有异议；未答复为 null。") String answer) {

    static SnapshotLineView of(SnapshotLine l) {
        Map<String, String> sections = l.sections().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> Numbers.score(e.getValue()), (a, b) -> a, java.util.LinkedHashMap::new));
        return new SnapshotLineView(l.memberId(), l.code(), l.name(), l.unitLabel(), l.scored(), l.reason(), Numbers.score(l.total()),
                l.rank(), l.grade(), l.stars(), Numbers.score(l.bonus()), Numbers.score(l.deductions()), sections, l.vetoes(), l.flags(),
                l.warnings(), l.notes(), l.answer() == null ? null : l.answer().name());
    }
}
