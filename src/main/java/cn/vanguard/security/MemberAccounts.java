package cn.vanguard.security;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Invalid;
import cn.vanguard.NotFound;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.security.MemberAccountRows.Linked;
import cn.vanguard.security.MemberDirectory.Person;

/**
 * Members' own accounts (党员账号), made by the branch: a secretary (MANAGE_MEMBER_ACCOUNTS) creates accounts for the
 * members of their branch in one step, each with a one-time activation code, lists them, issues a code again and
 * disables or enables them. A secretary manages only accounts whose every role is 党员 inside their scope (never their
 * own, a scorer's or a committee administrator's); a committee administrator every account {@link Accounts} lets them
 * manage, of members of their subtree. Every change is audited in its transaction; a bulk creation is one transaction.
 */
@Service
public class MemberAccounts {

    private final MemberAccountRows rows;
    private final Guard guard;
    private final UnitTree tree;
    private final MemberDirectory directory;
    private final ActivationCodes codes;
    private final PasswordEncoder passwords;
    private final LiveSessions sessions;
    private final AuditLog audit;

    MemberAccounts(MemberAccountRows rows, Guard guard, UnitTree tree, MemberDirectory directory, ActivationCodes codes, PasswordEncoder passwords,
                   LiveSessions sessions, AuditLog audit) {
        this.rows = rows;
        this.guard = guard;
        this.tree = tree;
        this.directory = directory;
        this.codes = codes;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** What a slip prints: the only place a code exists in clear. */
    public record Slip(String name, String unitPath, String username, String code, OffsetDateTime expiresAt) {
    }

    /** A member of the unit with their account, if any, and whether the current user may change that account. */
    public record Row(Person member, Long accountId, String username, boolean enabled, CodeState code, OffsetDateTime codeExpiresAt,
                      OffsetDateTime lastLoginAt, boolean manageable) {
    }

    /** Where an account's activation code stands. */
    public enum CodeState { NONE, WAITING, EXPIRED, USED }

    /** The members of a unit in the current user's scope with their accounts, by unit path and code. */
    public List<Row> roster(long unitId) {
        guard.require(Permission.MANAGE_MEMBER_ACCOUNTS, unitId);
        CurrentUser user = guard.current();
        List<Person> people = directory.peopleIn(unitId);
        Map<Long, Linked> byMember = rows.byMember(people.stream().map(Person::id).toList());
        Map<Long, List<Grant>> grants = rows.grants(byMember.values().stream().map(Linked::id).toList());
        OffsetDateTime now = OffsetDateTime.now(codes.clock());
        List<Row> roster = new ArrayList<>();
        for (Person person : people) {
            Linked a = byMember.get(person.id());
            if (a == null) {
                roster.add(new Row(person, null, null, false, CodeState.NONE, null, null, false));
                continue;
            }
            CodeState state = a.used() != null ? CodeState.USED : a.expires() == null ? CodeState.NONE
                    : a.expires().isAfter(now) ? CodeState.WAITING : CodeState.EXPIRED;
            roster.add(new Row(person, a.id(), a.username(), a.enabled(), state, a.expires(), a.lastLogin(),
                    manageable(user, a.id(), person.unitId(), grants.getOrDefault(a.id(), List.of()))));
        }
        return roster;
    }

    /**
     * Creates an account with an activation code for each member given that has none, or, with no member given, for every
     * member of the unit's subtree on its roster that has none; all or nothing, in one transaction. Every member must lie
     * in the unit, and the unit in the current user's scope; otherwise nothing is made and the refusal names nobody.
     */
    @Transactional
    public List<Slip> create(long unitId, Collection<Long> memberIds) {
        guard.require(Permission.MANAGE_MEMBER_ACCOUNTS, unitId);
        CurrentUser user = guard.current();
        Set<Long> wanted = new HashSet<>(memberIds);
        List<Person> people = wanted.isEmpty() ? directory.peopleIn(unitId) : directory.people(wanted);
        if (people.size() != wanted.size() && !wanted.isEmpty()) {
            throw Guard.denied();
        }
        for (Person person : people) {
            if (!tree.within(person.unitId(), unitId)) {
                throw Guard.denied();
            }
        }
        Set<Long> linked = rows.byMember(people.stream().map(Person::id).toList()).keySet();
        List<Person> missing = people.stream().filter(p -> !linked.contains(p.id())).toList();
        if (missing.isEmpty()) {
            throw Invalid.of("members", wanted.isEmpty() ? "该组织的党员都已开通账号，没有需要开通的；遗失激活码的党员，请在列表中点“重发激活码”"
                    : "选中的党员都已开通账号，没有需要开通的；遗失激活码的党员，请在列表中点“重发激活码”");
        }
        Map<Long, String> usernames = Usernames.assign(missing, rows.taken(missing));
        // nobody knows this password: the member sets their own with the code; one hash for the batch, as BCrypt is slow
        String unusable = passwords.encode(Accounts.generatePassword());
        OffsetDateTime now = OffsetDateTime.now(codes.clock());
        List<Slip> slips = new ArrayList<>();
        for (Person person : missing) {
            String username = usernames.get(person.id());
            long id = rows.insert(person, username, unusable, now, user.accountId());
            ActivationCodes.Issued code = codes.issue(id, user.accountId());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("username", username);
            after.put("memberId", person.id());
            after.put("grants", List.of(new Grant(Role.MEMBER, person.unitId())).toString());
            after.put("codeExpiresAt", code.expiresAt().toString());
            audit.record(user.actor(), "ACCOUNT_CREATED", "account", id, person.unitId(),
                    "为党员 " + person.name() + " 开通账号 " + username + "，发放激活码", null, after);
            slips.add(new Slip(person.name(), person.unitPath(), username, code.code(), code.expiresAt()));
        }
        audit.record(user.actor(), "MEMBER_ACCOUNTS_CREATED", "org_unit", unitId, unitId,
                "为 " + tree.name(unitId) + " 的 " + slips.size() + " 名党员开通账号", null,
                Map.of("count", slips.size(), "usernames", String.join(",", usernames.values())));
        return slips;
    }

    /** Issues a new activation code for a member account the current user may manage; the old code stops working. */
    @Transactional
    public Slip reissue(long accountId) {
        Linked account = manageable(accountId);
        CurrentUser user = guard.current();
        Person person = directory.people(List.of(account.memberId())).get(0);
        ActivationCodes.Issued code = codes.issue(accountId, user.accountId());
        audit.record(user.actor(), "ACTIVATION_CODE_ISSUED", "account", accountId, person.unitId(),
                "为 " + account.username() + " 重新发放激活码，旧激活码作废", null, Map.of("codeExpiresAt", code.expiresAt().toString()));
        return new Slip(person.name(), person.unitPath(), account.username(), code.code(), code.expiresAt());
    }

    /** Disables (ending its sessions) or enables a member account the current user may manage. */
    @Transactional
    public void setEnabled(long accountId, boolean enabled) {
        Linked account = manageable(accountId);
        CurrentUser user = guard.current();
        if (user.accountId() == accountId) {
            throw Invalid.of("enabled", "不能停用自己的账号");
        }
        rows.setEnabled(accountId, enabled);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("enabled", enabled);
        if (!enabled) {
            after.put("sessionsEnded", sessions.endAll(accountId, account.username()));
        }
        audit.record(user.actor(), enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "account", accountId,
                tree.memberUnit(account.memberId()).orElse(null),
                enabled ? "启用党员账号 " + account.username() : "停用党员账号 " + account.username() + "，其登录会话全部结束",
                Map.of("enabled", account.enabled()), after);
    }

    /** A member account the current user may manage: a missing one is {@link NotFound}, one out of reach refused. */
    private Linked manageable(long accountId) {
        Linked account = rows.one(accountId).orElseThrow(() -> new NotFound("账号不存在"));
        Long unit = account.memberId() == null ? null : tree.memberUnit(account.memberId()).orElse(null);
        if (unit == null || !manageable(guard.current(), accountId, unit, rows.grants(List.of(accountId)).getOrDefault(accountId, List.of()))) {
            throw Guard.denied();
        }
        return account;
    }

    /**
     * A committee (or system) administrator manages what {@link Accounts#manageable} allows; a secretary only accounts
     * whose every role is 党员 inside their scope, not their own.
     */
    private boolean manageable(CurrentUser user, long accountId, long memberUnit, List<Grant> grants) {
        if (user.isSystemAdmin()) {
            return true;
        }
        if (grants.stream().anyMatch(g -> g.role() == Role.SYSTEM_ADMIN)) {
            return false;
        }
        if (guard.can(user, Permission.MANAGE_ACCOUNTS, memberUnit)
                && grants.stream().allMatch(g -> g.unitId() != null && guard.can(user, Permission.MANAGE_ACCOUNTS, g.unitId()))) {
            return true;
        }
        return user.accountId() != accountId && guard.can(user, Permission.MANAGE_MEMBER_ACCOUNTS, memberUnit)
                && grants.stream().allMatch(g -> g.role() == Role.MEMBER && g.unitId() != null
                && guard.can(user, Permission.MANAGE_MEMBER_ACCOUNTS, g.unitId()));
    }
}
