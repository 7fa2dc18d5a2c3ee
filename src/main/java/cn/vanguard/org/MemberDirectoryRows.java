package cn.vanguard.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.vanguard.security.MemberDirectory;

/** The organisation's side of {@link MemberDirectory}: members with the path of their unit, without scope checks. */
@Component
class MemberDirectoryRows implements MemberDirectory {

    private record Row(long id, String code, String name, long unitId, String path) {
    }

    private final JdbcClient jdbc;
    private final UnitPaths unitPaths;

    MemberDirectoryRows(JdbcClient jdbc, UnitPaths unitPaths) {
        this.jdbc = jdbc;
        this.unitPaths = unitPaths;
    }

    @Override
    public List<Person> people(Collection<Long> memberIds) {
        List<Row> rows = new ArrayList<>();
        for (List<Long> chunk : Units.chunks(memberIds)) {
            rows.addAll(jdbc.sql("select m.id, m.code, m.name, m.unit_id, u.path from member m join org_unit u on u.id = m.unit_id where m.id in (:ids)")
                    .param("ids", chunk).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
                    .list());
        }
        rows.sort((x, y) -> x.path().equals(y.path()) ? x.code().compareTo(y.code()) : x.path().compareTo(y.path()));
        return named(rows);
    }

    @Override
    public List<Person> peopleIn(long unitId) {
        String path = jdbc.sql("select path from org_unit where id = :id").param("id", unitId).query(String.class).optional().orElse(null);
        if (path == null) {
            return List.of();
        }
        List<Row> rows = jdbc.sql("""
                        select m.id, m.code, m.name, m.unit_id, u.path from member m join org_unit u on u.id = m.unit_id
                        where u.path like :p and m.status <> :out order by u.path, m.code""")
                .param("p", path + "%").param("out", MemberStatus.TRANSFERRED_OUT.name())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5))).list();
        return named(rows);
    }

    /** The rows with their units named by their path, as everywhere else ({@link UnitPaths}). */
    private List<Person> named(List<Row> rows) {
        Map<Long, String> paths = unitPaths.of(rows.stream().map(Row::unitId).distinct().toList());
        return rows.stream().map(r -> new Person(r.id(), r.code(), r.name(), r.unitId(), paths.getOrDefault(r.unitId(), "#" + r.unitId())))
                .toList();
    }
}
