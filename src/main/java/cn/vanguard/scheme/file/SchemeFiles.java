package cn.vanguard.scheme.file;

import java.util.List;

import cn.vanguard.scheme.Scheme;

/** Reads scheme files (docs/scheme-format.md). */
public final class SchemeFiles {

    private SchemeFiles() {
    }

    /** Reads and checks a scheme file's text; never throws for a problem in the text. */
    public static SchemeLoad read(String text) {
        Problems problems = new Problems();
        Yaml.Value root = Yaml.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, problems);
        Scheme scheme = root == null ? null : SchemeReader.read(root, problems);
        if (!problems.isEmpty()) {
            return new SchemeLoad(null, problems.sorted());
        }
        return new SchemeLoad(scheme, List.of());
    }
}
