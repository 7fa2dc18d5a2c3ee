package cn.vanguard.testing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.org.Gender;
import cn.vanguard.org.MemberForm;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;
import cn.vanguard.org.Units;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;

/**
 * Test data made through the modules' trusted setup methods (as the demo loader does), with unique names, so that
 * tests sharing one application context never see each other's data by accident.
 */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "Passw0rd2026";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Units units;
    private final Members members;
    private final Accounts accounts;
    private final Schemes schemes;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public Fixtures(Units units, Members members, Accounts accounts, Schemes schemes, JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.units = units;
        this.members = members;
        this.accounts = accounts;
        this.schemes = schemes;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + "x" + ProcessHandle.current().pid() % 1000;
    }

    public int year() {
        return LocalDate.now(clock).getYear();
    }

    public Unit unit(Long parentId, String name, UnitKind kind) {
        return units.createTrusted(parentId, unique(name), kind, AuditLog.Actor.SYSTEM);
    }

    /** A committee with one branch under it, and the preset published for this year at the committee. */
    public record Tree(Unit committee, Unit branch, Unit otherBranch, PublishedScheme scheme) {
    }

    public Tree tree(String preset) {
        Unit committee = unit(null, "测试党委", UnitKind.COMMITTEE);
        Unit branch = unit(committee.id(), "第一支部", UnitKind.BRANCH);
        Unit other = unit(committee.id(), "第二支部", UnitKind.BRANCH);
        PublishedScheme scheme = schemes.publishPresetTrusted(committee.id(), year(), preset, AuditLog.Actor.SYSTEM);
        return new Tree(committee, branch, other, scheme);
    }

    public long member(long unitId, String name) {
        return member(unitId, name, MemberType.FORMAL, Category.IN_SERVICE);
    }

    public long member(long unitId, String name, MemberType type, Category category) {
        MemberForm form = new MemberForm(unique("T"), name, Gender.FEMALE, LocalDate.of(1985, 5, 1), null, null,
                LocalDate.of(2010, 7, 1), type, category, MemberStatus.ACTIVE, unitId);
        return members.createTrusted(List.of(form), AuditLog.Actor.SYSTEM).get(0);
    }

    /** An account with the password {@link #PASSWORD}, holding the grants given (and linked to a member, if given). */
    public Account account(Long memberId, Grant... grants) {
        String username = unique("u");
        long id = accounts.createTrusted(username, "测试" + username, PASSWORD, memberId, List.of(grants), AuditLog.Actor.SYSTEM);
        return new Account(id, username);
    }

    public Account account(Role role, Long unitId) {
        return account(null, new Grant(role, unitId));
    }

    public Account memberAccount(long memberId, long unitId) {
        return account(memberId, new Grant(Role.MEMBER, unitId));
    }

    /** An account made by a fixture: act as it in service calls or MockMvc requests. */
    public record Account(long id, String username) {
        public void signIn() {
            SignIn.as(id, username);
        }

        public RequestPostProcessor request() {
            return SignIn.request(id, username);
        }
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public PasswordEncoder passwords() {
        return passwords;
    }
}
