package cn.vanguard.sheet.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import cn.vanguard.sheet.Limits;
import cn.vanguard.sheet.Problems;

/** Opens a .csv or .xlsx file as a {@link Table} held to limits; anything else is a problem the user can fix. */
public final class Tables {

    private Tables() {
    }

    /** The table of one of the {@code score} command's inputs, or {@code null} after reporting why it cannot be read. */
    public static Table open(Path file, Problems problems) {
        return open(file, file.toString(), Limits.COMMAND_LINE, problems);
    }

    /**
     * The table, or {@code null} after reporting why the file cannot be read.
     *
     * @param display the file's name in problems
     */
    public static Table open(Path file, String display, Limits limits, Problems problems) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        Bounds bounds = new Bounds(limits, display, problems);
        try {
            if (Files.size(file) > limits.maxBytes()) {
                bounds.tooLarge();
                return null;
            }
            if (name.endsWith(".xlsx")) {
                return XlsxTable.open(file, bounds);
            }
            if (name.endsWith(".xls")) {
                problems.add(display, 0, "is an old .xls workbook: save it as .xlsx or .csv (UTF-8) and try again",
                        "是旧版 .xls 文件：请另存为 .xlsx 或 CSV（UTF-8）后重试");
                return null;
            }
            return new CsvTable(new BufferedInputStream(Files.newInputStream(file), 1 << 16), bounds);
        } catch (NoSuchFileException e) {
            problems.add(display, 0, "no such file", "文件不存在");
        } catch (IOException e) {
            problems.add(display, 0, "cannot be read: " + e.getMessage(), "无法读取：" + e.getMessage());
        }
        return null;
    }
}
