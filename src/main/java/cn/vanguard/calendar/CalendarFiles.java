package cn.vanguard.calendar;

import java.nio.file.Path;
import java.util.List;

/**
 * Calendar files, XLSX or CSV, with the columns 日期, 类型 (节假日 / 调休上班) and 名称 (also {@code date,kind,name} as
 * the bundled file has them): read for an import, written for a download; what is written reads back as it was.
 */
public interface CalendarFiles {

    /** The rows of an uploaded file, each with its line; a file that cannot be read as a table is refused with why. */
    List<Calendars.DayInput> read(Path file, String displayName);

    /** The stored days of a year as CSV (UTF-8 with a byte-order mark, so that Excel shows the Chinese). */
    byte[] csv(int year);

    /** The stored days of a year as XLSX. */
    byte[] xlsx(int year);
}
