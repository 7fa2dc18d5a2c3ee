package cn.vanguard.org;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.Like;
import cn.vanguard.Text;
import cn.vanguard.NotFound;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/** Members: the roster of each unit, their details and their transfers, within the current user's scope. */
@Service
public class Members {

    static final RowMapper<MemberRecord> ROW = (rs, n) -> new MemberRecord(rs.getLong("id"), rs.getString("code"),
            rs.getString("name"), rs.getString("gender") == null ? null : Gender.valueOf(rs.getString("gender")),
            rs.getObject("birth_date", LocalDate.class), rs.getString("id_card_masked"), rs.getString("phone"),
            rs.getObject("joined_on", LocalDate.class), MemberType.valueOf(rs.getString("member_type")),
            Category.valueOf(rs.getString("category")), MemberStatus.valueOf(rs.getString("status")), rs.getLong("unit_id"),
            rs.getString("unit_name"), rs.getInt("version"));

    private static final String SELECT = "select m.*, u.name as unit_name from member m join org_unit u on u.id = m.unit_id";

    private final JdbcClient jdbc;
    private final Guard guard;
    private final Units units;
    private final UnitPaths unitPaths;
    private final IdCards idCards;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Members(JdbcClient jdbc, Guard guard, Units units, UnitPaths unitPaths, IdCards idCards, AuditLog audit, Clock clock,
                   ApplicationEventPublisher events) {
        this.unitPaths = unitPaths;
        this.jdbc = jdbc;
        this.guard = guard;
        this.units = units;
        this.idCards = idCards;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** A member without any scope check, for other modules' own checks. */
    public Optional<MemberRecord> find(long id) {
        return jdbc.sql(SELECT + " where m.id = :id").param("id", id).query(ROW).optional();
    }

    public Optional<MemberRecord> findByCode(String code) {
        if (Text.unmatchable(code)) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where m.code = :c").param("c", code).query(ROW).optional();
    }

    /** A member the current user may see: in their VIEW_MEMBERS scope, or their own record. */
    public MemberRecord visible(long id) {
        MemberRecord member = find(id).orElseThrow(() -> new NotFound("党员不存在"));
        if (!guard.isSelf(id) && !guard.can(Permission.VIEW_MEMBERS, member.unitId())) {
            throw Guard.denied();
        }
        return member;
    }

    /** Search criteria; null fields do not filter. {@code unitId} includes the unit's subtree. */
    public record Query(Long unitId, String text, MemberType type, Category category, MemberStatus status) {
        public static Query all() {
            return new Query(null, null, null, null, null);
        }
    }

    /** Members the current user may see that match, ordered by unit path and code; at most {@code limit}. */
    public List<MemberRecord> search(Query query, int limit) {
        List<Long> scope = guard.units(Permission.VIEW_MEMBERS);
        if (Text.unmatchable(query.text())) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(SELECT + " where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (scope != null) {
            if (scope.isEmpty()) {
                return List.of();
            }
            sql.append(" and m.unit_id in (:scope)");
            params.put("scope", scope);
        }
        if (query.unitId() != null) {
            sql.append(" and u.path like :path");
            params.put("path", units.get(query.unitId()).path() + "%");
        }
        if (query.text() != null && !query.text().isBlank()) {
            sql.append(" and (m.name like :text" + Like.ESCAPE + " or m.code like :text" + Like.ESCAPE + " or m.phone like :text" + Like.ESCAPE + ")");
            params.put("text", Like.containing(query.text().strip()));
        }
        if (query.type() != null) {
            sql.append(" and m.member_type = :type");
            params.put("type", query.type().name());
        }
        if (query.category() != null) {
            sql.append(" and m.category = :category");
            params.put("category", query.category().name());
        }
        if (query.status() != null) {
            sql.append(" and m.status = :status");
            params.put("status", query.status().name());
        }
        sql.append(" order by u.path, m.code limit ").append(Math.max(1, limit));
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query(ROW).list();
    }

    /** Every member of a unit's subtree, without scope checks: for scoring and ranking. */
    public List<MemberRecord> inSubtree(long unitId) {
        return jdbc.sql(SELECT + " where u.path like :p order by u.path, m.code").param("p", units.get(unitId).path() + "%").query(ROW).list();
    }

    /** How many members each of these units holds directly, transferred-out members not counted; no scope check. */
    public Map<Long, Integer> countByUnit(Collection<Long> unitIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (unitIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select unit_id, count(*) from member where unit_id in (:ids) and status <> 'TRANSFERRED_OUT' group by unit_id")
                .param("ids", unitIds).query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        return counts;
    }

    @Transactional
    public MemberRecord create(MemberForm form) {
        CurrentUser user = guard.current();
        // permission before validation: whoever may not create members learns nothing from the form's checks
        guard.requireAnywhere(Permission.MANAGE_MEMBERS);
        if (form.unitId() != null && units.find(form.unitId()).isPresent()) {
            guard.require(Permission.MANAGE_MEMBERS, form.unitId());
        }
        Map<String, String> errors = check(form, null);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        long id = insert(form);
        MemberRecord created = find(id).orElseThrow();
        events.publishEvent(new MemberJoined(id, created.unitId()));
        audit.record(user.actor(), "MEMBER_CREATED", "member", id, created.unitId(), "新增党员 " + created.name() + "（" + created.code() + "）",
                null, fields(created));
        return created;
    }

    private long insert(MemberForm form) {
        String code = blank(form.code()) ? nextCode() : form.code().strip();
        String idCard = blank(form.idCard()) ? null : form.idCard().strip().toUpperCase();
        OffsetDateTime now = OffsetDateTime.now(clock);
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into member (code, name, gender, birth_date, id_card_cipher, id_card_masked, phone, joined_on,
                                        member_type, category, status, unit_id, created_at, updated_at)
                    values (:code, :name, :gender, :birth, :cipher, :masked, :phone, :joined, :type, :category, :status, :unit, :now, :now)""")
                    .param("code", code).param("name", form.name().strip())
                    .param("gender", form.gender() == null ? null : form.gender().name())
                    .param("birth", form.birthDate()).param("cipher", idCard == null ? null : idCards.encrypt(idCard))
                    .param("masked", idCard == null ? null : IdCards.mask(idCard)).param("phone", blank(form.phone()) ? null : form.phone().strip())
                    .param("joined", form.joinedOn()).param("type", form.type().name())
                    .param("category", (form.category() == null ? Category.IN_SERVICE : form.category()).name())
                    .param("status", (form.status() == null ? MemberStatus.ACTIVE : form.status()).name())
                    .param("unit", form.unitId()).param("now", now)
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            throw Invalid.of("code", "党员编号“" + code + "”已被使用");
        }
        return key.getKeyAs(Long.class);
    }

    /** The next free code M00001, M00002 … */
    private String nextCode() {
        int n = jdbc.sql("select count(*) from member").query(Integer.class).single() + 1;
        while (findByCode(String.format("M%05d", n)).isPresent()) {
            n++;
        }
        return String.format("M%05d", n);
    }

    /**
     * Replaces a member's details, given the version they were read at; if someone else saved the member meanwhile,
     * nothing changes and it is a {@link Conflict}, not a mistake in the fields.
     */
    @Transactional
    public MemberRecord update(long id, MemberForm form, int version) {
        MemberRecord before = find(id).orElseThrow(() -> new NotFound("党员不存在"));
        guard.require(Permission.MANAGE_MEMBERS, before.unitId());
        if (form.unitId() != null && form.unitId() != before.unitId()) {
            throw Invalid.of("unitId", "调整所在组织请使用“转接”，以保留转接记录");
        }
        MemberForm effective = new MemberForm(form.code(), form.name(), form.gender(), form.birthDate(), form.idCard(), form.phone(),
                form.joinedOn(), form.type(), form.category(), form.status(), before.unitId());
        Map<String, String> errors = check(effective, id);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        String idCard = blank(form.idCard()) ? null : form.idCard().strip().toUpperCase();
        int changed;
        try {
            changed = jdbc.sql("""
                    update member set code = :code, name = :name, gender = :gender, birth_date = :birth, phone = :phone, joined_on = :joined,
                        member_type = :type, category = :category, status = :status, updated_at = :now, version = version + 1
                        """ + (idCard == null ? "" : ", id_card_cipher = :cipher, id_card_masked = :masked ") + """
                     where id = :id and version = :version""")
                    .param("code", blank(form.code()) ? before.code() : form.code().strip()).param("name", form.name().strip())
                    .param("gender", form.gender() == null ? null : form.gender().name()).param("birth", form.birthDate())
                    .param("phone", blank(form.phone()) ? null : form.phone().strip()).param("joined", form.joinedOn())
                    .param("type", form.type().name()).param("category", (form.category() == null ? Category.IN_SERVICE : form.category()).name())
                    .param("status", (form.status() == null ? before.status() : form.status()).name())
                    .param("now", OffsetDateTime.now(clock)).param("cipher", idCard == null ? null : idCards.encrypt(idCard))
                    .param("masked", idCard == null ? null : IdCards.mask(idCard)).param("id", id).param("version", version)
                    .update();
        } catch (DuplicateKeyException e) {
            throw Invalid.of("code", "党员编号“" + form.code().strip() + "”已被使用");
        }
        if (changed == 0) {
            throw new Conflict("该党员的信息在您读取之后已被他人修改，未保存：请重新读取最新信息后再修改");
        }
        MemberRecord after = find(id).orElseThrow();
        events.publishEvent(new MemberChanged(id));
        audit.record(guard.current().actor(), "MEMBER_UPDATED", "member", id, after.unitId(), "修改党员 " + after.name() + "（" + after.code() + "）",
                fields(before), fields(after));
        return after;
    }

    /**
     * Moves a member to another unit, keeping the history; needs MANAGE_MEMBERS in both units. Listeners of
     * {@link MemberTransferred} move what follows the member in the same transaction.
     */
    @Transactional
    public MemberRecord transfer(long id, long toUnitId, LocalDate on, String reason) {
        MemberRecord before = find(id).orElseThrow(() -> new NotFound("党员不存在"));
        guard.require(Permission.MANAGE_MEMBERS, before.unitId());
        guard.require(Permission.MANAGE_MEMBERS, toUnitId);
        Unit to = units.get(toUnitId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (to.closed()) {
            errors.put("toUnitId", "“" + to.name() + "”已撤销，不能转入");
        }
        if (toUnitId == before.unitId()) {
            errors.put("toUnitId", "党员已在“" + to.name() + "”");
        }
        if (on == null) {
            errors.put("on", "请填写转接日期");
        }
        Text.check(errors, "reason", "转接原因", reason, 200, false);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        CurrentUser user = guard.current();
        jdbc.sql("update member set unit_id = :u, updated_at = :now, version = version + 1 where id = :id")
                .param("u", toUnitId).param("now", OffsetDateTime.now(clock)).param("id", id).update();
        jdbc.sql("""
                insert into member_transfer (member_id, from_unit_id, to_unit_id, transferred_on, reason, recorded_by, recorded_at)
                values (:m, :f, :t, :on, :reason, :by, :now)""")
                .param("m", id).param("f", before.unitId()).param("t", toUnitId).param("on", on)
                .param("reason", blank(reason) ? null : reason.strip()).param("by", user.accountId()).param("now", OffsetDateTime.now(clock))
                .update();
        audit.record(user.actor(), "MEMBER_TRANSFERRED", "member", id, toUnitId,
                before.name() + " 从“" + before.unitName() + "”转入“" + to.name() + "”", Map.of("unit", before.unitName()), Map.of("unit", to.name()));
        events.publishEvent(new MemberTransferred(id, before.name(), before.unitId(), toUnitId, to.name(), user.actor()));
        return find(id).orElseThrow();
    }

    /** One transfer of a member; the units are named by their path ({@link UnitPaths}). */
    public record Transfer(LocalDate on, String fromUnit, String toUnit, String reason, OffsetDateTime recordedAt) {
    }

    public List<Transfer> transfers(long id) {
        visible(id);
        record Row(LocalDate on, long from, long to, String reason, OffsetDateTime recordedAt) {
        }
        List<Row> rows = jdbc.sql("""
                select t.transferred_on, t.from_unit_id, t.to_unit_id, t.reason, t.recorded_at from member_transfer t
                where t.member_id = :id order by t.transferred_on, t.id""").param("id", id)
                .query((rs, n) -> new Row(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class))).list();
        // units by their path: a member moved between two 第一党小组 reads which is which
        Map<Long, String> paths = unitPaths.of(rows.stream().flatMap(r -> java.util.stream.Stream.of(r.from(), r.to())).toList());
        return rows.stream().map(r -> new Transfer(r.on(), paths.get(r.from()), paths.get(r.to()), r.reason(), r.recordedAt())).toList();
    }

    /** Checks a form; returns field → Chinese message. {@code existing} is the member being edited, or null. */
    Map<String, String> check(MemberForm form, Long existing) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(form.name())) {
            errors.put("name", "请填写姓名");
        } else if (form.name().strip().length() > 50) {
            errors.put("name", "姓名不超过50字");
        } else {
            Text.check(errors, "name", "姓名", form.name(), 50, false);
        }
        if (!blank(form.code())) {
            String code = form.code().strip();
            if (!code.matches("[A-Za-z0-9_\\-]{1,40}")) {
                errors.put("code", "党员编号只能包含字母、数字、下划线和连字符（不超过40位）");
            } else {
                Optional<MemberRecord> other = findByCode(code);
                if (other.isPresent() && (existing == null || other.get().id() != existing)) {
                    errors.put("code", "党员编号“" + code + "”已被" + (inScope(other.get()) ? other.get().name() : "其他党员") + "使用");
                }
            }
        }
        if (form.type() == null) {
            errors.put("type", "请选择党员身份");
        }
        if (form.unitId() == null) {
            errors.put("unitId", "请选择所在组织");
        } else {
            Optional<Unit> unit = units.find(form.unitId());
            if (unit.isEmpty()) {
                errors.put("unitId", "所选组织不存在");
            } else if (unit.get().closed()) {
                errors.put("unitId", "“" + unit.get().name() + "”已撤销");
            }
        }
        if (!blank(form.idCard())) {
            String number = form.idCard().strip();
            String problem = IdCards.problem(number);
            if (problem != null) {
                errors.put("idCard", problem);
            } else {
                agreesWithIdCard(number, form, errors);
            }
        }
        if (!blank(form.phone()) && !form.phone().strip().matches("[0-9+\\- ]{5,30}")) {
            errors.put("phone", "联系电话只能包含数字、空格、+ 和 -");
        }
        LocalDate today = LocalDate.now(clock);
        if (form.birthDate() != null && (form.birthDate().isAfter(today) || form.birthDate().getYear() < 1900)) {
            errors.put("birthDate", "出生日期不正确");
        }
        if (form.joinedOn() != null && form.joinedOn().isAfter(today)) {
            errors.put("joinedOn", "入党日期不能晚于今天");
        }
        if (form.joinedOn() != null && form.birthDate() != null && form.joinedOn().isBefore(form.birthDate().plusYears(18))) {
            errors.put("joinedOn", "入党时应年满18周岁，请核对入党日期和出生日期");
        }
        return errors;
    }

    /** The birth date and gender typed must be those the ID-card number carries: one of them is mistyped otherwise. */
    private static void agreesWithIdCard(String number, MemberForm form, Map<String, String> errors) {
        java.time.format.DateTimeFormatter chinese = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日");
        LocalDate carried = IdCards.birthDate(number);
        if (form.birthDate() != null && !form.birthDate().equals(carried)) {
            errors.put("birthDate", "出生日期" + form.birthDate().format(chinese) + "与身份证号码中的出生日期" + carried.format(chinese)
                    + "不一致，请核对出生日期或身份证号码");
        }
        Gender gender = IdCards.gender(number);
        if (form.gender() != null && form.gender() != gender) {
            errors.put("gender", "性别“" + form.gender().label() + "”与身份证号码（第17位" + (gender == Gender.MALE ? "为奇数，表示男性" : "为偶数，表示女性")
                    + "）不一致，请核对性别或身份证号码");
        }
    }

    /** Whether the current user may see the member (a message may then name them); nobody is signed in for trusted setup. */
    private boolean inScope(MemberRecord member) {
        return guard.signedIn() && (guard.isSelf(member.id()) || guard.can(Permission.VIEW_MEMBERS, member.unitId()));
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static Map<String, Object> fields(MemberRecord m) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", m.code());
        fields.put("name", m.name());
        fields.put("gender", m.gender());
        fields.put("birthDate", m.birthDate());
        fields.put("idCard", m.idCardMasked());
        fields.put("phone", m.phone());
        fields.put("joinedOn", m.joinedOn());
        fields.put("type", m.type());
        fields.put("category", m.category());
        fields.put("status", m.status());
        fields.put("unit", m.unitName());
        return fields;
    }

    /** For trusted setup code (the demo organisation): creates members in bulk on behalf of an actor already checked. */
    @Transactional
    public List<Long> createTrusted(List<MemberForm> forms, AuditLog.Actor actor) {
        List<Long> ids = new ArrayList<>();
        for (MemberForm form : forms) {
            Map<String, String> errors = check(form, null);
            if (!errors.isEmpty()) {
                throw new Invalid(errors);
            }
            long id = insert(form);
            ids.add(id);
            MemberRecord created = find(id).orElseThrow();
            events.publishEvent(new MemberJoined(id, created.unitId()));
            audit.record(actor, "MEMBER_CREATED", "member", id, created.unitId(), "新增党员 " + created.name(), null, fields(created));
        }
        return ids;
    }
}
