package cn.vanguard.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.vanguard.scheme.file.SchemeFiles;

/**
 * The explanation a member reads (scoring.md §12), line by line, for two members under the complete example of
 * docs/scheme-format.md: every entry and what it gave, every cap, allowance, group choice, clamp, criterion, section
 * deduction, veto, the sum, grade, flags, rank, star quotas and eligibility, and every warning that fired. Each figure
 * was checked by hand against the rules; the lines are {@code STEP | sentence | before | after | entry}.
 */
class ExplanationTest {

    /** Scored in each test, not once before all: PIT credits a test only with the code its own method runs. */
    private static ScoreSheet score() throws Exception {
        String doc = Files.readString(Path.of("docs/scheme-format.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        Scheme scheme = SchemeFiles.read(doc.substring(start, doc.indexOf("```", start))).scheme();
        return Scenario.under(scheme)
                .member("A", "TRAINING_ATTEND*6 F_EXTRAVAGANCE ACT_MEETING*18 ACT_VOLUNTEER*3 STUDY_APP=10@2025-01-31 "
                        + "STUDY_APP=8@2025-02-28 POST_LEVEL:优秀 votes:10/5/1 AWARD_CITY~A1 AWARD_BRANCH~A1 EXTRA=4 EXTRA=5 "
                        + "DED_LEAVE*3 DED_LATE_DUES ORGLIFE_ATTEND*3 B_FAITH:15")
                .member("B", "VETO_KEY_ERROR ACT_MEETING*5 VETO_DISCIPLINE DED_ABSENT")
                .previous("A", "50")
                .score();
    }

    private static List<String> lines(String id) throws Exception {
        MemberResult r = score().members().stream().filter(m -> m.member().id().equals(id)).findFirst().orElseThrow();
        return r.explanation().stream().map(l -> l.step() + " | " + l.rule() + " | " + l.before() + " | " + l.after() + " | " + l.entry())
                .toList();
    }

    /**
     * 基础分 15 + 20 (six trainings meet the threshold) + 0 (forfeited) − 3 (late dues, into the section) = 32;
     * 参加活动 18 + 5 (volunteering capped from 6) = 23 → 20; 政治学习 10 × 18 ÷ 180 = 1; 年度考核 优秀 10;
     * 民主评议 (10 + 4 + 0.6) × 20 ÷ 16 = 18.25; bonus 5 + 4 + 5 = 14 → 10 (支部表彰 set aside for 市级表彰);
     * two absences on leave are free, the third costs 1: 81.25 + 10 − 1 = 90.25, 优秀, no star (基础分 under 50).
     */
    @Test
    void aMemberWithEveryKindOfRuleReadsWhyTheTotalIs9025() throws Exception {
        assertThat(lines("A")).containsExactly(
                "ENTRY | 1月31日 学习强国：酌情+10分（可在0～10分之间评定） | null | 10 | 5",
                "ENTRY | 2月28日 学习强国：酌情+8分（可在0～10分之间评定） | null | 8 | 6",
                "ENTRY | 6月15日 参加集中培训：6次（只计次数，不计分） | null | 0 | 1",
                "ENTRY | 6月15日 大操大办红白喜事：“带头遵守党的纪律”该项不得分 | null | null | 2",
                "ENTRY | 6月15日 参加“三会一课”：18次 × 1分 = 18分 | null | 18 | 3",
                "ENTRY | 6月15日 参加志愿服务：3小时 × 2分 = 6分 | null | 6 | 4",
                "CAP | 参加志愿服务：每年累计不超过5分，全年已达上限，本条只计未超出的部分 | 6 | 5 | 4",
                "ENTRY | 6月15日 市级表彰：1次 × 5分 = 5分 | null | 5 | 8",
                "ENTRY | 6月15日 支部表彰：1次 × 2分 = 2分 | null | 2 | 9",
                "GROUP | 同一事项“A1”在“同一事项不同级别表彰”中只按最高的一项计分，本条不再计分 | 2 | 0 | 9",
                "ENTRY | 6月15日 其他突出表现：酌情+4分（可在1～5分之间评定） | null | 4 | 10",
                "ENTRY | 6月15日 其他突出表现：酌情+5分（可在1～5分之间评定） | null | 5 | 11",
                "ENTRY | 6月15日 请假缺席：3次 × -1分 = -3分 | null | -3 | 12",
                "ALLOWANCE | 请假缺席：全年前2次不计分，本条有2次在免计范围内 | -3 | -1 | 12",
                "ENTRY | 6月15日 延期交纳党费：1次 × -3分 = -3分 | null | -3 | 13",
                "ENTRY | 6月15日 参加组织生活：3次（只计次数，不计分） | null | 0 | 14",
                "SECTION | 理想信念坚定：评定15分（满分20分） | null | 15 | null",
                "SECTION | 参加集中培训：参加集中培训6次，达到不少于6次的要求，得满分20分 | null | 20 | null",
                "SECTION | 带头遵守党的纪律：因不得分事项，该项不得分 | null | 0 | null",
                "SECTION | 基础分：各项合计35分（满分60分） | 35 | 35 | null",
                "SECTION | 基础分：扣分-3分（延期交纳党费）计入本板块，扣光为止 | 35 | 32 | null",
                "SECTION | 参加活动：各项合计23分，超过最高20分，按20分计 | 23 | 20 | null",
                "SECTION | 政治学习：完成18，目标每月15分 × 12个月 = 180分，按 10 × 18 ÷ 180 计分（先乘后除，最高10分） | 18 | 1 | null",
                "SECTION | 年度考核：年度考核等次“优秀”，记10分 | null | 10 | null",
                "SECTION | 民主评议：“好”10票、“一般”5票、“差”1票，测评得分 = (10×1 + 5×0.8 + 1×0.6) ÷ 16 × 100 = 91.25，按20%计入 | 91.25 | 18.25 | null",
                "CAP | 奖励加分最高10分 | 14 | 10 | null",
                "TOTAL | 总分 = 各板块合计81.25分 + 奖励加分10分 + 扣分-1分 | null | 90.25 | null",
                "GRADE | 90.25分，90分以上为“优秀” | 90.25 | null | null",
                "FLAG | 90.25分，达到90分：可参加评先评优 | 90.25 | null | null",
                "RANK | 在“第一支部”参与排名的2人中排第1名 | 90.25 | null | null",
                "FLAG | 排名第1，在前1名之内：优秀党员 | 90.25 | null | null",
                "STAR | 评星人数2人（未评星党员也计入）：五星级10% × 2 = 0.2，四舍五入为0名；四星级15% × 2 = 0.3，四舍五入为0名；三星级20% × 2 = 0.4，四舍五入为0名 | null | null | null",
                "STAR | 基础分32分低于50分，取消评星资格 | 90.25 | null | null",
                "WARNING | 组织生活次数不足：参加组织生活3次，少于在职党员每年不少于10次的要求 | 90.25 | null | null",
                "FLAG | 2025年1月积分89.92分，达到5分：荣誉证书 | 89.92 | null | null",
                "FLAG | 2025年2月积分88.58分，达到5分：荣誉证书 | 88.58 | null | null",
                "FLAG | 2025年3月积分83.25分，达到5分：荣誉证书 | 83.25 | null | null",
                "FLAG | 2025年4月积分83.25分，达到5分：荣誉证书 | 83.25 | null | null",
                "FLAG | 2025年5月积分83.25分，达到5分：荣誉证书 | 83.25 | null | null",
                "FLAG | 2025年6月积分89.25分，达到5分：荣誉证书 | 89.25 | null | null",
                "FLAG | 2025年7月积分83.25分，达到5分：荣誉证书 | 83.25 | null | null",
                "FLAG | 2025年8月积分83.25分，达到5分：荣誉证书 | 83.25 | null | null",
                "FLAG | 2025年9月积分83.25分，达到5分：荣誉证书 | 83.25 | null | null",
                "FLAG | 2025年10月积分83.25分，达到5分：荣誉证书 | 83.25 | null | null",
                "FLAG | 2025年11月积分83.25分，达到5分：荣誉证书 | 83.25 | null | null",
                "FLAG | 2025年12月积分83.25分，达到5分：荣誉证书 | 83.25 | null | null");
    }

    /** 关键工作失误 zeroes 参加活动, and 受撤销党内职务以上处分 zeroes the total and fails the member: no star, a red warning. */
    @Test
    void aVetoedMemberReadsEachVetoWithItsEntry() throws Exception {
        assertThat(lines("B")).containsExactly(
                "ENTRY | 6月15日 一票否决事项：关键工作失误 | null | null | 16",
                "ENTRY | 6月15日 参加“三会一课”：5次 × 1分 = 5分 | null | 5 | 17",
                "ENTRY | 6月15日 一票否决事项：受撤销党内职务以上处分 | null | null | 18",
                "ENTRY | 6月15日 无故缺席：1次 × -2分 = -2分 | null | -2 | 19",
                "SECTION | 理想信念坚定：未扣减，按满分20分计 | null | 20 | null",
                "SECTION | 参加集中培训：未扣减，按满分20分计 | null | 20 | null",
                "SECTION | 带头遵守党的纪律：未扣减，按满分20分计 | null | 20 | null",
                "SECTION | 基础分：各项合计60分（满分60分） | 60 | 60 | null",
                "SECTION | 参加活动：各项合计5分（最高20分） | 5 | 5 | null",
                "VETO | 一票否决：关键工作失误，扣除“参加活动”全部积分 | 5 | 0 | 16",
                "SECTION | 政治学习：完成0，目标每月15分 × 12个月 = 180分，按 10 × 0 ÷ 180 计分（先乘后除，最高10分） | 0 | 0 | null",
                "SECTION | 年度考核：未评定，计0分 | null | 0 | null",
                "SECTION | 民主评议：未评议（没有测评票），计0分 | null | 0 | null",
                "TOTAL | 总分 = 各板块合计60分 + 奖励加分0分 + 扣分-2分 | null | 58 | null",
                "VETO | 一票否决：受撤销党内职务以上处分，年度积分为0 | 58 | 0 | 18",
                "VETO | 一票否决：受撤销党内职务以上处分，直接评定为“不合格” | null | null | 18",
                "GRADE | 因一票否决，等次直接评定为“不合格”，不享受任何激励 | null | null | null",
                "RANK | 在“第一支部”参与排名的2人中排第2名 | 0.00 | null | null",
                "STAR | 评星人数2人（未评星党员也计入）：五星级10% × 2 = 0.2，四舍五入为0名；四星级15% × 2 = 0.3，四舍五入为0名；三星级20% × 2 = 0.4，四舍五入为0名 | null | null | null",
                "STAR | 受一票否决，不具备评星资格 | 0.00 | null | null",
                "WARNING | 红色预警：总分0分，低于60分 | 0.00 | null | null",
                "WARNING | 组织生活次数不足：参加组织生活0次，少于在职党员每年不少于10次的要求 | 0.00 | null | null");
    }
}
