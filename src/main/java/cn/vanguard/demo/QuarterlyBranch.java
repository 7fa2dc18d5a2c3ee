package cn.vanguard.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.org.MemberForm;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;

/**
 * The demo's branch that runs its own rule document by quarters (changzhou-2021, seed 003: 季度考评，公示5个工作日): twenty
 * members and their year so far — 学习强国 and 每日一题 every month, group study, the meetings held and attended, dues
 * paid or late — recorded and approved by the branch's secretary.
 */
final class QuarterlyBranch {

    static final String PRESET = "changzhou-2021";
    static final String NAME = "机关事务服务中心党支部";
    static final int SIZE = 20;

    private QuarterlyBranch() {
    }

    /** The branch's members: sixteen full members, three probationary, one activist (not in the scheme's scope). */
    static List<MemberForm> forms(People people, long unitId) {
        List<MemberForm> forms = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            MemberType type = i == SIZE - 1 ? MemberType.ACTIVIST : i >= 16 ? MemberType.PROBATIONARY : MemberType.FORMAL;
            forms.add(people.form(type, i < 2 ? Category.LEADER : Category.IN_SERVICE, MemberStatus.ACTIVE, unitId));
        }
        return forms;
    }

    /** Each member's entries from January up to three days ago, by how diligent they are. */
    static void year(List<Ledger.Seed> seeds, Random random, List<Long> ids, int year, LocalDate today, long secretary) {
        for (int i = 0; i < ids.size(); i++) {
            double diligence = i < 2 ? 0.97 : i == 9 ? 0.6 : 0.72 + random.nextDouble() * 0.26;
            long member = ids.get(i);
            boolean lateOnce = random.nextDouble() < 0.2;
            for (int month = 1; month <= 12; month++) {
                YearMonth ym = YearMonth.of(year, month);
                LocalDate end = ym.atEndOfMonth();
                int missedDays = (int) Math.round((1 - diligence) * 12 * random.nextDouble());
                Entry e = new Entry(seeds, member, today, secretary);
                e.add(true, "CZ_XUEXI", end, null, BigDecimal.TEN.subtract(new BigDecimal(missedDays).multiply(new BigDecimal("0.5"))),
                        "学习强国本月未登录" + missedDays + "天");
                e.add(random.nextDouble() < diligence, "CZ_QUIZ", end, null, null, "完成每日一题");
                e.add(random.nextDouble() < diligence * 0.7, "CZ_GROUP_STUDY", ym.atDay(12), BigDecimal.ONE, null, "支部集中学习");
                meeting(e, random, diligence, ym.atDay(5), "主题党日");
                meeting(e, random, diligence, ym.atDay(18), "党小组会");
                if (month % 3 == 0) {
                    meeting(e, random, diligence, ym.atDay(22), "支部党员大会");
                }
                boolean late = lateOnce && month == 5;
                e.add(!late, "CZ_DUES_PAID", ym.atDay(10), BigDecimal.ONE, null, "按月缴纳党费");
                e.add(late, "CZ_DUES_LATE", ym.atDay(28), null, null, "五月党费延期缴纳");
            }
        }
    }

    /**
     * A member's declaration of volunteer service (特色分, 照片或签到为依据) waiting for its first check without its photo
     * yet: the rule that it needs proof shows on the review queue and the entry's page until the member uploads one.
     */
    static void declaration(List<Ledger.Seed> seeds, long member, long account, LocalDate today) {
        seeds.add(new Ledger.Seed(member, "CZ_VOLUNTEER", today.minusDays(2), null, new BigDecimal("3"), null,
                "参加社区“文明创建”志愿服务半天（照片待补）", null, EntrySource.DECLARED, EntryStatus.FIRST_CHECK, account, null, null, null));
    }

    /** A meeting every member should attend (counted as held), and their attendance. */
    private static void meeting(Entry e, Random random, double diligence, LocalDate on, String what) {
        e.add(true, "CZ_HELD", on, BigDecimal.ONE, null, what);
        e.add(random.nextDouble() < diligence, "CZ_ATTEND", on, null, null, what + "（签到）");
    }

    /** One member's entries, kept when the day is at least three days past, recorded and approved by the secretary. */
    private record Entry(List<Ledger.Seed> seeds, long member, LocalDate today, long secretary) {
        void add(boolean happened, String item, LocalDate date, BigDecimal quantity, BigDecimal points, String note) {
            if (happened && !date.isAfter(today.minusDays(3))) {
                seeds.add(new Ledger.Seed(member, item, date, quantity, points, null, note, null, EntrySource.SCORER, EntryStatus.APPROVED,
                        secretary, null, secretary, null));
            }
        }
    }
}
