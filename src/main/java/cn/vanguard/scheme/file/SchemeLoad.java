package cn.vanguard.scheme.file;

import java.util.List;

import cn.vanguard.scheme.Scheme;

/** The outcome of reading a scheme file: the scheme, or every problem found in it. */
public record SchemeLoad(Scheme scheme, List<SchemeProblem> problems) {
    public SchemeLoad {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return scheme != null;
    }
}
