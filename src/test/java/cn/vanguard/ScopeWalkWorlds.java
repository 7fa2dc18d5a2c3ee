package cn.vanguard;

import static cn.vanguard.ScopeWalkWorlds.R.MEM;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.ledger.NewEntry;
import cn.vanguard.ledger.Upload;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.security.ApiTokens;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * The organisations, accounts and objects the scope walk ({@link ScopeWalkContract}) runs its requests on, and what it
 * compares before and after: the fingerprint of an organisation's data and the text of a response.
 */
abstract class ScopeWalkWorlds {

    /** The roles walked, as held in organisation A. */
    enum R {
        SA(Role.SYSTEM_ADMIN), CA(Role.COMMITTEE_ADMIN), SEC(Role.SECRETARY), SCO(Role.SCORER), GL(Role.GROUP_LEADER),
        MEM(Role.MEMBER), SUP(Role.SUPERVISOR);

        final Role role;

        R(Role role) {
            this.role = role;
        }
    }

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Schemes schemes;
    @Autowired
    Ledger ledger;
    @Autowired
    Members members;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    World a;
    World b;
    LocalDate day;

    /**
     * One organisation: a committee with a branch, a party group in it and a second branch, and what lives there; the
     * members (and their entries) live in {@code group}, the unit a request "on the world's data" names.
     */
    record World(Unit committee, Unit branch, Unit group, Unit otherBranch, PublishedScheme scheme, long target, String targetCode,
                 long self, long declarer, Fixtures.Account declarerAccount, Fixtures.Account recorder,
                 Fixtures.Account targetAccount, long approvedEntry, long attachment, List<String> markers) {

        /** The names of the world's members: nobody outside the unit they live in may read them. */
        List<String> people() {
            return markers.subList(4, 7);
        }
    }

    /** A role held in a unit (none for the system administrator). */
    record Held(R role, Unit unit) {
    }

    /**
     * An account, signed in for pages and holding an API token, with what it holds; {@code role} is the role it is
     * walked as in the table (an account of the main walk holds that one role in organisation A).
     */
    record Caller(R role, Fixtures.Account account, String token, List<Held> holds) {

        /** Whether one of the roles given reaches the unit (its subtree, or everything for the system administrator). */
        Optional<R> reaches(Set<R> roles, Unit unit) {
            return holds.stream().filter(h -> roles.contains(h.role()) && (h.role() == R.SA || unit.path().startsWith(h.unit().path())))
                    .map(Held::role).findFirst();
        }

        /** Whether one of the roles given is held inside the unit or reaches it (the unit's schemes apply to its whole subtree). */
        Optional<R> within(Set<R> roles, Unit unit) {
            return reaches(roles, unit).or(() -> holds.stream()
                    .filter(h -> roles.contains(h.role()) && h.unit() != null && h.unit().path().startsWith(unit.path()))
                    .map(Held::role).findFirst());
        }

        /** One of the roles given that the caller holds anywhere. */
        Optional<R> holdsAny(Set<R> roles) {
            return holds.stream().map(Held::role).filter(roles::contains).findFirst();
        }
    }

    /** The text of a response; the text of every file inside it when it is a zip (an xlsx workbook or the ledger export). */
    static String text(byte[] body) throws IOException {
        if (body.length > 1 && body[0] == 'P' && body[1] == 'K') {
            Path file = Files.createTempFile("scope-walk", ".zip");
            StringBuilder all = new StringBuilder();
            try {
                Files.write(file, body);
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                        all.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                    }
                }
            } finally {
                Files.delete(file);
            }
            return all.toString();
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * What of a world changes when someone changes its data: its units, members (and transfers, also of members moved
     * out), ledger entries and attachments, assessments, scheme versions, and its accounts with their roles and tokens.
     * Last-login and last-used times are left out: reading is not changing.
     */
    String fingerprint(World w) {
        List<Long> units = jdbc.sql("select id from org_unit where path like :p").param("p", w.committee().path() + "%").query(Long.class).list();
        List<Long> people = jdbc.sql("select id from member where unit_id in (:u) or id in (:m)").param("u", units)
                .param("m", List.of(w.target(), w.self(), w.declarer())).query(Long.class).list();
        List<Long> accounts = jdbc.sql("select account_id from role_grant where unit_id in (:u) union select id from account where member_id in (:p)")
                .param("u", units).param("p", people).query(Long.class).list();
        List<String> queries = List.of(
                "select id, parent_id, name, kind, path, closed_at, version from org_unit where id in (:u) order by id",
                "select id, code, name, phone, member_type, category, status, unit_id, version from member where id in (:p) order by id",
                "select id, member_id, to_unit_id from member_transfer where member_id in (:p) order by id",
                "select id, member_id, status, version, reverses_id from ledger_entry where member_id in (:p) order by id",
                "select count(*) from attachment a join ledger_entry e on e.id = a.entry_id where e.member_id in (:p)",
                "select id, member_id, item_code, assessed_value, version from assessment where member_id in (:p) order by id",
                "select id, unit_id, version_no from scheme_version where unit_id in (:u) order by id",
                "select id, username, password_hash, member_id, enabled, version from account where id in (:a) order by id",
                "select id, account_id, role, unit_id from role_grant where account_id in (:a) or unit_id in (:u) order by id",
                "select id, account_id, revoked_at from api_token where account_id in (:a) order by id",
                "select account_id, code_hash, expires_at, used_at from activation_code where account_id in (:a) order by account_id");
        StringBuilder print = new StringBuilder().append(units).append(people).append(accounts).append('\n');
        for (String sql : queries) {
            print.append(jdbc.sql(sql).param("u", units).param("p", people).param("a", accounts).query().listOfRows()).append('\n');
        }
        return print.toString();
    }

    // ------------------------------------------------------------------ the organisations

    World world(String tag) {
        return world(tag, false);
    }

    /** An organisation whose members live in its group, or (when {@code inBranch}) in its branch directly, above the group. */
    World world(String tag, boolean inBranch) {
        Unit committee = fixtures.unit(null, tag + "党委", UnitKind.COMMITTEE);
        Unit branch = fixtures.unit(committee.id(), tag + "支部", UnitKind.BRANCH);
        Unit group = inBranch ? branch : fixtures.unit(branch.id(), tag + "小组", UnitKind.GROUP);
        Unit otherBranch = fixtures.unit(committee.id(), tag + "二支部", UnitKind.BRANCH);
        PublishedScheme scheme = schemes.publishPresetTrusted(committee.id(), fixtures.year(), "city-direct-organs", AuditLog.Actor.SYSTEM);
        String targetName = Fixtures.unique(tag + "甲");
        long target = fixtures.member(group.id(), targetName);
        String selfName = Fixtures.unique(tag + "乙");
        long self = fixtures.member(group.id(), selfName);
        String declarerName = Fixtures.unique(tag + "丙");
        long declarer = fixtures.member(group.id(), declarerName);
        Fixtures.Account declarerAccount = fixtures.memberAccount(declarer, group.id());
        Fixtures.Account recorder = fixtures.account(Role.SCORER, committee.id());
        Fixtures.Account targetAccount = fixtures.account(null, new Grant(Role.MEMBER, group.id()));
        String targetCode = jdbc.sql("select code from member where id = :id").param("id", target).query(String.class).single();
        World partial = new World(committee, branch, group, otherBranch, scheme, target, targetCode, self, declarer, declarerAccount, recorder,
                targetAccount, 0, 0, List.of());
        long approved = approvedEntry(partial);
        recorder.signIn();
        LedgerEntry withFile;
        try {
            withFile = ledger.record(new NewEntry(target, "RWD_CITY", day, null, null, null, "表彰", null),
                    List.of(new Upload("表彰.png", "image/png", PNG)), UUID.randomUUID().toString());
        } finally {
            SignIn.out();
        }
        long attachment = jdbc.sql("select id from attachment where entry_id = :e").param("e", withFile.id()).query(Long.class).single();
        List<String> markers = List.of(committee.name(), branch.name(), group.name(), otherBranch.name(), targetName, selfName, declarerName,
                declarerAccount.username(), recorder.username(), targetAccount.username());
        return new World(committee, branch, group, otherBranch, scheme, target, targetCode, self, declarer, declarerAccount, recorder,
                targetAccount, approved, attachment, markers);
    }

    /** Every role, each held by an account of its own in the world: the committee's, the branch's, the group's. */
    Map<R, Caller> callers(World w) {
        Map<R, Caller> callers = new EnumMap<>(R.class);
        for (R r : R.values()) {
            Unit unit = switch (r) {
                case SA -> null;
                case CA, SUP -> w.committee();
                case SEC, SCO -> w.branch();
                case GL, MEM -> w.group();
            };
            callers.put(r, r == MEM ? caller(r, fixtures.memberAccount(w.self(), unit.id()), List.of(new Held(r, unit)))
                    : holding(r, new Held(r, unit)));
        }
        return callers;
    }

    /** A new account holding the roles given, walked as {@code role}. */
    Caller holding(R role, Held... holds) {
        Fixtures.Account account = fixtures.account(null, java.util.Arrays.stream(holds)
                .map(h -> new Grant(h.role().role, h.unit() == null ? null : h.unit().id())).toArray(Grant[]::new));
        return caller(role, account, List.of(holds));
    }

    Caller caller(R role, Fixtures.Account account, List<Held> holds) {
        account.signIn();
        try {
            return new Caller(role, account, tokens.create("范围测试"), holds);
        } finally {
            SignIn.out();
        }
    }

    // fresh objects for requests that change what they act on

    long approvedEntry(World w) {
        long recorder = w.recorder().id();
        ledger.seedTrusted(List.of(new Ledger.Seed(w.target(), "ACT_STUDY", day, BigDecimal.ONE, null, null, "学习", null, EntrySource.SCORER,
                EntryStatus.APPROVED, recorder, null, recorder, null)), AuditLog.Actor.SYSTEM);
        return jdbc.sql("select max(id) from ledger_entry where member_id = :m").param("m", w.target()).query(Long.class).single();
    }

    LedgerEntry pendingEntry(World w) {
        w.recorder().signIn();
        try {
            return ledger.record(new NewEntry(w.target(), "ACT_MEETING", day, null, null, null, "支部党员大会", null), List.of(),
                    UUID.randomUUID().toString());
        } finally {
            SignIn.out();
        }
    }

    /** A finished import of a ledger file into the target's group, started by the world's recorder. */
    long importJob(World w) {
        jdbc.sql("""
                        insert into ledger_import (unit_id, account_id, file_name, file_hash, state, rows_read, rows_valid, rows_written,
                                                   message, created_at, finished_at)
                        values (:u, :a, '台账.csv', :h, 'DONE', 1, 1, 1, '已导入1条积分记录，等待审核', current_timestamp, current_timestamp)""")
                .param("u", w.group().id()).param("a", w.recorder().id()).param("h", UUID.randomUUID().toString()).update();
        return jdbc.sql("select max(id) from ledger_import where unit_id = :u").param("u", w.group().id()).query(Long.class).single();
    }

    LedgerEntry declaredEntry(World w) {
        w.declarerAccount().signIn();
        try {
            return ledger.declare(new NewEntry(w.declarer(), "PRC_VOLUNTEER", day, null, null, null, "社区志愿服务", "张三、李四"), List.of(),
                    UUID.randomUUID().toString());
        } finally {
            SignIn.out();
        }
    }

    long freshMember(World w) {
        return fixtures.member(w.group().id(), "新人" + Fixtures.unique(""));
    }

    Unit freshUnit(World w) {
        return fixtures.unit(w.branch().id(), "新小组", UnitKind.GROUP);
    }

    Fixtures.Account freshAccount(World w, Long memberId) {
        return fixtures.account(memberId, new Grant(Role.MEMBER, w.group().id()));
    }

    /** A member's own account (党员 in the world's group, linked to a new member there), as secretaries make them. */
    Fixtures.Account freshMemberAccount(World w) {
        return fixtures.memberAccount(freshMember(w), w.group().id());
    }

    /** An account linked to a new member of the world, holding a scorer's role there (not a member's, which keeps the link). */
    Fixtures.Account linkedScorer(World w) {
        return fixtures.account(freshMember(w), new Grant(Role.SCORER, w.group().id()));
    }

    long ownToken(Caller caller) {
        caller.account().signIn();
        try {
            tokens.create("吊销测试");
            return tokens.mine().get(0).id();
        } finally {
            SignIn.out();
        }
    }

    long tokenOf(Fixtures.Account account) {
        account.signIn();
        try {
            tokens.create("别人的令牌");
            return tokens.mine().get(0).id();
        } finally {
            SignIn.out();
        }
    }

    int version(long entryId) {
        return jdbc.sql("select version from ledger_entry where id = :id").param("id", entryId).query(Integer.class).single();
    }

    String memberCode(long memberId) {
        return jdbc.sql("select code from member where id = :id").param("id", memberId).query(String.class).single();
    }

    int memberVersion(long memberId) {
        return jdbc.sql("select version from member where id = :id").param("id", memberId).query(Integer.class).single();
    }

    String yaml(World w) {
        return jdbc.sql("select yaml from scheme_version where id = :id").param("id", w.scheme().id()).query(String.class).single();
    }

    static String id(long id) {
        return Long.toString(id);
    }
}
