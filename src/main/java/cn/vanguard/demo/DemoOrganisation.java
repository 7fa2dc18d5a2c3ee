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
import cn.vanguard.cycle.PastPeriods;
import cn.vanguard.ledger.Assessments;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
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
 * ninety members of every type and category, the {@code city-direct-organs} preset published for this year with the
 * seeds' evidence rule on its awards and deductions ({@link #committeeScheme}), and this
 * year's ledger up to today — mostly approved, some waiting for review — plus accounts for every role. A fourth
 * branch runs its own quarterly rule document ({@code changzhou-2021}): its quarters that ended are already closed,
 * published and approved, the current one open ({@link PastPeriods}). Generated from fixed seeds, so every
 * installation gets the same demo on the same day; the demo accounts share one generated password.
 */
@Service
public class DemoOrganisation {

    static final String PRESET = "city-direct-organs";
    private final Units units;
    private final Members members;
    private final Schemes schemes;
    private final Ledger ledger;
    private final Assessments assessments;
    private final Accounts accounts;
    private final PastPeriods pastPeriods;
    private final Clock clock;

    public DemoOrganisation(Units units, Members members, Schemes schemes, Ledger ledger, Assessments assessments, Accounts accounts,
                            PastPeriods pastPeriods, Clock clock) {
        this.pastPeriods = pastPeriods;
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
        Set<String> names = new LinkedHashSet<>();
        People people = new People(random, names, today);

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
                forms.add(people.form(type, category, status, groups.get(i % 2).id()));
            }
        }
        for (int i = 0; i < 20; i++) {
            forms.add(people.form(MemberType.FORMAL, Category.RETIRED, MemberStatus.ACTIVE, retiredGroup.id()));
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

        schemes.publishFileTrusted(committee.id(), year, committeeScheme(), actor);

        List<Ledger.Seed> seeds = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            boolean first = i < 34;
            boolean inBranch = i < 68;
            long scorer = first ? scorer1 : scorer2;
            long secretary = first ? secretary1 : secretary2;
            long approver = inBranch ? secretary : committeeAdmin;
            int before = seeds.size();
            year(seeds, random, ids.get(i), year, today, i % 34, inBranch ? scorer : committeeAdmin, inBranch ? approver : secretary1);
            String witnesses = witnesses(forms, i);
            for (int k = before; k < seeds.size(); k++) {
                seeds.set(k, proven(seeds.get(k), witnesses));
            }
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

        // a branch under its own quarterly rule document, its ended quarters already through the cycle (its own seed, so
        // the rest of the demo is what it always was)
        Unit service = units.createTrusted(committee.id(), QuarterlyBranch.NAME, UnitKind.BRANCH, actor);
        Random quarterly = new Random(20260301L);
        List<MemberForm> serviceForms = QuarterlyBranch.forms(new People(quarterly, names, today), service.id());
        List<Long> serviceIds = members.createTrusted(serviceForms, actor);
        long secretary3 = account("shuji3", serviceForms.get(0).name(), password, serviceIds.get(0),
                List.of(new Grant(Role.SECRETARY, service.id())), actor, demoAccounts, service);
        long member3 = account("dangyuan3", serviceForms.get(5).name(), password, serviceIds.get(5),
                List.of(new Grant(Role.MEMBER, service.id())), actor, demoAccounts, service);
        schemes.publishPresetTrusted(service.id(), year, QuarterlyBranch.PRESET, actor);
        List<Ledger.Seed> serviceSeeds = new ArrayList<>();
        QuarterlyBranch.year(serviceSeeds, quarterly, serviceIds, year, today, secretary3);
        QuarterlyBranch.declaration(serviceSeeds, serviceIds.get(5), member3, today);
        written += ledger.seedTrusted(serviceSeeds, actor);
        pastPeriods.runTrusted(service.id(), new PastPeriods.Person(secretary3, serviceForms.get(0).name()),
                new PastPeriods.Person(committeeAdmin, "党委管理员"), actor);
        return new Loaded(9, ids.size() + serviceIds.size(), written, password, demoAccounts);
    }

    /**
     * The committee's scheme: the {@code city-direct-organs} preset as shipped, and, as the seeds ask of every award and
     * deduction ("提供相关材料或由至少2名党员群众予以证明", 004; "党员在申报个人情况时需提供相关材料", 000's 实施细则),
     * proof on each of its RWD_ and DED_ items, materials or two witnesses; scored exactly as the preset scores. A
     * newcomer sees the rule on the forms and in the review queue, as a committee that adopted it would.
     */
    static String committeeScheme() {
        String preset = cn.vanguard.scheme.file.Presets.text(PRESET).orElseThrow();
        String adapted = preset.replaceAll("(?m)^(\\s*- \\{ code: (?:RWD|DED)_[A-Z_]+, name: [^,]+, )", "$1evidence: MATERIALS_OR_WITNESSES, ")
                .replaceFirst("(?m)^# .*$", "# 演示党委的积分办法：预设 city-direct-organs，表彰加分和扣分须有证明（材料或至少2名党员群众）")
                .replaceFirst("(?m)^id: city-direct-organs$", "id: city-direct-organs-proof")
                .replaceFirst("(?m)^(  为不合格，结合民主评议确定等次并公示。离退休党员和流动党员暂不实行。)$",
                        "$1本党委另规定：表彰加分和各项扣分须提供证明材料，或由至少2名党员群众予以证明，审核时查验。");
        if (adapted.equals(preset) || !adapted.contains("本党委另规定")) {
            throw new IllegalStateException("the preset " + PRESET + " changed: the demo's evidence rule no longer applies to it");
        }
        return adapted;
    }

    /** Two other members of the member's own branch (of the 34, 34 and 20 members in order), who saw what they did. */
    private static String witnesses(List<MemberForm> forms, int member) {
        int first = member < 34 ? 0 : member < 68 ? 34 : 68;
        List<String> names = new ArrayList<>();
        for (int i = first; names.size() < 2; i++) {
            if (i != member) {
                names.add(forms.get(i).name());
            }
        }
        return String.join("、", names);
    }

    /** An approved award or deduction with the witnesses the committee's scheme asks of it ({@link #committeeScheme}). */
    private static Ledger.Seed proven(Ledger.Seed s, String witnesses) {
        boolean needs = s.itemCode().startsWith("RWD_") || s.itemCode().startsWith("DED_");
        return !needs || s.witnesses() != null ? s : new Ledger.Seed(s.memberId(), s.itemCode(), s.date(), s.quantity(), s.points(),
                s.occurrence(), s.note(), witnesses, s.source(), s.status(), s.recordedBy(), s.checkedBy(), s.decidedBy(), s.rejectReason());
    }

    private long account(String username, String name, String password, Long memberId, List<Grant> grants, AuditLog.Actor actor,
                         List<DemoAccount> list, Unit unit) {
        long id = accounts.createTrusted(username, name, password, memberId, grants, actor);
        list.add(new DemoAccount(username, name, grants.get(0).role().label(), unit.name()));
        return id;
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
