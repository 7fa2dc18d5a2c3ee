package cn.vanguard.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import cn.vanguard.sheet.internal.Cells;
import cn.vanguard.sheet.internal.Table;
import cn.vanguard.sheet.internal.Tables;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import cn.vanguard.scheme.PreviousResult;

/**
 * Last cycle's results, for "two cycles in a row" warnings: the JSON the {@code score} command wrote (or its CSV/XLSX,
 * which have the same {@code member_id} and {@code total} columns). A member whose total is null was not scored.
 */
public final class PreviousResults {

    private PreviousResults() {
    }

    public static Map<String, PreviousResult> read(Path path, Problems problems) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") ? readJson(path, problems) : readTable(path, problems);
    }

    private static Map<String, PreviousResult> readJson(Path path, Problems problems) {
        String file = path.toString();
        Map<String, PreviousResult> results = new HashMap<>();
        try (InputStream in = Files.newInputStream(path);
             JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problems.add(file, 1, "is not a results file: expected {\"scheme\": …, \"members\": [...]}",
                        "不是积分结果文件：应为 score 命令输出的 JSON");
                return results;
            }
            boolean sawMembers = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("members".equals(field) && parser.currentToken() == JsonToken.START_ARRAY) {
                    sawMembers = true;
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        member(parser, file, results, problems);
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (!sawMembers) {
                problems.add(file, 1, "has no \"members\" list: give the JSON the score command wrote for last cycle",
                        "没有 members 列表：请提供上一周期 score 命令输出的 JSON");
            }
        } catch (NoSuchFileException e) {
            problems.add(file, 0, "no such file", "文件不存在");
        } catch (IOException e) {
            problems.add(file, 0, "cannot be read: " + e.getMessage(), "无法读取：" + e.getMessage());
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(file, line, "is not valid JSON: " + e.getOriginalMessage(), "不是有效的JSON：" + e.getOriginalMessage());
        }
        return results;
    }

    private static void member(JsonParser parser, String file, Map<String, PreviousResult> results, Problems problems) {
        int line = parser.currentLocation().getLineNr();
        String id = null;
        String total = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("member_id".equals(field) && value == JsonToken.VALUE_STRING) {
                id = parser.getString();
            } else if ("total".equals(field) && value != JsonToken.VALUE_NULL && value.isScalarValue()) {
                total = parser.getString();
            } else {
                parser.skipChildren();
            }
        }
        add(id, total, file, line, results, problems);
    }

    private static Map<String, PreviousResult> readTable(Path path, Problems problems) {
        String file = path.toString();
        Map<String, PreviousResult> results = new HashMap<>();
        try (Table table = Tables.open(path, problems)) {
            if (table == null) {
                return results;
            }
            Header header = Header.read(table, file, EnumSet.of(Column.MEMBER_ID, Column.TOTAL), problems);
            if (header == null) {
                return results;
            }
            while (table.next()) {
                String total = table.cell(header.index(Column.TOTAL));
                add(table.cell(header.index(Column.MEMBER_ID)), total.isEmpty() ? null : total, file, table.line(), results, problems);
            }
        }
        return results;
    }

    private static void add(String id, String total, String file, int line, Map<String, PreviousResult> results, Problems problems) {
        if (id == null || id.isEmpty()) {
            problems.add(file, line, "member_id is missing", "缺少成员编号");
            return;
        }
        BigDecimal value = total == null ? null : Cells.number(total);
        if (total != null && value == null) {
            problems.add(file, line, "total \"" + total + "\" is not a number", "总分“" + total + "”不是数字");
            return;
        }
        if (results.putIfAbsent(id, new PreviousResult(value)) != null) {
            problems.add(file, line, "member_id \"" + id + "\" appears twice", "成员编号“" + id + "”重复");
        }
    }
}
