package cn.vanguard.rules;

import java.util.List;

import cn.vanguard.scheme.file.SchemeProblem;

/** A scheme file that does not load: every problem with its line and path, to be shown against the file. */
public class SchemeRejected extends RuntimeException {

    private final List<SchemeProblem> problems;

    public SchemeRejected(List<SchemeProblem> problems) {
        super(problems.size() + " problems in the scheme file");
        this.problems = List.copyOf(problems);
    }

    public List<SchemeProblem> problems() {
        return problems;
    }
}
