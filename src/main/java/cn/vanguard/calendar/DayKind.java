package cn.vanguard.calendar;

/** What the official calendar says of a date: a day off (节假日) or a make-up working day (调休上班). */
public enum DayKind {
    HOLIDAY("放假"),
    WORKDAY("调休上班");

    private final String label;

    DayKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
