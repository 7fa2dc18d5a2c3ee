package cn.vanguard.scheme.file;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of a scheme file, in line order. */
final class Problems {

    private final List<SchemeProblem> problems = new ArrayList<>();

    void add(int line, String path, String message, String chinese) {
        problems.add(new SchemeProblem(line, path, message, chinese));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<SchemeProblem> sorted() {
        List<SchemeProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(SchemeProblem::line));
        return List.copyOf(sorted);
    }
}
