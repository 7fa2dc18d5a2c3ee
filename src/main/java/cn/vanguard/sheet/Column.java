package cn.vanguard.sheet;

import java.util.List;
import java.util.Locale;

/** The columns of the input files and the headers accepted for them (formats.md), Chinese aliases included. */
public enum Column {
    MEMBER_ID("member_id", "成员编号", "党员编号"),
    NAME("name", "姓名"),
    ORG_UNIT("org_unit", "所在支部", "所在组织"),
    MEMBER_TYPE("member_type", "党员身份", "党员类型"),
    CATEGORY("category", "人员类别", "类别"),
    EXEMPT("exempt", "不参加积分管理"),
    ITEM("item", "项目编码", "项目"),
    DATE("date", "日期"),
    QUANTITY("quantity", "数量"),
    POINTS("points", "分值"),
    OCCURRENCE("occurrence", "事项编号"),
    NOTE("note", "备注"),
    VALUE("value", "评定值", "评定结果"),
    TOTAL("total", "总分");

    private final String header;
    private final List<String> aliases;

    Column(String header, String... aliases) {
        this.header = header;
        this.aliases = List.of(aliases);
    }

    public String header() {
        return header;
    }

    /** The canonical header and its first Chinese alias: {@code member_id (成员编号)}. */
    public String describe() {
        return header + " (" + aliases.get(0) + ")";
    }

    public String chinese() {
        return aliases.get(0);
    }

    boolean matches(String text) {
        String normalized = normalize(text);
        return normalized.equals(header) || aliases.contains(normalized);
    }

    /** Header cells are compared trimmed, without a byte-order mark, case-insensitively for ASCII. */
    static String normalize(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}
