package cn.vanguard.rules;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Invalid;
import cn.vanguard.NotFound;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.file.Presets;
import cn.vanguard.scheme.file.SchemeFiles;
import cn.vanguard.scheme.file.SchemeLoad;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/** Publishing schemes for units and cycles, and finding the one that applies to a unit. */
@Service
public class Schemes {

    private final JdbcClient jdbc;
    private final Units units;
    private final Guard guard;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Accounts accounts;
    private final Map<Long, Scheme> parsed = new ConcurrentHashMap<>();

    public Schemes(JdbcClient jdbc, Units units, Guard guard, AuditLog audit, Clock clock, ApplicationEventPublisher events,
                   Accounts accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.units = units;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** A version as stored: the unit's and the publisher's names are the organisation's and security's to give. */
    private record Stored(PublishedScheme scheme, Long publishedBy) {
    }

    private final RowMapper<Stored> row = (rs, n) -> {
        long id = rs.getLong("id");
        String yaml = rs.getString("yaml");
        return new Stored(new PublishedScheme(id, rs.getLong("unit_id"), null, rs.getInt("cycle_year"),
                rs.getInt("version_no"), rs.getString("scheme_id"), rs.getString("name"),
                PublishedScheme.SourceKind.valueOf(rs.getString("source_kind")), rs.getString("preset_id"),
                rs.getObject("copied_from", Long.class), yaml, rs.getObject("published_at", OffsetDateTime.class),
                null, parsed.computeIfAbsent(id, k -> parse(yaml))), rs.getObject("published_by", Long.class));
    };

    /** The versions with their units' and publishers' names: one query to each owner for the whole list. */
    private List<PublishedScheme> named(List<Stored> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        Map<Long, Unit> byId = units.byIds(stored.stream().map(s -> s.scheme().unitId()).toList());
        Map<Long, String> publishers = accounts.displayNames(stored.stream().map(Stored::publishedBy).toList());
        return stored.stream().map(s -> {
            PublishedScheme p = s.scheme();
            Unit unit = byId.get(p.unitId());
            return new PublishedScheme(p.id(), p.unitId(), unit == null ? null : unit.name(), p.year(), p.versionNo(), p.schemeId(),
                    p.name(), p.sourceKind(), p.presetId(), p.copiedFrom(), p.yaml(), p.publishedAt(),
                    s.publishedBy() == null ? null : publishers.get(s.publishedBy()), p.scheme());
        }).toList();
    }

    private Optional<PublishedScheme> named(Optional<Stored> stored) {
        return stored.map(s -> named(List.of(s)).get(0));
    }

    /** A version of a unit already read (the lineage of {@link #effective}): only the publisher's name is asked for. */
    private PublishedScheme named(Stored stored, Unit unit) {
        PublishedScheme p = stored.scheme();
        String publisher = stored.publishedBy() == null ? null
                : accounts.displayNames(List.of(stored.publishedBy())).get(stored.publishedBy());
        return new PublishedScheme(p.id(), p.unitId(), unit.name(), p.year(), p.versionNo(), p.schemeId(), p.name(), p.sourceKind(),
                p.presetId(), p.copiedFrom(), p.yaml(), p.publishedAt(), publisher, p.scheme());
    }

    /**
     * The rules of a version by id, without its names and, once read, without a query: versions never change. For
     * readers that need only the items (an entry's item name, a decision's rules).
     */
    public Scheme scheme(long versionId) {
        Scheme known = parsed.get(versionId);
        return known != null ? known : get(versionId).scheme();
    }

    /**
     * The id of every published version, without scope checks: with {@link #scheme(long)}, each read once, what the
     * ledger list's search matches item names against (an item's name is no secret; the entries it finds are scoped).
     */
    public List<Long> versionIds() {
        return jdbc.sql("select id from scheme_version order by id").query(Long.class).list();
    }

    private static final String SELECT = "select s.* from scheme_version s";

    private static Scheme parse(String yaml) {
        SchemeLoad load = SchemeFiles.read(yaml);
        if (!load.ok()) {
            throw new IllegalStateException("a published scheme no longer loads: " + load.problems());
        }
        return load.scheme();
    }

    /** Publishes a preset for a unit and a cycle, as the unit's next version. */
    @Transactional
    public PublishedScheme publishPreset(long unitId, int year, String presetId) {
        String yaml = Presets.text(presetId).orElseThrow(() -> Invalid.of("preset", "没有编号为“" + presetId + "”的方案模板"));
        return publish(unitId, year, yaml, PublishedScheme.SourceKind.PRESET, presetId, null);
    }

    /** Publishes a scheme file; a file that does not load is refused with all its problems. */
    @Transactional
    public PublishedScheme publishFile(long unitId, int year, String yaml, Long copiedFrom) {
        if (copiedFrom != null) {
            visible(copiedFrom);
        }
        return publish(unitId, year, yaml, copiedFrom == null ? PublishedScheme.SourceKind.FILE : PublishedScheme.SourceKind.COPY,
                null, copiedFrom);
    }

    private PublishedScheme publish(long unitId, int year, String yaml, PublishedScheme.SourceKind kind, String presetId, Long copiedFrom) {
        CurrentUser user = guard.current();
        guard.require(Permission.PUBLISH_SCHEMES, unitId);
        Unit unit = units.get(unitId);
        if (unit.closed()) {
            throw Invalid.of("unitId", "“" + unit.name() + "”已撤销");
        }
        checkYear(year);
        SchemeLoad load = SchemeFiles.read(yaml);
        if (!load.ok()) {
            throw new SchemeRejected(load.problems());
        }
        long id = insert(unitId, year, yaml, kind, presetId, copiedFrom, load.scheme(), user.accountId());
        PublishedScheme published = get(id);
        audit.record(user.actor(), "SCHEME_PUBLISHED", "scheme_version", id, unitId,
                "为“" + unit.name() + "”发布" + year + "年度方案“" + published.name() + "”第" + published.versionNo() + "版",
                null, Map.of("scheme", published.schemeId(), "version", published.versionNo(), "source", kind.name()));
        return published;
    }

    /** For trusted setup code (the demo organisation). */
    @Transactional
    public PublishedScheme publishPresetTrusted(long unitId, int year, String presetId, AuditLog.Actor actor) {
        String yaml = Presets.text(presetId).orElseThrow();
        long id = insert(unitId, year, yaml, PublishedScheme.SourceKind.PRESET, presetId, null, Presets.get(presetId).orElseThrow(),
                actor.accountId());
        audit.record(actor, "SCHEME_PUBLISHED", "scheme_version", id, unitId, "发布" + year + "年度方案 " + presetId, null,
                Map.of("scheme", presetId));
        return get(id);
    }

    /** For trusted setup code (the demo organisation): a scheme file of its own, which must load. */
    @Transactional
    public PublishedScheme publishFileTrusted(long unitId, int year, String yaml, AuditLog.Actor actor) {
        SchemeLoad load = SchemeFiles.read(yaml);
        if (!load.ok()) {
            throw new IllegalStateException("the scheme file does not load: " + load.problems());
        }
        long id = insert(unitId, year, yaml, PublishedScheme.SourceKind.FILE, null, null, load.scheme(), actor.accountId());
        audit.record(actor, "SCHEME_PUBLISHED", "scheme_version", id, unitId, "发布" + year + "年度方案“" + load.scheme().name() + "”", null,
                Map.of("scheme", load.scheme().id()));
        return get(id);
    }

    private long insert(long unitId, int year, String yaml, PublishedScheme.SourceKind kind, String presetId, Long copiedFrom,
                        Scheme scheme, Long by) {
        int next = jdbc.sql("select coalesce(max(version_no), 0) + 1 from scheme_version where unit_id = :u and cycle_year = :y")
                .param("u", unitId).param("y", year).query(Integer.class).single();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into scheme_version (unit_id, cycle_year, version_no, scheme_id, name, source_kind, preset_id, copied_from,
                                            yaml, published_at, published_by)
                values (:u, :y, :v, :sid, :name, :kind, :preset, :copied, :yaml, :now, :by)""")
                .param("u", unitId).param("y", year).param("v", next).param("sid", scheme.id()).param("name", scheme.name())
                .param("kind", kind.name()).param("preset", presetId).param("copied", copiedFrom).param("yaml", yaml)
                .param("now", OffsetDateTime.now(clock)).param("by", by)
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        events.publishEvent(new SchemePublished(id, unitId, year));
        return id;
    }

    private void checkYear(int year) {
        int current = OffsetDateTime.now(clock).getYear();
        if (year < current - 10 || year > current + 1) {
            throw Invalid.of("year", "年度应在" + (current - 10) + "至" + (current + 1) + "之间");
        }
    }

    /** A version by id, without scope checks (scoring, entries referencing it). */
    public PublishedScheme get(long id) {
        return named(jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(row).optional())
                .orElseThrow(() -> new NotFound("方案版本不存在"));
    }

    /**
     * A version the current user may read: one published in their scope, one that applies to a unit in their scope
     * (inherited from above), or the one that applies to their own member record.
     */
    public PublishedScheme visible(long id) {
        PublishedScheme scheme = get(id);
        if (!readable(scheme.unitId())) {
            throw Guard.denied();
        }
        return scheme;
    }

    /** Whether schemes of this unit concern the current user. */
    public boolean readable(long unitId) {
        if (guard.can(Permission.VIEW_SCHEMES, unitId)) {
            return true;
        }
        for (Long root : guard.roots(Permission.VIEW_SCHEMES)) {
            if (units.within(root, unitId)) {
                return true;
            }
        }
        Long memberId = guard.current().memberId();
        if (memberId != null) {
            return units.memberUnit(memberId).map(memberUnit -> units.within(memberUnit, unitId)).orElse(false);
        }
        return false;
    }

    /** The versions published for a unit (all years, newest first). */
    public List<PublishedScheme> versions(long unitId) {
        if (!readable(unitId)) {
            throw Guard.denied();
        }
        return named(jdbc.sql(SELECT + " where s.unit_id = :u order by s.cycle_year desc, s.version_no desc").param("u", unitId).query(row).list());
    }

    /** Every version the current user may read, newest first. */
    public List<PublishedScheme> visibleVersions() {
        List<Stored> readable = jdbc.sql(SELECT + " order by s.cycle_year desc, s.version_no desc").query(row).list().stream()
                .filter(s -> readable(s.scheme().unitId())).toList();
        Map<Long, Unit> byId = units.byIds(readable.stream().map(s -> s.scheme().unitId()).toList());
        // within a year, in tree order (the units' paths), as the list always showed them
        Comparator<PublishedScheme> order = Comparator.<PublishedScheme>comparingInt(PublishedScheme::year).reversed()
                .thenComparing(p -> byId.containsKey(p.unitId()) ? byId.get(p.unitId()).path() : "")
                .thenComparing(Comparator.comparingInt(PublishedScheme::versionNo).reversed());
        return named(readable).stream().sorted(order).toList();
    }

    /** The cycle years schemes have been published for, oldest first: the cycles that have standings. */
    public List<Integer> years() {
        return jdbc.sql("select distinct cycle_year from scheme_version order by cycle_year").query(Integer.class).list();
    }

    /** The latest version of every unit's scheme for a cycle, without scope checks (scoring every population). */
    public List<PublishedScheme> latest(int year) {
        return named(jdbc.sql(SELECT + " where s.cycle_year = :y and s.version_no = (select max(o.version_no) from scheme_version o "
                        + "where o.unit_id = s.unit_id and o.cycle_year = s.cycle_year) order by s.id")
                .param("y", year).query(row).list());
    }

    /** The scheme that applies to a unit for a cycle: its own latest version, else the nearest ancestor's. */
    public Optional<PublishedScheme> effective(long unitId, int year) {
        List<Unit> lineage = units.lineage(unitId);
        for (int i = lineage.size() - 1; i >= 0; i--) {
            Unit unit = lineage.get(i);
            Optional<PublishedScheme> own = jdbc.sql(SELECT + " where s.unit_id = :u and s.cycle_year = :y order by s.version_no desc limit 1")
                    .param("u", unit.id()).param("y", year).query(row).optional().map(found -> named(found, unit));
            if (own.isPresent()) {
                return own;
            }
        }
        return Optional.empty();
    }
}
