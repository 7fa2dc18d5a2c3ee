package cn.vanguard.sheet;

/**
 * A problem in an input file, found at a line (0 when it concerns the whole file), in English and Chinese.
 * Rendered {@code entries.csv:14: item "ACT_MEETNG" is not in scheme city-direct-organs (did you mean ACT_MEETING?)}.
 */
public record FileProblem(String file, int line, String message, String chinese) {

    /** As a page shows it beside the one file uploaded: {@code 第 3 行：单元格超过 2000 个字符的上限（B 列）}. */
    public String onPage() {
        return (line > 0 ? "第 " + line + " 行：" : "") + chinese;
    }

    public String render(boolean inChinese) {
        return file + (line > 0 ? ":" + line : "") + ": " + (inChinese ? chinese : message);
    }
}
