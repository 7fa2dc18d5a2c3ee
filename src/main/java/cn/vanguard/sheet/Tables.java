package cn.vanguard.sheet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Opens a .csv or .xlsx file as a {@link Table}; anything else is a problem the user can fix. */
public final class Tables {

    private Tables() {
    }

    /** The table, or {@code null} after reporting why the file cannot be read. */
    public static Table open(Path file, Problems problems) {
        String display = file.toString();
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx")) {
                return new XlsxTable(file);
            }
            if (name.endsWith(".xls")) {
                problems.add(display, 0, "is an old .xls workbook: save it as .xlsx or .csv (UTF-8) and try again",
                        "是旧版 .xls 文件：请另存为 .xlsx 或 CSV（UTF-8）后重试");
                return null;
            }
            return new CsvTable(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        } catch (NoSuchFileException e) {
            problems.add(display, 0, "no such file", "文件不存在");
        } catch (IOException e) {
            problems.add(display, 0, "cannot be read: " + e.getMessage(), "无法读取：" + e.getMessage());
        }
        return null;
    }
}
