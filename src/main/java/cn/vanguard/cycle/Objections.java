package cn.vanguard.cycle;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.NotFound;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.cycle.internal.ObjectionRows;
import cn.vanguard.cycle.internal.SnapshotRows;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.Upload;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * The members' side of a snapshot and the objections (cycle.md §2, §4): a member confirms or disputes their own line
 * before publication; during the window any member of the unit objects to a line or an entry; the secretary answers.
 * Anonymous objections are not accepted; the objector is named only to those over the unit.
 */
@Service
public class Objections {

    private final Periods periods;
    private final ObjectionRows rows;
    private final SnapshotRows snapshots;
    private final ObjectionEvidence evidence;
    private final Ledger ledger;
    private final Members members;
    private final Guard guard;
    private final AuditLog audit;
    private final Clock clock;

    Objections(Periods periods, ObjectionRows rows, SnapshotRows snapshots, ObjectionEvidence evidence, Ledger ledger, Members members,
               Guard guard, AuditLog audit, Clock clock) {
        this.periods = periods;
        this.evidence = evidence;
        this.rows = rows;
        this.snapshots = snapshots;
        this.ledger = ledger;
        this.members = members;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    /** The member confirms their own line of the period's latest snapshot (确认无误). */
    @Transactional
    public void confirm(long periodId) {
        EvaluationPeriod period = periods.get(periodId);
        Snapshot latest = answerable(period);
        long self = ownLine(latest);
        if (!snapshots.answer(latest.id(), self, SnapshotLine.Answer.CONFIRMED, guard.current().accountId(), clock.instant())) {
            throw new Conflict("您已答复过本期结果");
        }
        audit.record(guard.current().actor(), "SNAPSHOT_CONFIRMED", "period_snapshot", latest.id(), period.unitId(),
                period.chineseLabel() + "：本人确认无误", null, Map.of("member", self));
    }

    /** The member disputes their own line (有异议): an objection to the line, before publication. */
    @Transactional
    public Objection dispute(long periodId, String text, BigDecimal claimed) {
        return dispute(periodId, text, claimed, List.of());
    }

    /** The member disputes their own line, with evidence files (photos, PDFs; all refused if one is). */
    @Transactional
    public Objection dispute(long periodId, String text, BigDecimal claimed, List<Upload> files) {
        EvaluationPeriod period = periods.get(periodId);
        Snapshot latest = answerable(period);
        long self = ownLine(latest);
        if (!snapshots.answer(latest.id(), self, SnapshotLine.Answer.DISPUTED, guard.current().accountId(), clock.instant())) {
            throw new Conflict("您已答复过本期结果");
        }
        return insert(period, latest, self, null, text, claimed, files);
    }

    /** During the window, a member of the unit objects to a member's line, or to one entry behind it. */
    @Transactional
    public Objection object(long periodId, long memberId, Long entryId, String text, BigDecimal claimed) {
        return object(periodId, memberId, entryId, text, claimed, List.of());
    }

    /**
     * During the window, a member of the unit objects to a line of the published list or to their own, or to one entry
     * behind it, with evidence files (photos, PDFs; all refused if one is).
     */
    @Transactional
    public Objection object(long periodId, long memberId, Long entryId, String text, BigDecimal claimed, List<Upload> files) {
        EvaluationPeriod period = periods.get(periodId);
        if (guard.current().memberId() == null) {
            throw new Conflict("只有本单位党员可以提出异议");
        }
        if (!period.inWindow(today())) {
            throw new Conflict(period.chineseLabel() + "不在公示期内，不能提出异议");
        }
        Snapshot latest = latest(period);
        boolean listed = memberId == guard.current().memberId() || periods.seesAll(period)
                ? !snapshots.lines(latest.id(), memberId).isEmpty()
                : periods.publicityLines(period).stream().anyMatch(l -> l.memberId() == memberId);
        if (!listed) {
            throw Invalid.of("memberId", "该党员不在本期公示名单中");
        }
        if (entryId != null && (!snapshots.counts(latest.id(), entryId) || ledger.get(entryId).memberId() != memberId)) {
            throw Invalid.of("entryId", "该记录不是本期计入此党员积分的记录");
        }
        return insert(period, latest, memberId, entryId, text, claimed, files);
    }

    /** The secretary answers an objection: upheld (成立) or not (不成立), with the reason. */
    @Transactional
    public Objection answer(long objectionId, boolean upheld, String reason, int version) {
        Objection objection = rows.find(objectionId).orElseThrow(() -> new NotFound("异议不存在"));
        EvaluationPeriod period = periods.get(objection.periodId());
        guard.require(Permission.RUN_PERIODS, period.unitId());
        if (reason == null || reason.isBlank()) {
            throw Invalid.of("answer", "请填写答复理由");
        }
        if (reason.strip().length() > 1000) {
            throw Invalid.of("answer", "答复理由不能超过1000字");
        }
        Objection.Status status = upheld ? Objection.Status.UPHELD : Objection.Status.NOT_UPHELD;
        CurrentUser user = guard.current();
        if (!rows.answer(objectionId, version, status, reason.strip(), user.accountId(), clock.instant())) {
            throw new Conflict("该异议已被他人答复，请刷新后查看");
        }
        audit.record(user.actor(), "OBJECTION_ANSWERED", "objection", objectionId, period.unitId(),
                period.chineseLabel() + "异议#" + objectionId + "：" + status.label(), Map.of("status", "OPEN"),
                Map.of("status", status.name()));
        return rows.find(objectionId).orElseThrow();
    }

    /** The period's objections; objectors named only to those over the unit, a member sees the ones they filed. */
    public List<Objection> ofPeriod(long periodId) {
        EvaluationPeriod period = periods.get(periodId);
        List<Objection> all = rows.ofPeriod(period.id());
        if (periods.seesAll(period)) {
            return all.stream().map(o -> o.objectorMemberId() == null ? o : named(o)).toList();
        }
        Long self = guard.current().memberId();
        return all.stream().filter(o -> self != null && self.equals(o.objectorMemberId())).map(Objection::anonymous).toList();
    }

    private Objection named(Objection o) {
        String name = members.find(o.objectorMemberId()).map(MemberRecord::name).orElse(null);
        return new Objection(o.id(), o.periodId(), o.snapshotId(), o.memberId(), o.entryId(), o.objectorMemberId(), name, o.text(),
                o.claimedValue(), o.status(), o.filedAt(), o.answer(), o.answeredAt(), o.version());
    }

    private Objection insert(EvaluationPeriod period, Snapshot latest, long memberId, Long entryId, String text, BigDecimal claimed,
                             List<Upload> files) {
        if (text == null || text.isBlank()) {
            throw Invalid.of("text", "请写明异议的内容");
        }
        if (text.strip().length() > 1000) {
            throw Invalid.of("text", "异议内容不能超过1000字");
        }
        if (claimed != null && (claimed.abs().compareTo(new BigDecimal("100000")) >= 0 || claimed.scale() > 4)) {
            throw Invalid.of("claimedValue", "认为正确的分值应为不超过4位小数的数");
        }
        ObjectionEvidence.check(files);
        CurrentUser user = guard.current();
        long id = rows.insert(period.id(), latest.id(), memberId, entryId, user.memberId(), user.accountId(), text.strip(), claimed,
                clock.instant());
        audit.record(user.actor(), "OBJECTION_FILED", "objection", id, period.unitId(),
                period.chineseLabel() + "异议#" + id + (entryId == null ? "（对结果）" : "（对记录#" + entryId + "）")
                        + (files.isEmpty() ? "" : "，附证明材料 " + files.size() + " 个"), null,
                files.isEmpty() ? Map.of("member", memberId)
                        : Map.of("member", memberId, "files", files.stream().map(Upload::safeName).toList().toString()));
        evidence.store(id, files, user);
        return rows.find(id).orElseThrow();
    }

    private Snapshot answerable(EvaluationPeriod period) {
        if (period.status() != PeriodStatus.CLOSED && period.status() != PeriodStatus.SIGNED) {
            throw new Conflict(period.chineseLabel() + "现为“" + period.status().label() + "”，公示前才能确认或提出异议；公示期内请在公示名单上提出异议");
        }
        return latest(period);
    }

    private Snapshot latest(EvaluationPeriod period) {
        return snapshots.latestId(period.id()).flatMap(snapshots::find)
                .orElseThrow(() -> new Conflict(period.chineseLabel() + "尚未汇总"));
    }

    private long ownLine(Snapshot latest) {
        Long self = guard.current().memberId();
        if (self == null || snapshots.lines(latest.id(), self).isEmpty()) {
            throw new Conflict("本期结果中没有您的记录");
        }
        return self;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
