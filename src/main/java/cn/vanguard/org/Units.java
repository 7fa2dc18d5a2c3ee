package cn.vanguard.org;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Invalid;
import cn.vanguard.Text;
import cn.vanguard.NotFound;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;
import cn.vanguard.security.UnitTree;

/** The unit tree: create, rename, move and close units within the current user's scope. */
@Service
public class Units implements UnitTree {

    static final RowMapper<Unit> ROW = (rs, n) -> new Unit(rs.getLong("id"), rs.getObject("parent_id", Long.class),
            rs.getString("name"), UnitKind.valueOf(rs.getString("kind")), rs.getString("path"),
            rs.getObject("closed_at", OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final Guard guard;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Units(JdbcClient jdbc, @org.springframework.context.annotation.Lazy Guard guard, AuditLog audit, Clock clock,
                 ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** A unit without any scope check: for other modules' own checks and for ranking. */
    public Optional<Unit> find(long id) {
        return jdbc.sql("select * from org_unit where id = :id").param("id", id).query(ROW).optional();
    }

    public Unit get(long id) {
        return find(id).orElseThrow(() -> new NotFound("组织不存在"));
    }

    /** A unit the current user may see. */
    public Unit visible(long id) {
        Unit unit = get(id);
        if (!guard.can(Permission.VIEW_UNITS, id) && !ownUnit(unit)) {
            throw Guard.denied();
        }
        return unit;
    }

    private boolean ownUnit(Unit unit) {
        Long memberId = guard.current().memberId();
        if (memberId == null) {
            return false;
        }
        Long memberUnit = jdbc.sql("select unit_id from member where id = :id").param("id", memberId).query(Long.class).single();
        return get(memberUnit).within(unit);
    }

    public boolean any() {
        return jdbc.sql("select count(*) from org_unit").query(Integer.class).single() > 0;
    }

    /** Every unit the current user may see, in tree order (parents before children, siblings by name). */
    public List<Unit> visibleTree() {
        List<Long> ids = guard.units(Permission.VIEW_UNITS);
        List<Unit> units = ids == null ? jdbc.sql("select * from org_unit").query(ROW).list()
                : ids.isEmpty() ? List.of() : jdbc.sql("select * from org_unit where id in (:ids)").param("ids", ids).query(ROW).list();
        return treeOrder(units);
    }

    /** Orders units so that each comes right after its parent, siblings by name. */
    public List<Unit> treeOrder(List<Unit> units) {
        Map<Long, Unit> byId = new LinkedHashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        List<Unit> sorted = new ArrayList<>(units);
        sorted.sort(Comparator.comparing((Unit u) -> sortKey(u, byId)));
        return sorted;
    }

    private String sortKey(Unit unit, Map<Long, Unit> byId) {
        StringBuilder key = new StringBuilder();
        for (String part : unit.path().split("/")) {
            if (!part.isEmpty()) {
                Unit u = byId.get(Long.parseLong(part));
                key.append(u == null ? part : u.name()).append('\u0000').append(part).append('\u0001');
            }
        }
        return key.toString();
    }

    public List<Unit> children(long id) {
        return jdbc.sql("select * from org_unit where parent_id = :id order by name").param("id", id).query(ROW).list();
    }

    /** The unit and its ancestors, from the root down. */
    public List<Unit> lineage(long id) {
        Unit unit = get(id);
        List<Long> ids = new ArrayList<>();
        for (String part : unit.path().split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        Map<Long, Unit> byId = new LinkedHashMap<>();
        jdbc.sql("select * from org_unit where id in (:ids)").param("ids", ids).query(ROW).list().forEach(u -> byId.put(u.id(), u));
        return ids.stream().map(byId::get).toList();
    }

    /** The ranking unit of a unit: its nearest 党支部 (itself included), else the unit itself. */
    public Unit branchOf(long id) {
        List<Unit> lineage = lineage(id);
        for (int i = lineage.size() - 1; i >= 0; i--) {
            if (lineage.get(i).kind() == UnitKind.BRANCH) {
                return lineage.get(i);
            }
        }
        return lineage.get(lineage.size() - 1);
    }

    @Override
    public boolean within(long unitId, long ancestorId) {
        if (unitId == ancestorId) {
            return true;
        }
        String path = jdbc.sql("select path from org_unit where id = :id").param("id", unitId).query(String.class).optional().orElse(null);
        return path != null && path.contains("/" + ancestorId + "/");
    }

    @Override
    public List<Long> subtree(long unitId) {
        String path = jdbc.sql("select path from org_unit where id = :id").param("id", unitId).query(String.class).optional().orElse(null);
        if (path == null) {
            return List.of();
        }
        return jdbc.sql("select id from org_unit where path like :p order by id").param("p", path + "%").query(Long.class).list();
    }

    @Override
    public String name(long unitId) {
        return find(unitId).map(Unit::name).orElse("#" + unitId);
    }

    @Override
    public Optional<Long> memberUnit(long memberId) {
        return jdbc.sql("select unit_id from member where id = :id").param("id", memberId).query(Long.class).optional();
    }

    @Override
    public Map<Long, Long> memberUnits(Collection<Long> memberIds) {
        Map<Long, Long> units = new HashMap<>();
        for (List<Long> chunk : chunks(memberIds)) {
            jdbc.sql("select id, unit_id from member where id in (:ids)").param("ids", chunk)
                    .query(rs -> {
                        units.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return units;
    }

    /** The units given, by id, in one query per thousand (other modules name units without reading org_unit). */
    public Map<Long, Unit> byIds(Collection<Long> ids) {
        Map<Long, Unit> found = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("select * from org_unit where id in (:ids)").param("ids", chunk).query(ROW).list()
                    .forEach(u -> found.put(u.id(), u));
        }
        return found;
    }

    /** Distinct ids in lists of at most a thousand: PostgreSQL takes no more than 65,535 parameters a statement. */
    static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += 1000) {
            chunks.add(distinct.subList(i, Math.min(distinct.size(), i + 1000)));
        }
        return chunks;
    }

    /** Creates a unit; a top unit (no parent) only by the system administrator. */
    @Transactional
    public Unit create(Long parentId, String name, UnitKind kind) {
        CurrentUser user = guard.current();
        String clean = requireName(name);
        if (kind == null) {
            throw Invalid.of("kind", "请选择组织类型");
        }
        Unit parent = null;
        if (parentId == null) {
            if (!user.isSystemAdmin()) {
                throw Guard.denied();
            }
        } else {
            parent = get(parentId);
            guard.require(Permission.MANAGE_UNITS, parentId);
            if (parent.closed()) {
                throw Invalid.of("parentId", "上级组织“" + parent.name() + "”已撤销，不能在其下新建组织");
            }
        }
        requireUniqueSibling(parentId, clean, null);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into org_unit (parent_id, name, kind, path, created_at) values (:p, :n, :k, '/', :now)")
                .param("p", parentId).param("n", clean).param("k", kind.name()).param("now", OffsetDateTime.now(clock)).update(key, "id");
        long id = key.getKeyAs(Long.class);
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        jdbc.sql("update org_unit set path = :path where id = :id").param("path", path).param("id", id).update();
        audit.record(user.actor(), "UNIT_CREATED", "unit", id, id, "新建" + kind.label() + "“" + clean + "”", null,
                Map.of("name", clean, "kind", kind.name(), "parent", parent == null ? "" : parent.name()));
        return get(id);
    }

    /** For trusted setup code (the demo organisation): creates a unit on behalf of an actor already checked. */
    @Transactional
    public Unit createTrusted(Long parentId, String name, UnitKind kind, AuditLog.Actor actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into org_unit (parent_id, name, kind, path, created_at) values (:p, :n, :k, '/', :now)")
                .param("p", parentId).param("n", name).param("k", kind.name()).param("now", OffsetDateTime.now(clock)).update(key, "id");
        long id = key.getKeyAs(Long.class);
        String path = (parentId == null ? "/" : get(parentId).path()) + id + "/";
        jdbc.sql("update org_unit set path = :path where id = :id").param("path", path).param("id", id).update();
        audit.record(actor, "UNIT_CREATED", "unit", id, id, "新建" + kind.label() + "“" + name + "”", null, Map.of("name", name));
        return get(id);
    }

    @Transactional
    public Unit rename(long id, String name, UnitKind kind) {
        Unit unit = get(id);
        guard.require(Permission.MANAGE_UNITS, id);
        String clean = requireName(name);
        requireUniqueSibling(unit.parentId(), clean, id);
        UnitKind newKind = kind == null ? unit.kind() : kind;
        jdbc.sql("update org_unit set name = :n, kind = :k, version = version + 1 where id = :id")
                .param("n", clean).param("k", newKind.name()).param("id", id).update();
        events.publishEvent(new UnitChanged(id));
        audit.record(guard.current().actor(), "UNIT_RENAMED", "unit", id, id, "组织“" + unit.name() + "”更名为“" + clean + "”",
                Map.of("name", unit.name(), "kind", unit.kind().name()), Map.of("name", clean, "kind", newKind.name()));
        return get(id);
    }

    /** Moves a unit (with its subtree) under another parent inside the user's scope. */
    @Transactional
    public Unit move(long id, long newParentId) {
        Unit unit = get(id);
        Unit parent = get(newParentId);
        guard.require(Permission.MANAGE_UNITS, id);
        guard.require(Permission.MANAGE_UNITS, newParentId);
        if (unit.parentId() == null) {
            throw Invalid.of("parentId", "顶级组织不能移动");
        }
        if (parent.within(unit)) {
            throw Invalid.of("parentId", "不能把组织移到它自己或它的下级组织之下");
        }
        if (parent.closed()) {
            throw Invalid.of("parentId", "目标上级组织已撤销");
        }
        requireUniqueSibling(newParentId, unit.name(), id);
        String oldPath = unit.path();
        String newPath = parent.path() + id + "/";
        List<Unit> subtree = jdbc.sql("select * from org_unit where path like :p").param("p", oldPath + "%").query(ROW).list();
        for (Unit u : subtree) {
            jdbc.sql("update org_unit set path = :path, version = version + 1 where id = :id")
                    .param("path", newPath + u.path().substring(oldPath.length())).param("id", u.id()).update();
        }
        jdbc.sql("update org_unit set parent_id = :p where id = :id").param("p", newParentId).param("id", id).update();
        Unit oldParent = get(unit.parentId());
        events.publishEvent(new UnitChanged(id));
        audit.record(guard.current().actor(), "UNIT_MOVED", "unit", id, id, "组织“" + unit.name() + "”从“" + oldParent.name() + "”移到“" + parent.name() + "”",
                Map.of("parent", oldParent.name()), Map.of("parent", parent.name()));
        return get(id);
    }

    /** Closes (撤销) a unit whose subtree has no active members left and no open sub-units. */
    @Transactional
    public Unit close(long id) {
        Unit unit = get(id);
        guard.require(Permission.MANAGE_UNITS, id);
        if (unit.closed()) {
            return unit;
        }
        int members = jdbc.sql("select count(*) from member m join org_unit u on u.id = m.unit_id where u.path like :p and m.status <> 'TRANSFERRED_OUT'")
                .param("p", unit.path() + "%").query(Integer.class).single();
        if (members > 0) {
            throw Invalid.of("close", "“" + unit.name() + "”及其下级组织还有" + members + "名党员，请先转出后再撤销");
        }
        int open = jdbc.sql("select count(*) from org_unit where parent_id = :id and closed_at is null").param("id", id).query(Integer.class).single();
        if (open > 0) {
            throw Invalid.of("close", "“" + unit.name() + "”还有" + open + "个未撤销的下级组织，请先撤销下级组织");
        }
        jdbc.sql("update org_unit set closed_at = :now, version = version + 1 where id = :id").param("now", OffsetDateTime.now(clock)).param("id", id).update();
        audit.record(guard.current().actor(), "UNIT_CLOSED", "unit", id, id, "撤销组织“" + unit.name() + "”", Map.of("closed", false), Map.of("closed", true));
        return get(id);
    }

    private static String requireName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw Invalid.of("name", "请填写组织名称（不超过100字）");
        }
        Text.require("name", "组织名称", clean, 100, false);
        return clean;
    }

    private void requireUniqueSibling(Long parentId, String name, Long except) {
        int same = jdbc.sql("select count(*) from org_unit where " + (parentId == null ? "parent_id is null" : "parent_id = :p")
                        + " and name = :n and closed_at is null" + (except == null ? "" : " and id <> :x"))
                .param("p", parentId).param("n", name).param("x", except).query(Integer.class).single();
        if (same > 0) {
            throw Invalid.of("name", "同一上级组织下已有名为“" + name + "”的组织");
        }
    }
}
