package cn.vanguard.calendar;

import java.util.List;

/** Calendar days refused, with every problem found; nothing was changed. */
public class CalendarRejected extends RuntimeException {

    private final List<CalendarProblem> problems;

    public CalendarRejected(List<CalendarProblem> problems) {
        super(problems.size() == 1 ? problems.get(0).onPage() : "有" + problems.size() + "处需要修改，日历没有改动");
        this.problems = List.copyOf(problems);
    }

    public List<CalendarProblem> problems() {
        return problems;
    }
}
