package cn.vanguard.calendar;

/** What is wrong with one row of calendar days (0: the whole file or list), which field, and what to do, in Chinese. */
public record CalendarProblem(int row, String field, String message) {

    /** 第 3 行 日期：… as a list of problems shows it. */
    public String onPage() {
        return (row > 0 ? "第 " + row + " 行 " : "") + field + "：" + message;
    }
}
