package cn.vanguard.scheme.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.vanguard.sheet.HostileFiles;

/** Each bound of a scheme file: a file at the bound loads, one past it is refused with a problem naming the bound. */
class SchemeFileLimitsTest {

    private static String only(SchemeLoad load) {
        assertThat(load.ok()).isFalse();
        assertThat(load.problems()).hasSize(1);
        assertThat(load.problems().get(0).line()).isEqualTo(1);
        return load.problems().get(0).chinese();
    }

    @Test
    void aSchemeOfExactlyTheMostCharactersLoadsAndOneMoreIsRefused() {
        String preset = Presets.text("city-direct-organs").orElseThrow();
        String padded = preset + "\n#" + "长".repeat(SchemeFiles.MAX_CHARACTERS - preset.length() - 2);
        assertThat(padded.codePointCount(0, padded.length())).isEqualTo(SchemeFiles.MAX_CHARACTERS);
        assertThat(SchemeFiles.read(padded).ok()).isTrue();
        assertThat(only(SchemeFiles.read(padded + "长"))).isEqualTo("方案文件超过 500000 个字符的上限");
    }

    @Test
    void aliasesOfListsOrMappingsPastTheLimitAreRefusedBeforeAnythingIsExpanded() {
        assertThat(only(SchemeFiles.read(HostileFiles.billionLaughs(9)))).isEqualTo("引用（*别名）列表或键值对超过 20 处的上限：请把内容直接写出来");
        assertThat(SchemeFiles.read(HostileFiles.billionLaughs(2)).problems()).as("18 aliases are read, then checked as a scheme")
                .isNotEmpty().noneMatch(p -> p.chinese().contains("别名"));
    }

    @Test
    void nestingPastTheLimitIsRefused() {
        assertThat(only(SchemeFiles.read(HostileFiles.deeplyNested(5_000)))).isEqualTo("列表和键值对的嵌套超过 30 层的上限");
        assertThat(SchemeFiles.read(HostileFiles.deeplyNested(20)).problems()).noneMatch(p -> p.chinese().contains("嵌套"));
    }
}
