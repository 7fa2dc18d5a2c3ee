package cn.vanguard.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Invalid;
import cn.vanguard.NotFound;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * Evidence files of entries: photos (JPEG, PNG, WebP, GIF) and PDFs, recognised by their content, at most five of
 * 10 MB each. Kept in the database, so that several application nodes share them.
 */
@Service
public class Attachments {

    static final int MAX_FILES = 5;

    private final JdbcClient jdbc;
    private final Guard guard;
    private final AuditLog audit;
    private final Clock clock;

    public Attachments(JdbcClient jdbc, Guard guard, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    /** An attachment without its bytes. */
    public record Info(long id, long entryId, String filename, String contentType, long size, OffsetDateTime uploadedAt) {
    }

    /** An attachment's content for download. */
    public record Content(String filename, String contentType, byte[] data) {
    }

    void check(List<Upload> files) {
        Upload.check(files, MAX_FILES, "每条记录");
    }

    void store(long entryId, Upload file, long accountId) {
        jdbc.sql("""
                insert into attachment (entry_id, filename, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                values (:e, :f, :t, :s, :h, :d, :by, :now)""")
                .param("e", entryId).param("f", file.safeName()).param("t", file.kind())
                .param("s", (long) file.data().length).param("h", file.sha256()).param("d", file.data())
                .param("by", accountId).param("now", OffsetDateTime.now(clock)).update();
    }

    /**
     * Whether the current user may add evidence to the entry: the member who declared it, or whoever records entries in
     * the member's unit now (a scorer who recorded it before the member moved away no longer does).
     */
    public boolean mayAdd(LedgerEntry entry) {
        boolean declarer = entry.recordedBy() == guard.current().accountId() && guard.isSelf(entry.memberId());
        return declarer || guard.can(Permission.RECORD_ENTRIES, entry.unitId());
    }

    /** Adds evidence to an entry still under review, if {@link #mayAdd} allows. */
    @Transactional
    public void add(long entryId, List<Upload> files, Ledger ledger) {
        LedgerEntry entry = ledger.get(entryId);
        CurrentUser user = guard.current();
        if (!mayAdd(entry)) {
            throw Guard.denied();
        }
        if (!entry.status().open()) {
            throw Invalid.of("files", "记录已" + entry.status().label() + "，不能再补充材料");
        }
        if (entry.attachments() + files.size() > MAX_FILES) {
            throw Invalid.of("files", "每条记录最多上传" + MAX_FILES + "个证明材料");
        }
        check(files);
        for (Upload file : files) {
            store(entryId, file, user.accountId());
        }
        audit.record(user.actor(), "ATTACHMENT_ADDED", "ledger_entry", entryId, entry.unitId(),
                "补充证明材料 " + files.size() + " 个", null, Map.of("files", files.stream().map(Upload::filename).toList().toString()));
    }

    public List<Info> of(long entryId) {
        return jdbc.sql("select id, entry_id, filename, content_type, size_bytes, uploaded_at from attachment where entry_id = :e order by id")
                .param("e", entryId)
                .query((rs, n) -> new Info(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getObject(6, OffsetDateTime.class))).list();
    }

    /** The file, if the current user may see its entry; who opened which file is audited. */
    @Transactional
    public Content content(long id, Ledger ledger) {
        record Row(long entryId, String filename, String type, byte[] data) {
        }
        Row row = jdbc.sql("select entry_id, filename, content_type, content from attachment where id = :id").param("id", id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4))).optional()
                .orElseThrow(() -> new NotFound("附件不存在"));
        LedgerEntry entry = ledger.visible(row.entryId());
        audit.record(guard.current().actor(), "ATTACHMENT_VIEWED", "ledger_entry", row.entryId(), entry.unitId(),
                "查看证明材料“" + row.filename() + "”（" + entry.memberName() + " " + entry.itemName() + "）", null,
                Map.of("file", row.filename(), "fileId", id));
        return new Content(row.filename(), row.type(), row.data());
    }
}
