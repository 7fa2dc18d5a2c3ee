package cn.vanguard.calendar;

/** How a publicity window is counted (a scheme's {@code publicityUnit}). */
public enum WindowUnit {
    /** 工作日: Monday to Friday, minus days off, plus make-up working days (seed 003: 5个工作日). */
    WORKING_DAYS("个工作日"),
    /** 天: every day from the publication day (seed 004: 7天). */
    CALENDAR_DAYS("天");

    private final String suffix;

    WindowUnit(String suffix) {
        this.suffix = suffix;
    }

    /** How the window's length reads: 5个工作日, 7天. */
    public String length(int days) {
        return days + suffix;
    }
}
