package cn.vanguard.cycle;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Conflict;
import cn.vanguard.NotFound;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.cycle.internal.ObjectionFiles;
import cn.vanguard.cycle.internal.ObjectionRows;
import cn.vanguard.ledger.Upload;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;

/**
 * The evidence of objections (异议的证明材料, cycle.md §4): photos and PDFs filed with an objection or added by its objector
 * while it waits for the answer, at most five. A file is seen by whoever sees its objection: the objector and those over
 * the unit; to anybody else it does not exist.
 */
@Service
public class ObjectionEvidence {

    static final int MAX_FILES = 5;

    private final Periods periods;
    private final ObjectionRows objections;
    private final ObjectionFiles files;
    private final Guard guard;
    private final AuditLog audit;
    private final Clock clock;

    ObjectionEvidence(Periods periods, ObjectionRows objections, ObjectionFiles files, Guard guard, AuditLog audit, Clock clock) {
        this.periods = periods;
        this.objections = objections;
        this.files = files;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    /** Refuses the files, naming the first at fault, before anything is stored. */
    static void check(List<Upload> uploads) {
        Upload.check(uploads, MAX_FILES, "每条异议");
    }

    /** Stores files already checked, in the transaction that files the objection. */
    void store(long objectionId, List<Upload> uploads, CurrentUser user) {
        uploads.forEach(file -> files.insert(objectionId, file, user.accountId(), clock.instant()));
    }

    /** The objector adds evidence to their objection while it waits for the answer. */
    @Transactional
    public void add(long objectionId, List<Upload> uploads) {
        Objection objection = objections.find(objectionId).filter(this::filedByCurrent).orElseThrow(ObjectionEvidence::missing);
        EvaluationPeriod period = periods.get(objection.periodId());
        CurrentUser user = guard.current();
        if (objection.status() != Objection.Status.OPEN) {
            throw new Conflict("异议已答复（" + objection.status().label() + "），不能再补充材料");
        }
        if (uploads.isEmpty()) {
            throw cn.vanguard.Invalid.of("files", "请选择要上传的照片或PDF");
        }
        if (files.count(objectionId) + uploads.size() > MAX_FILES) {
            throw cn.vanguard.Invalid.of("files", "每条异议最多上传" + MAX_FILES + "个证明材料");
        }
        check(uploads);
        store(objectionId, uploads, user);
        audit.record(user.actor(), "OBJECTION_EVIDENCE_ADDED", "objection", objectionId, period.unitId(),
                period.chineseLabel() + "异议#" + objectionId + "：补充证明材料 " + uploads.size() + " 个", null,
                Map.of("files", uploads.stream().map(Upload::safeName).toList().toString()));
    }

    /** The files of the period's objections the current user sees, by objection. */
    public Map<Long, List<ObjectionFile>> ofPeriod(long periodId) {
        List<Long> visible = periods.seesAll(periods.get(periodId))
                ? objections.ofPeriod(periodId).stream().map(Objection::id).toList()
                : objections.ofPeriod(periodId).stream().filter(this::filedByCurrent).map(Objection::id).toList();
        return files.of(visible).stream().collect(Collectors.groupingBy(ObjectionFile::objectionId));
    }

    /** A file's bytes, for the objector and those over the unit; who opened which file is audited. */
    @Transactional
    public ObjectionFile.Content content(long fileId) {
        ObjectionFiles.Stored stored = files.content(fileId).orElseThrow(ObjectionEvidence::missing);
        Objection objection = objections.find(stored.objectionId()).orElseThrow(ObjectionEvidence::missing);
        EvaluationPeriod period;
        try {
            period = periods.get(objection.periodId());
        } catch (NotFound e) {
            throw missing();
        }
        if (!periods.seesAll(period) && !filedByCurrent(objection)) {
            throw missing();
        }
        ObjectionFile.Content content = stored.content();
        audit.record(guard.current().actor(), "OBJECTION_EVIDENCE_VIEWED", "objection", objection.id(), period.unitId(),
                period.chineseLabel() + "异议#" + objection.id() + "：查看证明材料“" + content.filename() + "”", null,
                Map.of("file", content.filename(), "fileId", fileId));
        return content;
    }

    private boolean filedByCurrent(Objection objection) {
        Long self = guard.current().memberId();
        return self != null && self.equals(objection.objectorMemberId());
    }

    private static NotFound missing() {
        return new NotFound("证明材料不存在");
    }
}
