package cn.vanguard.sheet;

import java.time.LocalDate;

/** Shared {@link LocalDate} values for the days of 2000–2099, so that a large ledger does not hold a date per entry. */
final class Dates {

    private static final long FIRST = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final LocalDate[] DAYS = new LocalDate[(int) (LocalDate.of(2100, 1, 1).toEpochDay() - FIRST)];

    private Dates() {
    }

    static LocalDate ofEpochDay(long epochDay) {
        long i = epochDay - FIRST;
        if (i < 0 || i >= DAYS.length) {
            return LocalDate.ofEpochDay(epochDay);
        }
        LocalDate date = DAYS[(int) i];
        if (date == null) {
            date = LocalDate.ofEpochDay(epochDay);
            DAYS[(int) i] = date;
        }
        return date;
    }
}
