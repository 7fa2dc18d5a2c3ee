package cn.vanguard.scheme;

import java.time.LocalDate;

/** The calendar window an item cap applies to, inside the cycle. */
public enum Window {
    MONTH("每月", 1),
    QUARTER("每季度", 3),
    HALF("每半年", 6),
    YEAR("每年", 12);

    private final String label;
    private final int months;

    Window(String label, int months) {
        this.label = label;
        this.months = months;
    }

    public String label() {
        return label;
    }

    /** Index of the window that holds the date: 0-11 for months, 0-3 for quarters, 0-1 for halves, 0 for the year. */
    public int indexOf(LocalDate date) {
        return (date.getMonthValue() - 1) / months;
    }

    public int count() {
        return 12 / months;
    }
}
