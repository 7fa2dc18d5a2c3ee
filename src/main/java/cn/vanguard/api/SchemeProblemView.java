package cn.vanguard.api;

import cn.vanguard.scheme.file.SchemeProblem;

import io.swagger.v3.oas.annotations.media.Schema;

/** One problem of a rejected scheme file: where it is and what is wrong. */
@Schema(name = "SchemeProblem", description = "方案文件中的一个问题。One problem in a scheme file.")
public record SchemeProblemView(
        @Schema(description = "行号（从1开始；0 表示整个文件）。Line, from 1 (0: the whole file).", example = "23") int line,
        @Schema(description = "值在文件中的路径。Path of the value inside the file.", example = "sections[2].items[0].cap.window") String path,
        @Schema(description = "中文说明。The problem in Chinese.", example = "应为 MONTH、QUARTER、HALF、YEAR 之一") String message,
        @Schema(description = "英文说明。The problem in English.", example = "must be one of MONTH, QUARTER, HALF, YEAR") String messageEn) {

    static SchemeProblemView of(SchemeProblem problem) {
        return new SchemeProblemView(problem.line(), problem.path(), problem.chinese(), problem.message());
    }
}
