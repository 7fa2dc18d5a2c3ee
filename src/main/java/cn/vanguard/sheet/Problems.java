package cn.vanguard.sheet;

import java.util.ArrayList;
import java.util.List;

import cn.vanguard.scheme.Problem;

/** Every problem found while reading input files, in the order found (file by file, line by line). */
public final class Problems {

    private final List<FileProblem> problems = new ArrayList<>();

    public void add(String file, int line, String message, String chinese) {
        problems.add(new FileProblem(file, line, message, chinese));
    }

    public void add(String file, int line, Problem problem) {
        add(file, line, problem.message(), problem.chinese());
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<FileProblem> all() {
        return List.copyOf(problems);
    }
}
