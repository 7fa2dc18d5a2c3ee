package cn.vanguard.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import cn.vanguard.security.MemberDirectory.Person;

/** The SQL of {@link MemberAccounts}: member accounts with their codes, their grants, usernames in use, new rows. */
@Component
class MemberAccountRows {

    private static final String SELECT = """
            select a.id, a.member_id, a.username, a.enabled, a.last_login_at, c.expires_at, c.used_at
            from account a left join activation_code c on c.account_id = a.id""";

    private final JdbcClient jdbc;

    MemberAccountRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account as the member-account pages need it, with its activation code's expiry and use (null without one). */
    record Linked(long id, Long memberId, String username, boolean enabled, OffsetDateTime lastLogin, OffsetDateTime expires,
                  OffsetDateTime used) {
    }

    Optional<Linked> one(long accountId) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", accountId).query(MemberAccountRows::linked).optional();
    }

    /** The accounts linked to the members given, by member id. */
    Map<Long, Linked> byMember(List<Long> memberIds) {
        Map<Long, Linked> found = new HashMap<>();
        for (List<Long> chunk : chunks(memberIds)) {
            jdbc.sql(SELECT + " where a.member_id in (:ids)").param("ids", chunk).query(MemberAccountRows::linked).list()
                    .forEach(a -> found.put(a.memberId(), a));
        }
        return found;
    }

    Map<Long, List<Grant>> grants(List<Long> accountIds) {
        Map<Long, List<Grant>> grants = new HashMap<>();
        for (List<Long> chunk : chunks(accountIds)) {
            jdbc.sql("select account_id, role, unit_id from role_grant where account_id in (:ids)").param("ids", chunk)
                    .query(rs -> {
                        grants.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new Grant(Role.valueOf(rs.getString(2)), rs.getObject(3, Long.class)));
                    });
        }
        return grants;
    }

    /** The usernames, in lower case, that the candidates for these members would collide with. */
    Set<String> taken(List<Person> people) {
        List<String> candidates = people.stream().flatMap(p -> Usernames.candidates(p).stream()).toList();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < candidates.size(); i += 1000) {
            taken.addAll(jdbc.sql("select lower(username) from account where lower(username) in (:names)")
                    .param("names", candidates.subList(i, Math.min(candidates.size(), i + 1000))).query(String.class).list());
        }
        return taken;
    }

    /** A member's own account, holding the role 党员 in the member's unit; returns its id. */
    long insert(Person person, String username, String passwordHash, OffsetDateTime now, long grantedBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into account (username, display_name, password_hash, member_id, enabled, must_change_password, created_at)
                values (:u, :d, :h, :m, true, false, :now)""")
                .param("u", username).param("d", person.name()).param("h", passwordHash).param("m", person.id()).param("now", now)
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        jdbc.sql("insert into role_grant (account_id, role, unit_id, granted_at, granted_by) values (:a, :r, :u, :now, :by)")
                .param("a", id).param("r", Role.MEMBER.name()).param("u", person.unitId()).param("now", now).param("by", grantedBy)
                .update();
        return id;
    }

    void setEnabled(long accountId, boolean enabled) {
        jdbc.sql("update account set enabled = :e, version = version + 1 where id = :id").param("e", enabled).param("id", accountId).update();
    }

    private static Linked linked(ResultSet rs, int n) throws SQLException {
        return new Linked(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getBoolean(4), rs.getObject(5, OffsetDateTime.class),
                rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class));
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 1000)));
        }
        return chunks;
    }
}
