package cn.vanguard.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Invalid;
import cn.vanguard.Like;
import cn.vanguard.Text;
import cn.vanguard.NotFound;
import cn.vanguard.audit.AuditLog;

/**
 * Accounts and their roles per unit. Managing them needs MANAGE_ACCOUNTS over every unit a grant touches, and every
 * change is to an account the manager may look at ({@link #visible(long)}); an id that does not exist is {@link NotFound}.
 */
@Service
public class Accounts {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Guard guard;
    private final Clock clock;
    private final UnitTree tree;

    public Accounts(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, Guard guard, Clock clock, UnitTree tree) {
        this.tree = tree;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.guard = guard;
        this.clock = clock;
    }

    /** An account as listed and edited. */
    public record Account(long id, String username, String displayName, Long memberId, boolean enabled,
                          boolean mustChangePassword, OffsetDateTime lockedUntil, OffsetDateTime lastLoginAt, List<Grant> grants) {
    }

    /** A random password of 14 letters and digits without look-alikes (0/O, 1/l/I). */
    public static String generatePassword() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** Why a password is not acceptable, or null. */
    public static String weakness(String password) {
        if (password == null || password.length() < 8) {
            return "密码至少8位";
        }
        if (!password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
            return "密码须同时包含字母和数字";
        }
        return null;
    }

    public int count() {
        return jdbc.sql("select count(*) from account").query(Integer.class).single();
    }

    public Optional<Account> find(long id) {
        return jdbc.sql("select id from account where id = :id").param("id", id).query(Long.class).optional().map(this::load);
    }

    /**
     * The installation's first system administrator (the one the first start created, unless removed): the account the
     * ledger names as the recorder of what the command line writes as the system.
     */
    public Optional<Long> firstSystemAdministrator() {
        return jdbc.sql("select account_id from role_grant where role = :r order by account_id limit 1").param("r", Role.SYSTEM_ADMIN.name())
                .query(Long.class).optional();
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).optional().map(this::load);
    }

    private Account load(long id) {
        // the grants are read after the account, not from inside its row mapper: a query there would need a second
        // connection while the first is still held, and under load the pool runs dry (see docs/performance.md)
        List<Grant> grants = grants(id);
        return jdbc.sql("select * from account where id = :id").param("id", id).query((rs, n) -> new Account(
                rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), rs.getObject("member_id", Long.class),
                rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                rs.getObject("locked_until", OffsetDateTime.class), rs.getObject("last_login_at", OffsetDateTime.class),
                grants)).single();
    }

    /**
     * The ids of at most {@code limit} accounts whose display name or username contains the text (literally, ignoring
     * case), for finding a person's lines in the audit log by name.
     */
    public List<Long> idsNamed(String text, int limit) {
        if (text == null || text.isBlank() || Text.unmatchable(text)) {
            return List.of();
        }
        return jdbc.sql("select id from account where lower(display_name) like :t" + Like.ESCAPE
                        + " or lower(username) like :t" + Like.ESCAPE + " order by id limit " + Math.max(1, limit))
                .param("t", Like.containing(text.strip().toLowerCase())).query(Long.class).list();
    }

    /** The display names of the accounts given, by id, in one query (other modules name accounts without reading them). */
    public Map<Long, String> displayNames(Collection<Long> ids) {
        List<Long> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        Map<Long, String> names = new HashMap<>();
        for (int i = 0; i < distinct.size(); i += 1000) {
            jdbc.sql("select id, display_name from account where id in (:ids)").param("ids", distinct.subList(i, Math.min(distinct.size(), i + 1000)))
                    .query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }

    /**
     * The units an account acts for: those of its roles and that of its linked member (whose import a viewer may see
     * named only when one of them lies in their scope).
     */
    public List<Long> actingUnits(long accountId) {
        List<Long> units = new ArrayList<>(jdbc.sql("select unit_id from role_grant where account_id = :a and unit_id is not null")
                .param("a", accountId).query(Long.class).list());
        jdbc.sql("select member_id from account where id = :a and member_id is not null").param("a", accountId).query(Long.class)
                .optional().flatMap(tree::memberUnit).ifPresent(units::add);
        return units;
    }

    public List<Grant> grants(long accountId) {
        return jdbc.sql("select role, unit_id from role_grant where account_id = :id order by id").param("id", accountId)
                .query((rs, n) -> new Grant(Role.valueOf(rs.getString(1)), rs.getObject(2, Long.class))).list();
    }

    /**
     * Accounts the current user may manage: all of them for the system administrator, otherwise those holding a role
     * in one of the manager's units (or linked to a member there), newest first.
     */
    public List<Account> visible() {
        List<Long> units = guard.units(Permission.MANAGE_ACCOUNTS);
        List<Long> ids;
        if (units == null) {
            ids = jdbc.sql("select id from account order by id").query(Long.class).list();
        } else if (units.isEmpty()) {
            return List.of();
        } else {
            // the members' units come from the organisation module, which owns them: one query here, one there
            Set<Long> scope = new HashSet<>(units);
            Set<Long> found = new TreeSet<>(jdbc.sql("select distinct account_id from role_grant where unit_id in (:units)")
                    .param("units", units).query(Long.class).list());
            Map<Long, Long> linked = new HashMap<>();
            jdbc.sql("select id, member_id from account where member_id is not null").query(rs -> {
                linked.put(rs.getLong(1), rs.getLong(2));
            });
            Map<Long, Long> memberUnits = tree.memberUnits(linked.values());
            linked.forEach((account, member) -> {
                if (scope.contains(memberUnits.get(member))) {
                    found.add(account);
                }
            });
            ids = List.copyOf(found);
        }
        return ids.stream().map(this::load).toList();
    }

    /**
     * An account the current user may look at: the system administrator sees every account, a manager those holding a
     * role in one of their units or linked to a member there (as {@link #visible()} lists them).
     */
    public Account visible(long id) {
        Account account = find(id).orElseThrow(() -> new NotFound("账号不存在"));
        CurrentUser user = guard.current();
        if (user.isSystemAdmin()) {
            return account;
        }
        for (Grant grant : account.grants()) {
            if (grant.unitId() != null && guard.can(user, Permission.MANAGE_ACCOUNTS, grant.unitId())) {
                return account;
            }
        }
        Long memberUnit = memberUnit(account.memberId());
        if (memberUnit != null && guard.can(user, Permission.MANAGE_ACCOUNTS, memberUnit)) {
            return account;
        }
        throw Guard.denied();
    }

    /** Whether the current user may grant or revoke this grant (the role's unit lies in their scope). */
    public boolean grantable(Grant grant) {
        CurrentUser user = guard.current();
        if (grant.role() == Role.SYSTEM_ADMIN) {
            return user.isSystemAdmin();
        }
        return grant.unitId() != null && guard.can(user, Permission.MANAGE_ACCOUNTS, grant.unitId());
    }

    private Long memberUnit(Long memberId) {
        return memberId == null ? null : tree.memberUnit(memberId).orElse(null);
    }

    /** The unit an audit line about the account belongs to: its first role's unit, else its member's unit. */
    Long auditUnit(Account account) {
        return account.grants().stream().map(Grant::unitId).filter(Objects::nonNull).findFirst()
                .orElseGet(() -> memberUnit(account.memberId()));
    }

    /** Whether the current user may manage this account: every grant and the linked member lie in their scope. */
    public boolean manageable(Account account) {
        CurrentUser user = guard.current();
        if (user.isSystemAdmin()) {
            return true;
        }
        if (account.grants().stream().anyMatch(g -> g.role() == Role.SYSTEM_ADMIN)) {
            return false;
        }
        boolean touches = false;
        for (Grant grant : account.grants()) {
            if (!guard.can(user, Permission.MANAGE_ACCOUNTS, grant.unitId())) {
                return false;
            }
            touches = true;
        }
        Long memberUnit = memberUnit(account.memberId());
        if (memberUnit != null) {
            if (!guard.can(user, Permission.MANAGE_ACCOUNTS, memberUnit)) {
                return false;
            }
            touches = true;
        }
        return touches;
    }

    /** Creates an account with a generated password, which is returned once to be handed over. */
    @Transactional
    public Created create(String username, String displayName, Long memberId, List<Grant> grants) {
        CurrentUser user = guard.current();
        checkGrants(user, grants);
        if (memberId != null) {
            Long unit = tree.memberUnit(memberId).orElseThrow(() -> Invalid.of("member", "党员不存在"));
            if (!guard.can(user, Permission.MANAGE_ACCOUNTS, unit)) {
                throw Guard.denied();
            }
        }
        if (grants.isEmpty() && memberId == null) {
            throw Invalid.of("grants", "账号至少需要一个角色，或关联一名党员");
        }
        if (memberId == null && grants.stream().anyMatch(g -> g.role() == Role.MEMBER)) {
            throw Invalid.of("member", "党员角色需要关联本人的党员信息");
        }
        String password = generatePassword();
        long id = insert(username, displayName, passwords.encode(password), memberId, true);
        for (Grant grant : grants) {
            insertGrant(id, grant, user.accountId());
        }
        audit.record(user.actor(), "ACCOUNT_CREATED", "account", id,
                grants.stream().map(Grant::unitId).filter(Objects::nonNull).findFirst().orElseGet(() -> memberUnit(memberId)),
                "创建账号 " + username, null, created(username, displayName, memberId, grants));
        return new Created(id, password);
    }

    private static Map<String, Object> created(String username, String displayName, Long memberId, List<Grant> grants) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("displayName", displayName);
        fields.put("memberId", memberId);
        fields.put("grants", grants.toString());
        return fields;
    }

    /** The new account's id and its one-time password. */
    public record Created(long id, String password) {
    }

    /** The first start's administrator, created by the system before anybody can sign in. */
    @Transactional
    public Created createFirstAdministrator(String username) {
        String password = generatePassword();
        long id = insert(username, "系统管理员", passwords.encode(password), null, true);
        insertGrant(id, new Grant(Role.SYSTEM_ADMIN, null), null);
        audit.record(AuditLog.Actor.SYSTEM, "ACCOUNT_CREATED", "account", id, null, "首次启动创建系统管理员 " + username, null,
                Map.of("username", username, "role", Role.SYSTEM_ADMIN.name()));
        return new Created(id, password);
    }

    /** For trusted setup code (the demo organisation): creates an account without a scope check of the grants' units. */
    @Transactional
    public long createTrusted(String username, String displayName, String password, Long memberId, List<Grant> grants,
                              AuditLog.Actor actor) {
        long id = insert(username, displayName, passwords.encode(password), memberId, false);
        for (Grant grant : grants) {
            insertGrant(id, grant, actor.accountId());
        }
        audit.record(actor, "ACCOUNT_CREATED", "account", id, grants.isEmpty() ? null : grants.get(0).unitId(),
                "创建账号 " + username, null, Map.of("username", username, "grants", grants.toString()));
        return id;
    }

    private long insert(String username, String displayName, String hash, Long memberId, boolean mustChange) {
        String name = username == null ? "" : username.trim();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!name.matches("[A-Za-z0-9_.\\-]{3,50}")) {
            errors.put("username", "用户名须为3至50位字母、数字、下划线、点或连字符");
        } else if (jdbc.sql("select count(*) from account where username = :u").param("u", name).query(Integer.class).single() > 0) {
            errors.put("username", "用户名“" + name + "”已被使用");
        }
        if (displayName == null || displayName.isBlank()) {
            errors.put("displayName", "请填写姓名");
        } else if (displayName.trim().length() > 50) {
            errors.put("displayName", "姓名不能超过50字");
        } else {
            Text.check(errors, "displayName", "姓名", displayName, 50, false);
        }
        if (memberId != null && linked(memberId)) {
            errors.put("member", "该党员已关联了一个账号");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        try {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into account (username, display_name, password_hash, member_id, enabled, must_change_password, created_at)
                    values (:u, :d, :h, :m, true, :must, :now)""")
                    .param("u", name).param("d", displayName.trim()).param("h", hash).param("m", memberId)
                    .param("must", mustChange).param("now", now())
                    .update(key, "id");
            return key.getKeyAs(Long.class);
        } catch (DuplicateKeyException e) {
            // lost a race with another request: say which of the two is taken now
            throw linked(memberId == null ? -1 : memberId) ? Invalid.of("member", "该党员已关联了一个账号")
                    : Invalid.of("username", "用户名“" + name + "”已被使用");
        }
    }

    private boolean linked(long memberId) {
        return jdbc.sql("select count(*) from account where member_id = :m").param("m", memberId).query(Integer.class).single() > 0;
    }

    private void insertGrant(long accountId, Grant grant, Long by) {
        jdbc.sql("insert into role_grant (account_id, role, unit_id, granted_at, granted_by) values (:a, :r, :u, :now, :by)")
                .param("a", accountId).param("r", grant.role().name()).param("u", grant.unitId()).param("now", now()).param("by", by)
                .update();
    }

    private void checkGrants(CurrentUser user, List<Grant> grants) {
        for (Grant grant : grants) {
            if (grant.role() == Role.SYSTEM_ADMIN) {
                if (!user.isSystemAdmin()) {
                    throw Guard.denied();
                }
            } else if (grant.unitId() == null || !guard.can(user, Permission.MANAGE_ACCOUNTS, grant.unitId())) {
                throw Guard.denied();
            }
        }
    }

    /**
     * Grants a role to an account the current user may look at ({@link #visible(long)}): the role's unit must lie in their
     * scope, and so must the account, or a manager could hand roles to accounts of other organisations.
     */
    @Transactional
    public void grant(long accountId, Grant grant) {
        Account account = visible(accountId);
        CurrentUser user = guard.current();
        checkGrants(user, List.of(grant));
        if (account.grants().contains(grant)) {
            return;
        }
        if (grant.role() == Role.MEMBER && account.memberId() == null) {
            throw Invalid.of("role", "党员角色需要先为账号关联本人的党员信息");
        }
        insertGrant(accountId, grant, user.accountId());
        audit.record(user.actor(), "ROLE_GRANTED", "account", accountId, grant.unitId(), "授予 " + account.username() + " " + grant.role().label(),
                Map.of("grants", account.grants().toString()), Map.of("grants", grants(accountId).toString()));
    }

    /** Takes a role away from an account the current user may look at; the role's unit must lie in their scope. */
    @Transactional
    public void revoke(long accountId, Grant grant) {
        Account account = visible(accountId);
        CurrentUser user = guard.current();
        checkGrants(user, List.of(grant));
        if (grant.role() == Role.SYSTEM_ADMIN && user.accountId() == accountId) {
            throw Invalid.of("role", "不能取消自己的系统管理员角色");
        }
        jdbc.sql("delete from role_grant where account_id = :a and role = :r and " + (grant.unitId() == null ? "unit_id is null" : "unit_id = :u"))
                .param("a", accountId).param("r", grant.role().name()).param("u", grant.unitId()).update();
        audit.record(user.actor(), "ROLE_REVOKED", "account", accountId, grant.unitId(), "取消 " + account.username() + " " + grant.role().label(),
                Map.of("grants", account.grants().toString()), Map.of("grants", grants(accountId).toString()));
    }

    /** Links (or unlinks, with null) the account to a member record: the member's own login. */
    @Transactional
    public void linkMember(long accountId, Long memberId) {
        Account account = visible(accountId);
        if (!manageable(account) && !guard.current().isSystemAdmin()) {
            throw Guard.denied();
        }
        if (memberId != null) {
            Long unit = tree.memberUnit(memberId).orElseThrow(() -> Invalid.of("member", "党员不存在"));
            guard.require(Permission.MANAGE_ACCOUNTS, unit);
            if (!memberId.equals(account.memberId()) && linked(memberId)) {
                throw Invalid.of("member", "该党员已关联了另一个账号");
            }
        } else if (account.grants().stream().anyMatch(g -> g.role() == Role.MEMBER)) {
            throw Invalid.of("member", "该账号有党员角色，请先取消党员角色再解除关联");
        }
        try {
            jdbc.sql("update account set member_id = :m, version = version + 1 where id = :id").param("m", memberId).param("id", accountId).update();
        } catch (DuplicateKeyException e) {
            throw Invalid.of("member", "该党员已关联了另一个账号");
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("memberId", account.memberId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("memberId", memberId);
        audit.record(guard.current().actor(), "ACCOUNT_MEMBER_LINKED", "account", accountId,
                memberId != null ? memberUnit(memberId) : auditUnit(account),
                memberId != null ? "账号 " + account.username() + " 关联党员" : "账号 " + account.username() + " 解除关联党员", before, after);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
