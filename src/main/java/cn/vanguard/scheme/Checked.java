package cn.vanguard.scheme;

import java.util.List;

/** A checked input: the value when there are no problems, else the problems (all of them). */
public record Checked<T>(T value, List<Problem> problems) {
    public Checked {
        problems = List.copyOf(problems);
        if ((value == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a checked input is a value or problems");
        }
    }

    public static <T> Checked<T> ok(T value) {
        return new Checked<>(value, List.of());
    }

    public static <T> Checked<T> failed(List<Problem> problems) {
        return new Checked<>(null, problems);
    }

    public boolean ok() {
        return value != null;
    }
}
