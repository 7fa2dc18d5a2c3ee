package cn.vanguard.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.Assessments;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.org.Gender;
import cn.vanguard.org.MemberForm;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.org.Units;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Role;

/**
 * A living organisation for a newcomer's first minute: a committee with three branches and their party groups, about
 * ninety members of every type and category, the {@code city-direct-organs} preset published for this year, and this
 * year's ledger up to today — mostly approved, some waiting for review — plus accounts for every role. Generated
 * from a fixed seed, so every installation gets the same demo; the demo accounts share one generated password.
 */
@Service
public class DemoOrganisation {

    static final String PRESET = "city-direct-organs";
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
            "超", "秀英", "霞", "平", "刚", "桂英", "建华", "文", "华", "红", "玉兰", "志强", "晓东", "海燕", "建国", "春梅", "卫东",
            "晓明", "丽华", "国庆", "红梅", "晨", "宇", "欣", "思远", "雨桐", "浩然", "子涵", "嘉怡"};

    private final Units units;
    private final Members members;
    private final Schemes schemes;
    private final Ledger ledger;
    private final Assessments assessments;
    private final Accounts accounts;
    private final Clock clock;

    public DemoOrganisation(Units units, Members members, Schemes schemes, Ledger ledger, Assessments assessments, Accounts accounts,
                            Clock clock) {
        this.units = units;
        this.members = members;
        this.schemes = schemes;
        this.ledger = ledger;
        this.assessments = assessments;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** What was loaded, and the demo accounts with their shared password (shown once). */
    public record Loaded(int units, int members, int entries, String password, List<DemoAccount> accounts) implements java.io.Serializable {
    }

    public record DemoAccount(String username, String displayName, String role, String unit) implements java.io.Serializable {
    }

    /**
     * Loads the demo on behalf of the system administrator. The application offers it only to an empty installation;
     * it can be loaded once.
     */
    @Transactional
    public Loaded load(CurrentUser admin) {
        if (!admin.isSystemAdmin()) {
            throw new org.springframework.security.access.AccessDeniedException("只有系统管理员可以加载演示组织");
        }
        if (accounts.findByUsername("dangwei").isPresent()) {
            throw new IllegalStateException("the demo organisation is already loaded");
        }
        AuditLog.Actor actor = admin.actor();
        Random random = new Random(20260101L);
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        Set<String> usedNames = new LinkedHashSet<>();

        Unit committee = units.createTrusted(null, "中共市发展改革委机关委员会", UnitKind.COMMITTEE, actor);
        Unit branch1 = units.createTrusted(committee.id(), "第一党支部", UnitKind.BRANCH, actor);
        Unit branch2 = units.createTrusted(committee.id(), "第二党支部", UnitKind.BRANCH, actor);
        Unit retired = units.createTrusted(committee.id(), "离退休干部党支部", UnitKind.BRANCH, actor);
        List<Unit> groups1 = List.of(units.createTrusted(branch1.id(), "第一党小组", UnitKind.GROUP, actor),
                units.createTrusted(branch1.id(), "第二党小组", UnitKind.GROUP, actor));
        List<Unit> groups2 = List.of(units.createTrusted(branch2.id(), "第一党小组", UnitKind.GROUP, actor),
                units.createTrusted(branch2.id(), "第二党小组", UnitKind.GROUP, actor));
        Unit retiredGroup = units.createTrusted(retired.id(), "第一党小组", UnitKind.GROUP, actor);

        List<MemberForm> forms = new ArrayList<>();
        for (List<Unit> groups : List.of(groups1, groups2)) {
            for (int i = 0; i < 34; i++) {
                MemberType type = i >= 31 ? MemberType.ACTIVIST : i >= 27 ? MemberType.PROBATIONARY : MemberType.FORMAL;
                Category category = i < 3 ? Category.LEADER : i == 26 ? Category.MOBILE : Category.IN_SERVICE;
                MemberStatus status = i == 25 ? MemberStatus.EXEMPT : MemberStatus.ACTIVE;
                forms.add(form(random, usedNames, type, category, status, groups.get(i % 2).id(), year));
            }
        }
        for (int i = 0; i < 20; i++) {
            forms.add(form(random, usedNames, MemberType.FORMAL, Category.RETIRED, MemberStatus.ACTIVE, retiredGroup.id(), year - 30));
        }
        List<Long> ids = members.createTrusted(forms, actor);

        String password = Accounts.generatePassword();
        List<DemoAccount> demoAccounts = new ArrayList<>();
        long committeeAdmin = account("dangwei", "党委管理员", password, null, List.of(new Grant(Role.COMMITTEE_ADMIN, committee.id())), actor, demoAccounts, committee);
        account("jiandu", "考核监督员", password, null, List.of(new Grant(Role.SUPERVISOR, committee.id())), actor, demoAccounts, committee);
        long secretary1 = account("shuji1", forms.get(0).name(), password, ids.get(0), List.of(new Grant(Role.SECRETARY, branch1.id())), actor, demoAccounts, branch1);
        long scorer1 = account("jifen1", forms.get(3).name(), password, ids.get(3), List.of(new Grant(Role.SCORER, branch1.id())), actor, demoAccounts, branch1);
        account("xiaozu1", forms.get(4).name(), password, ids.get(4), List.of(new Grant(Role.GROUP_LEADER, groups1.get(0).id())), actor, demoAccounts, groups1.get(0));
        long member1 = account("dangyuan1", forms.get(6).name(), password, ids.get(6), List.of(new Grant(Role.MEMBER, groups1.get(0).id())), actor, demoAccounts, groups1.get(0));
        long secretary2 = account("shuji2", forms.get(34).name(), password, ids.get(34), List.of(new Grant(Role.SECRETARY, branch2.id())), actor, demoAccounts, branch2);
        long scorer2 = account("jifen2", forms.get(37).name(), password, ids.get(37), List.of(new Grant(Role.SCORER, branch2.id())), actor, demoAccounts, branch2);

        schemes.publishPresetTrusted(committee.id(), year, PRESET, actor);

        List<Ledger.Seed> seeds = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            boolean first = i < 34;
            boolean inBranch = i < 68;
            long scorer = first ? scorer1 : scorer2;
            long secretary = first ? secretary1 : secretary2;
            long approver = inBranch ? secretary : committeeAdmin;
            year(seeds, random, ids.get(i), year, today, i % 34, inBranch ? scorer : committeeAdmin, inBranch ? approver : secretary1);
        }
        reviewWork(seeds, ids, today, scorer1, secretary1, member1);
        int written = ledger.seedTrusted(seeds, actor);

        for (int i = 0; i < 68; i++) {
            if (forms.get(i).type() == MemberType.ACTIVIST) {
                continue;
            }
            String level = i % 34 < 3 || i % 7 == 0 ? "优秀" : i % 34 == 20 ? "基本称职" : "称职";
            assessments.assessTrusted(ids.get(i), year, "POST_LEVEL", level, actor);
        }
        return new Loaded(8, ids.size(), written, password, demoAccounts);
    }

    private long account(String username, String name, String password, Long memberId, List<Grant> grants, AuditLog.Actor actor,
                         List<DemoAccount> list, Unit unit) {
        long id = accounts.createTrusted(username, name, password, memberId, grants, actor);
        list.add(new DemoAccount(username, name, grants.get(0).role().label(), unit.name()));
        return id;
    }

    private MemberForm form(Random random, Set<String> used, MemberType type, Category category, MemberStatus status,
                            long unitId, int year) {
        String name;
        do {
            name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        } while (!used.add(name));
        int age = category == Category.RETIRED ? 62 + random.nextInt(20) : type == MemberType.ACTIVIST ? 23 + random.nextInt(6) : 24 + random.nextInt(33);
        LocalDate birth = LocalDate.of(LocalDate.now(clock).getYear() - age, 1 + random.nextInt(12), 1 + random.nextInt(28));
        LocalDate joined = type == MemberType.ACTIVIST ? null : type == MemberType.PROBATIONARY
                ? LocalDate.now(clock).minusMonths(2 + random.nextInt(9))
                : birth.plusYears(20 + random.nextInt(Math.max(1, Math.min(age - 21, 25))));
        return new MemberForm(null, name, random.nextBoolean() ? Gender.MALE : Gender.FEMALE, birth,
                idCard(birth, random), "13" + (100000000 + random.nextInt(899999999)), joined, type, category, status, unitId);
    }

    /** A valid-looking ID-card number (region 110101) for the birth date, with its check digit. */
    private static String idCard(LocalDate birth, Random random) {
        String body = "110101" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        char[] check = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + check[sum % 11];
    }

    /** A member's year so far: meetings, study, organisational life, service, and now and then an award or a lapse. */
    private void year(List<Ledger.Seed> seeds, Random random, long memberId, int year, LocalDate today, int index, long recordedBy,
                      long decidedBy) {
        double diligence = index < 3 ? 0.97 : index == 20 ? 0.55 : 0.65 + random.nextDouble() * 0.32;
        for (int month = 1; month <= 12; month++) {
            add(seeds, random.nextDouble() < diligence, memberId, "ACT_MEETING", LocalDate.of(year, month, 1), "主题党日", today, recordedBy, decidedBy);
            add(seeds, random.nextDouble() < diligence, memberId, "ACT_MEETING", LocalDate.of(year, month, 15), "党小组会", today, recordedBy, decidedBy);
            add(seeds, random.nextDouble() < diligence, memberId, "ACT_STUDY", LocalDate.of(year, month, 25), "支部集中学习", today, recordedBy, decidedBy);
            if (month % 3 == 0) {
                add(seeds, random.nextDouble() < diligence, memberId, "ACT_MEETING", LocalDate.of(year, month, 10), "支部党员大会", today, recordedBy, decidedBy);
            }
            if (month % 3 == 2) {
                add(seeds, random.nextDouble() < diligence, memberId, "ACT_MEETING", LocalDate.of(year, month, 20), "党课", today, recordedBy, decidedBy);
            }
            if (random.nextDouble() < 0.5 * diligence) {
                add(seeds, true, memberId, "PRC_VOLUNTEER", LocalDate.of(year, month, 6), "社区志愿服务", today, recordedBy, decidedBy);
            }
            if (random.nextDouble() > diligence + 0.15) {
                add(seeds, true, memberId, "DED_ABSENT", LocalDate.of(year, month, 15), "未经同意缺席党小组会", today, recordedBy, decidedBy);
            }
        }
        add(seeds, random.nextDouble() < diligence + 0.05, memberId, "ACT_LIFE", LocalDate.of(year, 1, 18), "上年度组织生活会", today, recordedBy, decidedBy);
        add(seeds, random.nextDouble() < diligence, memberId, "ACT_LIFE", LocalDate.of(year, 7, 8), "专题组织生活会", today, recordedBy, decidedBy);
        for (int i = 0; i < random.nextInt(4); i++) {
            add(seeds, true, memberId, "ACT_ESSAY", LocalDate.of(year, 2 + random.nextInt(10), 28), "学习心得", today, recordedBy, decidedBy);
        }
        if (random.nextDouble() < 0.3) {
            add(seeds, true, memberId, "ACT_SPEECH", LocalDate.of(year, 3 + random.nextInt(8), 12), "专题发言", today, recordedBy, decidedBy);
        }
        if (random.nextDouble() < 0.15) {
            add(seeds, true, memberId, "PRC_CIVIC", LocalDate.of(year, 4 + random.nextInt(6), 19), "文明城市创建", today, recordedBy, decidedBy);
        }
        if (random.nextDouble() < 0.1) {
            add(seeds, true, memberId, "RWD_CITY_DEPT", LocalDate.of(year, 6, 30), "市直部门表彰", today, recordedBy, decidedBy);
        }
        if (random.nextDouble() < 0.08) {
            add(seeds, true, memberId, "DED_DUES_LATE", LocalDate.of(year, 5, 28), "未按时交纳党费", today, recordedBy, decidedBy);
        }
    }

    private static void add(List<Ledger.Seed> seeds, boolean happened, long memberId, String item, LocalDate date, String note,
                            LocalDate today, long recordedBy, long decidedBy) {
        if (happened && !date.isAfter(today.minusDays(3))) {
            seeds.add(new Ledger.Seed(memberId, item, date, null, null, null, note, null, EntrySource.SCORER, EntryStatus.APPROVED,
                    recordedBy, null, decidedBy, null));
        }
    }

    /** Work waiting in the review queue of branch 1, and one rejected declaration, so the workflow has something to show. */
    private static void reviewWork(List<Ledger.Seed> seeds, List<Long> ids, LocalDate today, long scorer, long secretary, long member) {
        LocalDate recent = today.minusDays(1);
        seeds.add(new Ledger.Seed(ids.get(8), "PRC_VOLUNTEER", recent, null, null, null, "周末社区义诊志愿服务", null,
                EntrySource.SCORER, EntryStatus.PENDING, scorer, null, null, null));
        seeds.add(new Ledger.Seed(ids.get(10), "ACT_SPEECH", recent, null, null, null, "在主题党日上作专题发言", null,
                EntrySource.SCORER, EntryStatus.PENDING, scorer, null, null, null));
        seeds.add(new Ledger.Seed(ids.get(6), "PRC_CIVIC", recent, null, null, null, "参加结对帮扶走访困难群众", "张三、李四",
                EntrySource.DECLARED, EntryStatus.FIRST_CHECK, member, null, null, null));
        seeds.add(new Ledger.Seed(ids.get(6), "ACT_ESSAY", today.minusDays(20), null, null, null, "撰写学习心得一篇", null,
                EntrySource.DECLARED, EntryStatus.REJECTED, member, scorer, scorer, "心得体会未附原文，请补充后重新申报"));
        seeds.add(new Ledger.Seed(ids.get(12), "DED_OTHER", recent, null, new BigDecimal("-2"), null, "工作日饮酒，经支委会研究扣2分",
                null, EntrySource.SCORER, EntryStatus.PENDING, scorer, null, null, null));
    }
}
