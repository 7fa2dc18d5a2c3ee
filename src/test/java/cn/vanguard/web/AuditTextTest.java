package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.audit.Channel;

/** Audit lines in Chinese: actions, fields, values and the changes between before and after. */
class AuditTextTest {

    @Test
    void actionsAndFieldsHaveChineseNamesAndUnknownCodesStayAsTheyAre() {
        assertThat(AuditText.action("ROLE_GRANTED")).isEqualTo("授予角色");
        assertThat(AuditText.action("ENTRY_DECLARED")).isEqualTo("个人申报积分");
        assertThat(AuditText.action("CALENDAR_YEAR_REPLACED")).isEqualTo("整年替换节假日日历");
        assertThat(AuditText.field("workdays")).isEqualTo("调休上班天数");
        assertThat(AuditText.action("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(AuditText.field("displayName")).isEqualTo("姓名");
        assertThat(AuditText.field("B_POLITICAL")).isEqualTo("B_POLITICAL");
    }

    @Test
    void grantsReadAsRolesInUnits() {
        String grants = "[Grant[role=SCORER, unitId=5], Grant[role=SYSTEM_ADMIN, unitId=null]]";
        assertThat(AuditText.grants(grants, id -> "第" + id + "支部")).isEqualTo("记分员（第5支部）、系统管理员");
        assertThat(AuditText.grants("[]", id -> id)).isEqualTo("无");
    }

    @Test
    void changesListWhatDifferedAndWhatWasOnlyOnOneSide() {
        Map<String, String> before = new LinkedHashMap<>();
        before.put("name", "旧");
        before.put("kind", "BRANCH");
        before.put("enabled", "true");
        Map<String, String> after = new LinkedHashMap<>();
        after.put("name", "新");
        after.put("kind", "BRANCH");
        after.put("type", "PROBATIONARY");
        List<AuditText.Change> changes = AuditText.changes(before, after, id -> id, id -> "党员" + id);
        assertThat(changes).containsExactly(
                new AuditText.Change("名称", "旧", "新", true, true),
                new AuditText.Change("党员身份", "—", "预备党员", false, true),
                new AuditText.Change("启用", "是", "—", true, false));
        assertThat(AuditText.changes(Map.of(), Map.of("memberId", "7"), id -> id, id -> "张三（T7）"))
                .containsExactly(new AuditText.Change("关联党员", "—", "张三（T7）", false, true));
    }

    @Test
    void periodAndObjectionStatusesReadAsTheirOwn() {
        assertThat(AuditText.changes(Map.of("status", "OPEN"), Map.of("status", "CLOSED"), "evaluation_period", id -> id, id -> ""))
                .containsExactly(new AuditText.Change("状态", "记录中", "已汇总", true, true));
        assertThat(AuditText.changes(Map.of("status", "OPEN"), Map.of("status", "UPHELD"), "objection", id -> id, id -> ""))
                .containsExactly(new AuditText.Change("状态", "待答复", "成立", true, true));
    }

    @Test
    void peopleReadByNameWithTheirUsername() {
        Map<Long, String> names = Map.of(7L, "张三", 8L, "lisi");
        assertThat(AuditRows.person(line(7L, "zhangsan", Channel.PAGE), names)).isEqualTo("张三（zhangsan）");
        assertThat(AuditRows.person(line(8L, "lisi", Channel.PAGE), names)).isEqualTo("lisi");
        assertThat(AuditRows.person(line(9L, "gone", Channel.PAGE), names)).isEqualTo("gone");
        assertThat(AuditRows.person(line(null, "system", Channel.SYSTEM), names)).isEqualTo("系统");
        assertThat(AuditRows.person(line(null, "system", null), names)).isEqualTo("系统");
        assertThat(AuditRows.person(line(null, "nobody", Channel.PAGE), names)).isEqualTo("nobody");
    }

    @Test
    void addressesReadAsIpv4WherePossible() {
        assertThat(AuditRows.address("0:0:0:0:0:0:0:1")).isEqualTo("127.0.0.1");
        assertThat(AuditRows.address("::1")).isEqualTo("127.0.0.1");
        assertThat(AuditRows.address("::ffff:10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(AuditRows.address("0:0:0:0:0:ffff:192.168.0.9")).isEqualTo("192.168.0.9");
        assertThat(AuditRows.address("[::FFFF:1.2.3.4]")).isEqualTo("1.2.3.4");
        assertThat(AuditRows.address("2001:db8::7")).isEqualTo("2001:db8::7");
        assertThat(AuditRows.address("203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(AuditRows.address(null)).isEqualTo("—");
    }

    @Test
    void channelsReadInChineseWithTheTokensName() {
        assertThat(AuditRows.channel(Channel.PAGE, null)).isEqualTo("页面");
        assertThat(AuditRows.channel(Channel.API, "考勤机")).isEqualTo("API（考勤机）");
        assertThat(AuditRows.channel(Channel.API, "")).isEqualTo("API");
        assertThat(AuditRows.channel(Channel.IMPORT, null)).isEqualTo("导入");
        assertThat(AuditRows.channel(Channel.SYSTEM, null)).isEqualTo("系统");
        assertThat(AuditRows.channel(null, null)).isEqualTo("未记录");
    }

    @Test
    void objectsAndNewActionsHaveChineseNames() {
        assertThat(AuditText.action("ROSTER_IMPORTED")).isEqualTo("导入花名册");
        assertThat(AuditText.action("ENTRIES_IMPORTED")).isEqualTo("导入台账文件");
        assertThat(AuditText.action("PERIOD_PUBLISHED")).isEqualTo("发布公示");
        assertThat(AuditText.field("rows")).isEqualTo("行数");
        assertThat(AuditActions.object("ledger_entry")).isEqualTo("积分记录");
    }

    private static AuditLog.Line line(Long accountId, String username, Channel channel) {
        return new AuditLog.Line(1, java.time.Instant.EPOCH, accountId, username, null, channel, null, "LOGIN", "account", null,
                null, null, null, null);
    }
}
