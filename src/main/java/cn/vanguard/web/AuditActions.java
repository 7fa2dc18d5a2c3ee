package cn.vanguard.web;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.vanguard.cycle.PeriodStatus;
import cn.vanguard.ledger.EntrySource;

/**
 * What each action code of the audit log means, and what each kind of object is called, in Chinese. Every code the
 * application records has a label ({@code AuditActionsTest} reads the sources to make sure of it).
 */
final class AuditActions {

    /** Action codes and their labels, in the order the page's filter offers them. */
    static final Map<String, String> LABELS = labels();

    /** Object types and what they are called. */
    static final Map<String, String> OBJECTS = objects();

    private AuditActions() {
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("LOGIN", "登录");
        m.put("LOGIN_FAILED", "登录失败");
        m.put("LOGIN_ADDRESS_LIMITED", "登录地址暂停");
        m.put("ACCOUNT_LOCKED", "账号锁定");
        m.put("ACCOUNT_CREATED", "创建账号");
        m.put("MEMBER_ACCOUNTS_CREATED", "批量开通党员账号");
        m.put("ACTIVATION_CODE_ISSUED", "重发激活码");
        m.put("ACCOUNT_ACTIVATED", "激活账号");
        m.put("ACTIVATION_FAILED", "激活失败");
        m.put("ACCOUNT_ENABLED", "启用账号");
        m.put("ACCOUNT_DISABLED", "停用账号");
        m.put("ACCOUNT_MEMBER_LINKED", "账号关联党员");
        m.put("ROLE_GRANTED", "授予角色");
        m.put("ROLE_REVOKED", "取消角色");
        m.put("PASSWORD_RESET", "重置密码");
        m.put("PASSWORD_CHANGED", "修改密码");
        m.put("API_TOKEN_CREATED", "创建API令牌");
        m.put("API_TOKEN_REVOKED", "吊销API令牌");
        m.put("API_TOKENS_REVOKED", "吊销全部API令牌");
        m.put("UNIT_CREATED", "新建组织");
        m.put("UNIT_RENAMED", "组织更名");
        m.put("UNIT_MOVED", "调整上级组织");
        m.put("UNIT_CLOSED", "撤销组织");
        m.put("MEMBER_CREATED", "新增党员");
        m.put("MEMBER_UPDATED", "修改党员信息");
        m.put("MEMBER_TRANSFERRED", "党员组织关系转接");
        m.put("ROSTER_IMPORTED", "导入花名册");
        m.put("ROSTER_EXPORTED", "导出花名册");
        m.put("SCHEME_PUBLISHED", "发布积分方案");
        for (EntrySource source : EntrySource.values()) {
            m.put("ENTRY_" + source.name(), switch (source) {
                case SCORER -> "录入积分";
                case DECLARED -> "个人申报积分";
                case IMPORT -> "导入积分";
                case REVERSAL -> "冲销积分记录";
            });
        }
        m.put("ENTRIES_IMPORTED", "导入台账文件");
        m.put("ENTRIES_MOVED", "待审记录随党员转出");
        m.put("ENTRY_CHECKED", "初审通过");
        m.put("ENTRY_APPROVED", "审核通过");
        m.put("ENTRY_REJECTED", "驳回积分记录");
        m.put("ENTRIES_SEEDED", "写入演示积分记录");
        m.put("ATTACHMENT_ADDED", "补充证明材料");
        m.put("ATTACHMENT_VIEWED", "查看证明材料");
        m.put("ASSESSED", "评定");
        for (PeriodStatus status : PeriodStatus.values()) {
            m.put("PERIOD_" + status.name(), switch (status) {
                case OPEN -> "考评期重新开放";
                case CLOSED -> "考评期汇总";
                case SIGNED -> "支部评定签字";
                case PUBLISHED -> "发布公示";
                case SUBMITTED -> "报上级审核";
                case APPROVED -> "上级审核通过";
                case RETURNED -> "上级退回";
                case FINAL -> "公示结束";
            });
        }
        m.put("SNAPSHOT_CONFIRMED", "本人确认考评结果");
        m.put("OBJECTION_FILED", "提出异议");
        m.put("OBJECTION_ANSWERED", "答复异议");
        m.put("OBJECTION_EVIDENCE_ADDED", "补充异议证明材料");
        m.put("OBJECTION_EVIDENCE_VIEWED", "查看异议证明材料");
        m.put("CALENDAR_DAY_ADDED", "节假日日历加入一天");
        m.put("CALENDAR_DAY_CHANGED", "修改节假日日历");
        m.put("CALENDAR_DAY_REMOVED", "节假日日历删除一天");
        m.put("CALENDAR_YEAR_REPLACED", "整年替换节假日日历");
        m.put("CALENDAR_YEAR_LOADED", "载入随产品发布的节假日日历");
        m.put("STANDINGS_DIFFER", "积分结果抽查不一致");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, String> objects() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("account", "账号");
        m.put("api_token", "API令牌");
        m.put("login_address", "登录地址");
        m.put("unit", "组织");
        m.put("org_unit", "组织（开通党员账号）");
        m.put("member", "党员");
        m.put("roster", "花名册");
        m.put("scheme_version", "积分方案");
        m.put("ledger_entry", "积分记录");
        m.put("evaluation_period", "考评期");
        m.put("period_snapshot", "考评结果");
        m.put("objection", "异议");
        m.put("calendar_day", "节假日（一天）");
        m.put("calendar_year", "节假日日历（整年）");
        m.put("standing", "积分结果");
        return java.util.Collections.unmodifiableMap(m);
    }

    static String action(String code) {
        return code == null ? "—" : LABELS.getOrDefault(code, code);
    }

    static String object(String type) {
        return type == null ? "—" : OBJECTS.getOrDefault(type, type);
    }
}
