package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
}
