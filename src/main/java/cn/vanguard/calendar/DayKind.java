package cn.vanguard.calendar;

import java.util.Locale;
import java.util.Optional;

/** What the official calendar says of a date: a day off (节假日) or a make-up working day (调休上班). */
public enum DayKind {
    HOLIDAY("节假日", "HOLIDAY"),
    WORKDAY("调休上班", "MAKEUP_WORKDAY");

    private final String label;
    private final String code;

    DayKind(String label, String code) {
        this.label = label;
        this.code = code;
    }

    /** As pages and calendar files write it: 节假日, 调休上班. */
    public String label() {
        return label;
    }

    /** As the table and the API store it: HOLIDAY, MAKEUP_WORKDAY. */
    public String code() {
        return code;
    }

    /** The kind a file cell or an API field names, in any of the ways people write it (节假日, 放假, 调休上班, MAKEUP_WORKDAY…). */
    public static Optional<DayKind> read(String text) {
        return Optional.ofNullable(switch (text == null ? "" : text.strip().toUpperCase(Locale.ROOT)) {
            case "HOLIDAY", "节假日", "放假", "休" -> HOLIDAY;
            case "MAKEUP_WORKDAY", "WORKDAY", "调休上班", "调休", "上班", "班" -> WORKDAY;
            default -> null;
        });
    }
}
