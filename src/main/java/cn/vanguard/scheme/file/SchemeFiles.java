package cn.vanguard.scheme.file;

import java.util.List;

import cn.vanguard.scheme.Scheme;

/** Reads scheme files (docs/scheme-format.md). */
public final class SchemeFiles {

    private SchemeFiles() {
    }

    /** Characters a scheme file may have: about forty times the largest preset. */
    public static final int MAX_CHARACTERS = 500_000;

    /**
     * Reads and checks a scheme file's text; never throws for a problem in the text. A text past the limits (its length,
     * aliases of lists or mappings, nesting) is refused with a problem that names the limit, before it is expanded.
     */
    public static SchemeLoad read(String text) {
        Problems problems = new Problems();
        if (text.length() > MAX_CHARACTERS && text.codePointCount(0, text.length()) > MAX_CHARACTERS) {
            tooLong(problems);
            return new SchemeLoad(null, problems.sorted());
        }
        Yaml.Value root = Yaml.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, problems);
        Scheme scheme = root == null ? null : SchemeReader.read(root, problems);
        if (!problems.isEmpty()) {
            return new SchemeLoad(null, problems.sorted());
        }
        return new SchemeLoad(scheme, List.of());
    }

    static void tooLong(Problems problems) {
        problems.add(1, "", "is longer than " + MAX_CHARACTERS + " characters, the limit",
                "方案文件超过 " + MAX_CHARACTERS + " 个字符的上限");
    }
}
