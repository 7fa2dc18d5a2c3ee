package cn.vanguard.ledger.internal;

import java.util.ArrayList;
import java.util.List;

import cn.vanguard.ledger.RowsInvalid.RowProblem;

/** A job's problems as stored: one a line, the file's line, the column and the message separated by tabs. */
final class ProblemLines {

    private ProblemLines() {
    }

    static String write(List<RowProblem> problems) {
        if (problems.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (RowProblem p : problems) {
            text.append(p.row()).append('\t').append(flat(p.field())).append('\t').append(flat(p.message())).append('\n');
        }
        return text.toString();
    }

    static List<RowProblem> read(String text) {
        List<RowProblem> problems = new ArrayList<>();
        if (text == null) {
            return problems;
        }
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3) {
                problems.add(new RowProblem(Integer.parseInt(parts[0]), parts[1], parts[2]));
            }
        }
        return problems;
    }

    /** A cell quoted in a message may hold tabs or line breaks; stored, they read as spaces. */
    private static String flat(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
