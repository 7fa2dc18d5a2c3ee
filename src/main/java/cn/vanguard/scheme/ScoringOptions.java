package cn.vanguard.scheme;

/**
 * How a scoring run is carried out.
 *
 * @param explain            build the explanation of every member (bulk runs leave it off)
 * @param entryLabel         prefix of an entry's ref in explanations ("entries.csv:" gives "entries.csv:14")
 * @param attendanceTracked  whether attendance is recorded, for attendance warnings; {@code null}: tracked when any
 *                           member has an entry of the attendance item in the span (scoring.md §10)
 * @param previousProvided   whether last cycle's results were supplied, for "cycles in a row" warnings
 * @param parallel           score members on all cores; results are the same either way
 */
public record ScoringOptions(boolean explain, String entryLabel, Boolean attendanceTracked, boolean previousProvided,
                             boolean parallel) {

    public ScoringOptions {
        entryLabel = entryLabel == null ? "" : entryLabel;
    }

    public static ScoringOptions explained() {
        return new ScoringOptions(true, "", null, false, false);
    }

    public static ScoringOptions bulk() {
        return new ScoringOptions(false, "", null, false, true);
    }

    public ScoringOptions withExplain(boolean value) {
        return new ScoringOptions(value, entryLabel, attendanceTracked, previousProvided, parallel);
    }

    public ScoringOptions withEntryLabel(String value) {
        return new ScoringOptions(explain, value, attendanceTracked, previousProvided, parallel);
    }

    public ScoringOptions withAttendanceTracked(Boolean value) {
        return new ScoringOptions(explain, entryLabel, value, previousProvided, parallel);
    }

    public ScoringOptions withPreviousProvided(boolean value) {
        return new ScoringOptions(explain, entryLabel, attendanceTracked, value, parallel);
    }

    public ScoringOptions withParallel(boolean value) {
        return new ScoringOptions(explain, entryLabel, attendanceTracked, previousProvided, value);
    }
}
