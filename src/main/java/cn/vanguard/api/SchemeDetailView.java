package cn.vanguard.api;

import java.util.List;

import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.ItemKind;
import cn.vanguard.scheme.Section;

import io.swagger.v3.oas.annotations.media.Schema;

/** A published scheme version with its sections, its items (the codes entries use) and its file. */
@Schema(name = "SchemeDetail", description = "方案版本及其板块、积分项目和方案文件（YAML）。A scheme version with its sections, "
        + "items and file (YAML).")
public record SchemeDetailView(
        SchemeView version,
        @Schema(description = "积分板块。Sections.") List<SectionInfo> sections,
        @Schema(description = "积分项目；录入积分记录时使用其 code。Items; entries name them by code.") List<ItemInfo> items,
        @Schema(description = "方案文件（YAML）。The scheme file (YAML).") String yaml) {

    /** A section and its maximum. */
    @Schema(name = "SchemeSection", description = "积分板块。A section.")
    public record SectionInfo(
            @Schema(example = "ORG") String code,
            @Schema(example = "组织生活") String name,
            @Schema(description = "上限，无上限为 null。Maximum; null when uncapped.", example = "30") String max) {
    }

    /** An item: what an entry names, what it is worth and what evidence it needs. */
    @Schema(name = "SchemeItem", description = "积分项目。An item.")
    public record ItemInfo(
            @Schema(example = "ACT_MEETING") String code,
            @Schema(example = "参加支部党员大会") String name,
            @Schema(description = "项目类型。Kind of item.") ItemKind kind,
            @Schema(description = "所属板块。Section code.", example = "ORG") String section,
            @Schema(description = "每单位分值（按次计分的项目）。Points per unit.", example = "1") String points,
            @Schema(description = "分值下限（酌情计分的项目）。Minimum points.") String min,
            @Schema(description = "分值上限。Maximum points.") String max,
            @Schema(description = "计量单位。Unit of quantity.", example = "次") String unit,
            @Schema(description = "审核通过前需要的证明。Evidence needed before approval.", example = "需提供证明材料") String evidence) {
    }

    static SchemeDetailView of(PublishedScheme s) {
        List<SectionInfo> sections = s.scheme().sections().stream().map(SchemeDetailView::section).toList();
        List<ItemInfo> items = s.scheme().items().stream().map(SchemeDetailView::item).toList();
        return new SchemeDetailView(SchemeView.of(s), sections, items, s.yaml());
    }

    private static SectionInfo section(Section section) {
        return new SectionInfo(section.code(), section.name(), Numbers.plain(section.max()));
    }

    private static ItemInfo item(Item item) {
        return new ItemInfo(item.code(), item.name(), item.kind(), item.section(), Numbers.plain(item.points()),
                Numbers.plain(item.min()), Numbers.plain(item.max()), item.unit(), item.evidence().label());
    }
}
