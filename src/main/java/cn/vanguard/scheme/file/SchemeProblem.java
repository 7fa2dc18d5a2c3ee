package cn.vanguard.scheme.file;

/**
 * A problem in a scheme file: the line, the path of the value inside the document
 * ({@code sections[2].items[0].cap.window}) and what is wrong, in English and Chinese.
 */
public record SchemeProblem(int line, String path, String message, String chinese) {

    /** {@code scheme.yaml:23: sections[2].items[0].cap.window: must be one of MONTH, QUARTER, HALF, YEAR}. */
    public String render(String file, boolean inChinese) {
        return file + ":" + line + ": " + (path.isEmpty() ? "" : path + ": ") + (inChinese ? chinese : message);
    }
}
