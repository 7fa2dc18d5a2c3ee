package cn.vanguard.ledger;

import java.util.List;
import java.util.Map;

/**
 * A batch (fast entry, an imported ledger) with mistakes: nothing was saved. Each problem names its row (the form's
 * row number or the file's line) and field, in Chinese.
 */
public class RowsInvalid extends RuntimeException {

    /** One mistake: the row (1-based), the field and what to do. */
    public record RowProblem(int row, String field, String message) {
    }

    private final List<RowProblem> problems;

    public RowsInvalid(List<RowProblem> problems) {
        super(problems.size() + " rows have problems");
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }

    /** Problems by row, for showing them beside each row of a form. */
    public Map<Integer, Map<String, String>> byRow() {
        Map<Integer, Map<String, String>> rows = new java.util.LinkedHashMap<>();
        for (RowProblem problem : problems) {
            rows.computeIfAbsent(problem.row(), r -> new java.util.LinkedHashMap<>()).merge(problem.field(), problem.message(), (a, b) -> a + "；" + b);
        }
        return rows;
    }
}
