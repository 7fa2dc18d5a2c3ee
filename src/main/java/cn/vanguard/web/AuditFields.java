package cn.vanguard.web;

import java.util.Map;

/** What each field an audit line records before and after is called, in Chinese; unknown keys stay as they are. */
final class AuditFields {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("username", "用户名"),
            Map.entry("displayName", "姓名"),
            Map.entry("memberId", "关联党员"),
            Map.entry("grants", "角色"),
            Map.entry("role", "角色"),
            Map.entry("enabled", "启用"),
            Map.entry("lockedUntil", "锁定至"),
            Map.entry("codeExpiresAt", "激活码有效期至"),
            Map.entry("count", "数量"),
            Map.entry("usernames", "用户名"),
            Map.entry("name", "名称"),
            Map.entry("kind", "类型"),
            Map.entry("parent", "上级组织"),
            Map.entry("closed", "已撤销"),
            Map.entry("code", "编号"),
            Map.entry("gender", "性别"),
            Map.entry("birthDate", "出生日期"),
            Map.entry("idCard", "身份证号"),
            Map.entry("phone", "联系电话"),
            Map.entry("joinedOn", "入党日期"),
            Map.entry("type", "党员身份"),
            Map.entry("category", "人员类别"),
            Map.entry("status", "状态"),
            Map.entry("unit", "所在组织"),
            Map.entry("scheme", "方案"),
            Map.entry("version", "版本"),
            Map.entry("source", "来源"),
            Map.entry("member", "党员"),
            Map.entry("item", "积分项目"),
            Map.entry("date", "日期"),
            Map.entry("holidays", "节假日天数"),
            Map.entry("workdays", "调休上班天数"),
            Map.entry("days", "日期清单"),
            Map.entry("quantity", "数量"),
            Map.entry("points", "分值"),
            Map.entry("occurrence", "事项"),
            Map.entry("note", "说明"),
            Map.entry("reverses", "冲销的记录"),
            Map.entry("files", "文件"),
            Map.entry("file", "文件"),
            Map.entry("fileId", "文件编号"),
            Map.entry("rows", "行数"),
            Map.entry("added", "新增"),
            Map.entry("updated", "修改"),
            Map.entry("transferred", "转接"),
            Map.entry("members", "党员人数"),
            Map.entry("entries", "记录条数"),
            Map.entry("sha256", "文件校验值"),
            Map.entry("sessionsEnded", "结束的登录会话"),
            Map.entry("tokensRevoked", "吊销的API令牌"),
            Map.entry("checked", "抽查人数"),
            Map.entry("differences", "不一致之处"),
            Map.entry("address", "地址"));

    private AuditFields() {
    }

    static String name(String key) {
        return NAMES.getOrDefault(key, key);
    }
}
