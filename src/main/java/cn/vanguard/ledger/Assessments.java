package cn.vanguard.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Invalid;
import cn.vanguard.Numeric;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Assessment;
import cn.vanguard.scheme.Checked;
import cn.vanguard.scheme.Inputs;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * Assessments (评定) of criteria and levels, per member and cycle: 年度考核等次, a criterion's points. Set by the
 * secretary or the committee administrator; a change is audited before → after.
 */
@Service
public class Assessments {

    private final JdbcClient jdbc;
    private final Members members;
    private final Schemes schemes;
    private final Guard guard;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Assessments(JdbcClient jdbc, Members members, Schemes schemes, Guard guard, AuditLog audit, Clock clock,
                       ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.members = members;
        this.schemes = schemes;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** One assessment as stored: an item code and its value (a number or a level's label). */
    public record Stored(String itemCode, String value, OffsetDateTime recordedAt) {
    }

    /** Sets (or, with a blank value, clears) a member's assessment of an item for a cycle. */
    @Transactional
    public void assess(long memberId, int year, String itemCode, String value) {
        CurrentUser user = guard.current();
        MemberRecord member = members.find(memberId).orElseThrow(() -> Invalid.of("memberId", "党员不存在"));
        guard.require(Permission.ASSESS, member.unitId());
        if (user.memberId() != null && user.memberId() == memberId) {
            throw Invalid.of("value", "不能评定自己");
        }
        PublishedScheme scheme = schemes.effective(member.unitId(), year)
                .orElseThrow(() -> Invalid.of("year", "“" + member.unitName() + "”没有" + year + "年度的积分方案"));
        String before = current(memberId, year).get(itemCode);
        if (value == null || value.isBlank()) {
            jdbc.sql("delete from assessment where member_id = :m and cycle_year = :y and item_code = :i")
                    .param("m", memberId).param("y", year).param("i", itemCode).update();
        } else {
            String figure = Numeric.LEDGER.problem("评定值", number(value));
            if (figure != null) {
                throw Invalid.of("value", figure);
            }
            Checked<Assessment> checked = Inputs.assessment(scheme.scheme(), itemCode, value, 0);
            if (!checked.ok()) {
                throw Invalid.of("value", checked.problems().get(0).chinese());
            }
            String stored = checked.value().level() != null ? checked.value().level().label() : checked.value().value().toPlainString();
            int changed = jdbc.sql("update assessment set assessed_value = :v, recorded_by = :by, recorded_at = :now, version = version + 1 "
                            + "where member_id = :m and cycle_year = :y and item_code = :i")
                    .param("v", stored).param("by", user.accountId()).param("now", OffsetDateTime.now(clock))
                    .param("m", memberId).param("y", year).param("i", checked.value().item().code()).update();
            if (changed == 0) {
                jdbc.sql("insert into assessment (member_id, cycle_year, item_code, assessed_value, recorded_by, recorded_at) values (:m, :y, :i, :v, :by, :now)")
                        .param("m", memberId).param("y", year).param("i", checked.value().item().code()).param("v", stored)
                        .param("by", user.accountId()).param("now", OffsetDateTime.now(clock)).update();
            }
            value = stored;
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put(itemCode, before);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(itemCode, value == null || value.isBlank() ? null : value);
        audit.record(user.actor(), "ASSESSED", "member", memberId, member.unitId(),
                year + "年度评定 " + member.name() + " " + itemCode + "：" + (before == null ? "—" : before) + " → " + (value == null || value.isBlank() ? "—" : value), b, a);
        events.publishEvent(new AssessmentChanged(memberId, year, itemCode));
    }

    /** The value as a number, when it is one (a criterion's points; a level's label is not). */
    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** For trusted setup code (the demo organisation). */
    @Transactional
    public void assessTrusted(long memberId, int year, String itemCode, String value, AuditLog.Actor actor) {
        jdbc.sql("insert into assessment (member_id, cycle_year, item_code, assessed_value, recorded_by, recorded_at) values (:m, :y, :i, :v, :by, :now)")
                .param("m", memberId).param("y", year).param("i", itemCode).param("v", value).param("by", actor.accountId())
                .param("now", OffsetDateTime.now(clock)).update();
        events.publishEvent(new AssessmentChanged(memberId, year, itemCode));
    }

    /** A member's assessments of a cycle: item code → value. */
    public Map<String, String> current(long memberId, int year) {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("select item_code, assessed_value from assessment where member_id = :m and cycle_year = :y order by item_code")
                .param("m", memberId).param("y", year).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> values.put(e.getKey(), e.getValue()));
        return values;
    }

    /** Assessments of many members, without scope checks (scoring). */
    /** Member id → every assessment of the cycle, in one query: for rebuilds; members without any are absent. */
    public Map<Long, List<Stored>> ofCycle(int year) {
        Map<Long, List<Stored>> byMember = new java.util.HashMap<>();
        jdbc.sql("select member_id, item_code, assessed_value, recorded_at from assessment where cycle_year = :y order by member_id, item_code")
                .param("y", year)
                .query((rs, n) -> byMember.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Stored(rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class))))
                .list();
        return byMember;
    }

    public Map<Long, List<Stored>> of(List<Long> memberIds, int year) {
        Map<Long, List<Stored>> byMember = new LinkedHashMap<>();
        memberIds.forEach(id -> byMember.put(id, new ArrayList<>()));
        for (List<Long> chunk : Ledger.chunks(memberIds, 500)) {
            if (chunk.isEmpty()) {
                continue;
            }
            jdbc.sql("select member_id, item_code, assessed_value, recorded_at from assessment where member_id in (:ids) and cycle_year = :y order by item_code")
                    .param("ids", chunk).param("y", year)
                    .query((rs, n) -> Map.entry(rs.getLong(1), new Stored(rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class))))
                    .list().forEach(e -> byMember.get(e.getKey()).add(e.getValue()));
        }
        return byMember;
    }
}
