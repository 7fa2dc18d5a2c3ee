package cn.vanguard.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.Text;
import cn.vanguard.NotFound;
import cn.vanguard.Numeric;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.org.Members;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Checked;
import cn.vanguard.scheme.Entry;
import cn.vanguard.scheme.Evidence;
import cn.vanguard.scheme.Inputs;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.ItemKind;
import cn.vanguard.scheme.Pool;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.Problem;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * The ledger and its review. Entries are checked against the scheme that applies to the member when they are
 * recorded; approved entries are never edited or deleted, a correction is a reversing entry; nobody checks or approves
 * an entry they recorded or declared, or one about themselves; every change is audited.
 */
@Service
public class Ledger {

    /**
     * An entry as read: its unit is the unit its member belongs to now, not the one stored when it was recorded. Every
     * decision about an entry (view, check, approve, reject, reverse, evidence, the queue, the list) is a scope check
     * against this unit, so that after a transfer the new unit decides and the old one no longer sees the entry.
     */
    static final String SELECT = """
            select e.*, m.unit_id as member_unit_id, m.code as member_code, m.name as member_name, u.name as unit_name,
                   ra.display_name as recorded_name, ca.display_name as checked_name, da.display_name as decided_name,
                   (select count(*) from attachment a where a.entry_id = e.id) as attachment_count,
                   (select max(r.id) from ledger_entry r where r.reverses_id = e.id and r.status <> 'REJECTED') as reversed_by
            from ledger_entry e join member m on m.id = e.member_id join org_unit u on u.id = m.unit_id
            join account ra on ra.id = e.recorded_by left join account ca on ca.id = e.checked_by
            left join account da on da.id = e.decided_by""";

    private final JdbcClient jdbc;
    private final Members members;
    private final Schemes schemes;
    private final Guard guard;
    private final AuditLog audit;
    private final Attachments attachments;
    private final IdempotencyKeys keys;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Ledger(JdbcClient jdbc, Members members, Schemes schemes, Guard guard, AuditLog audit, Attachments attachments,
                  IdempotencyKeys keys, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.members = members;
        this.schemes = schemes;
        this.guard = guard;
        this.audit = audit;
        this.attachments = attachments;
        this.keys = keys;
        this.clock = clock;
        this.events = events;
    }

    /**
     * An entry as stored; its item name is added by {@link #named} once the rows are read. A row mapper never queries:
     * outside a transaction that query would need a second connection while the first is still held, and under load
     * every connection of the pool ends up held by a request waiting for another (see docs/performance.md).
     */
    private static final RowMapper<LedgerEntry> ROW = (rs, n) -> new LedgerEntry(rs.getLong("id"), rs.getLong("member_id"),
                rs.getString("member_code"), rs.getString("member_name"), rs.getLong("member_unit_id"), rs.getString("unit_name"),
                rs.getLong("scheme_version_id"), rs.getString("item_code"), null,
                rs.getObject("entry_date", LocalDate.class), rs.getBigDecimal("quantity").stripTrailingZeros(),
                rs.getBigDecimal("points") == null ? null : rs.getBigDecimal("points").stripTrailingZeros(),
                rs.getString("occurrence"), rs.getString("note"), rs.getString("witnesses"),
                EntrySource.valueOf(rs.getString("source")), EntryStatus.valueOf(rs.getString("status")),
                rs.getObject("reverses_id", Long.class), rs.getObject("reversed_by", Long.class),
                rs.getLong("recorded_by"), rs.getString("recorded_name"), rs.getObject("recorded_at", OffsetDateTime.class),
                rs.getObject("checked_by", Long.class), rs.getString("checked_name"), rs.getObject("checked_at", OffsetDateTime.class),
                rs.getObject("decided_by", Long.class), rs.getString("decided_name"), rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("reject_reason"), rs.getInt("version"), rs.getInt("attachment_count"));

    /** The entries with their items' names, each scheme version read once. */
    private List<LedgerEntry> named(List<LedgerEntry> entries) {
        Map<Long, Scheme> versions = new HashMap<>();
        return entries.stream().map(e -> {
            Item item = versions.computeIfAbsent(e.schemeVersionId(), id -> schemes.get(id).scheme()).item(e.itemCode());
            return e.withItemName(item == null ? e.itemCode() : item.name());
        }).toList();
    }

    // ---------------------------------------------------------------- creating entries

    /** A scorer (or group leader, secretary, committee administrator) records an entry; it waits for approval (待审核). */
    @Transactional
    public LedgerEntry record(NewEntry entry, List<Upload> files, String key) {
        return recordAs(entry, files, key, EntrySource.SCORER);
    }

    private LedgerEntry recordAs(NewEntry entry, List<Upload> files, String key, EntrySource source) {
        CurrentUser user = guard.current();
        Optional<LedgerEntry> replay = replay(user, key, "record", entry, files);
        if (replay.isPresent()) {
            return replay.get();
        }
        MemberRecord member = memberFor(entry.memberId(), Permission.RECORD_ENTRIES);
        return create(user, member, schemeFor(member, entry.date()), entry, files, source, EntryStatus.PENDING, null, key, "record");
    }

    /**
     * Records several entries at once (fast entry): all of them, or — if any row has a mistake — none, with every
     * row's problems. Each row carries its own idempotency key, so a resubmitted form creates nothing twice.
     */
    @Transactional
    public List<LedgerEntry> recordAll(List<NewEntry> entries, List<String> keys) {
        List<RowsInvalid.RowProblem> problems = new ArrayList<>();
        List<LedgerEntry> created = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                created.add(record(entries.get(i), List.of(), keys.get(i)));
            } catch (Invalid e) {
                int row = i + 1;
                e.errors().forEach((field, message) -> problems.add(new RowsInvalid.RowProblem(row, field, message)));
            } catch (org.springframework.security.access.AccessDeniedException e) {
                problems.add(new RowsInvalid.RowProblem(i + 1, "memberId", "该党员不在您可以记录的组织范围内"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RowsInvalid(problems);
        }
        return created;
    }

    /** What is wrong with an entry the current user would record (field → Chinese message); nothing is saved. */
    public Map<String, String> problems(NewEntry entry) {
        try {
            MemberRecord member = memberFor(entry.memberId(), Permission.RECORD_ENTRIES);
            return checkEntry(schemeFor(member, entry.date()), entry);
        } catch (Invalid e) {
            return e.errors();
        } catch (org.springframework.security.access.AccessDeniedException e) {
            return Map.of("memberId", "该党员不在您可以记录的组织范围内");
        }
    }

    /**
     * Imports a ledger file in the columns of the command line's entries files (member_id, item, date, quantity,
     * points, occurrence, note; Chinese headers accepted) for members of a unit: all rows, or none with a report of
     * every bad row by its line. The file's content and the unit are its idempotency key: the same file is never
     * imported twice into a unit, by whomever.
     */
    @Transactional
    public List<LedgerEntry> importRows(long unitId, List<cn.vanguard.sheet.SheetRows.Row> rows, String fileHash) {
        CurrentUser user = guard.current();
        guard.require(Permission.RECORD_ENTRIES, unitId);
        String prefix = "import:" + unitId + ":" + fileHash + ":";
        refuseImportedBefore(user, prefix);
        List<RowsInvalid.RowProblem> problems = new ArrayList<>();
        List<NewEntry> entries = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<Long> unitMembers = members.inSubtree(unitId).stream().map(MemberRecord::id).toList();
        for (cn.vanguard.sheet.SheetRows.Row r : rows) {
            Optional<MemberRecord> member = members.findByCode(r.get("member_id"));
            if (member.isEmpty() || !unitMembers.contains(member.get().id())) {
                problems.add(new RowsInvalid.RowProblem(r.line(), "member_id",
                        "党员编号“" + r.get("member_id") + "”不是本组织的党员，请核对"));
                continue;
            }
            LocalDate date = parseDate(r.get("date"));
            if (date == null) {
                problems.add(new RowsInvalid.RowProblem(r.line(), "date", "日期“" + r.get("date") + "”无法识别，请写成 2025-03-14"));
                continue;
            }
            BigDecimal quantity = number(r.get("quantity"));
            BigDecimal points = number(r.get("points"));
            if ((!r.get("quantity").isBlank() && quantity == null) || (!r.get("points").isBlank() && points == null)) {
                problems.add(new RowsInvalid.RowProblem(r.line(), quantity == null && !r.get("quantity").isBlank() ? "quantity" : "points",
                        "数量和分值必须是数字"));
                continue;
            }
            entries.add(new NewEntry(member.get().id(), r.get("item"), date, quantity, points, blankToNull(r.get("occurrence")),
                    blankToNull(r.get("note")), null));
            lines.add(r.line());
        }
        List<LedgerEntry> created = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                created.add(recordAs(entries.get(i), List.of(), prefix + lines.get(i), EntrySource.IMPORT));
            } catch (Invalid e) {
                int line = lines.get(i);
                e.errors().forEach((field, message) -> problems.add(new RowsInvalid.RowProblem(line, field, message)));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(RowsInvalid.RowProblem::row));
            throw new RowsInvalid(problems);
        }
        audit.record(user.actor(), "ENTRIES_IMPORTED", "ledger_entry", null, unitId, "导入台账 " + created.size() + " 条", null, null);
        return created;
    }

    /**
     * Refuses a file already imported into the unit, saying when and by whom: the importer's name only when they are
     * the current user or hold a role (or are a member) in the current user's scope.
     */
    private void refuseImportedBefore(CurrentUser user, String prefix) {
        record Earlier(long accountId, String name, OffsetDateTime at, int rows) {
        }
        Optional<Earlier> earlier = jdbc.sql("""
                        select k.account_id, a.display_name, min(k.created_at), count(*) from idempotency_key k
                        join account a on a.id = k.account_id where k.client_key like :k
                        group by k.account_id, a.display_name order by min(k.created_at) limit 1""")
                .param("k", prefix + "%")
                .query((rs, n) -> new Earlier(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getInt(4)))
                .optional();
        if (earlier.isEmpty()) {
            return;
        }
        Earlier first = earlier.get();
        List<Long> theirUnits = jdbc.sql("""
                        select unit_id from role_grant where account_id = :a and unit_id is not null
                        union select m.unit_id from account a join member m on m.id = a.member_id where a.id = :a""")
                .param("a", first.accountId()).query(Long.class).list();
        boolean known = first.accountId() == user.accountId() || theirUnits.stream().anyMatch(u -> guard.can(Permission.VIEW_LEDGER, u));
        String when = first.at().atZoneSameInstant(clock.getZone()).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        throw new Conflict("这个文件已于" + when + (known ? "由" + first.name() : "") + "导入过（" + first.rows()
                + "条记录），不会重复导入；如需补录，请只上传新增的行");
    }

    private static LocalDate parseDate(String text) {
        try {
            String t = text.strip().replace('/', '-').replace('.', '-');
            String[] parts = t.split("-");
            return parts.length == 3 ? LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A member declares an entry for themselves (个人申报) with a description and the evidence the item asks for; the
     * scorer checks it first (待初审).
     */
    @Transactional
    public LedgerEntry declare(NewEntry entry, List<Upload> files, String key) {
        CurrentUser user = guard.current();
        Optional<LedgerEntry> replay = replay(user, key, "declare", entry, files);
        if (replay.isPresent()) {
            return replay.get();
        }
        if (!guard.isSelf(entry.memberId())) {
            throw Guard.denied();
        }
        MemberRecord member = memberFor(entry.memberId(), null);
        Map<String, String> errors = new LinkedHashMap<>();
        if (entry.note() == null || entry.note().isBlank()) {
            errors.put("note", "请说明申报的事项（时间、地点、内容）");
        }
        PublishedScheme scheme = schemeFor(member, entry.date());
        Item item = scheme.scheme().itemByCodeOrName(entry.itemCode() == null ? "" : entry.itemCode().trim());
        if (item != null && !declarable(item)) {
            errors.put("itemCode", "“" + item.name() + "”不能个人申报，请联系记分员录入");
        } else if (item != null) {
            String evidence = evidenceProblem(item, files.size(), entry.witnesses());
            if (evidence != null) {
                errors.put("files", evidence);
            }
        }
        if (!errors.isEmpty()) {
            Map<String, String> all = new LinkedHashMap<>(checkEntry(scheme, entry));
            all.putAll(errors);
            throw new Invalid(all);
        }
        return create(user, member, scheme, entry, files, EntrySource.DECLARED, EntryStatus.FIRST_CHECK, null, key, "declare");
    }

    /**
     * Whether members may declare the item themselves: items that earn points (not counters, vetoes, forfeits or
     * deductions), the rule of 个人申报.
     */
    public static boolean declarable(Item item) {
        return (item.kind() == ItemKind.PER_UNIT || item.kind() == ItemKind.RANGE) && item.pool() != Pool.NONE && !item.isDeduction();
    }

    /**
     * The member an entry is about, once the current user may act on them ({@code permission} in the member's unit;
     * null when the caller has checked already): a refusal says nothing of a member out of scope.
     */
    private MemberRecord memberFor(long memberId, Permission permission) {
        MemberRecord member = members.find(memberId).orElseThrow(() -> Invalid.of("memberId", "党员不存在"));
        if (permission != null) {
            guard.require(permission, member.unitId());
        }
        if (member.status() == MemberStatus.TRANSFERRED_OUT) {
            throw Invalid.of("memberId", member.name() + "已转出，不能再记录积分");
        }
        return member;
    }

    private PublishedScheme schemeFor(MemberRecord member, LocalDate date) {
        if (date == null) {
            throw Invalid.of("date", "请填写日期");
        }
        return schemes.effective(member.unitId(), date.getYear()).orElseThrow(() -> Invalid.of("date",
                "“" + member.unitName() + "”还没有" + date.getYear() + "年度的积分方案，请先发布方案"));
    }

    /** The scheme's checks of an entry, as field → Chinese message (empty when fine). */
    private Map<String, String> checkEntry(PublishedScheme scheme, NewEntry entry) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        if (entry.date().isAfter(today)) {
            errors.put("date", "日期不能晚于今天（" + today + "）");
        }
        String quantity = Numeric.LEDGER.problem("数量", entry.quantity());
        String points = Numeric.LEDGER.problem("分值", entry.points());
        if (quantity != null || points != null) {
            // the scheme's checks would compare (and print) a number that cannot be stored: it is refused as it is
            if (quantity != null) {
                errors.put("quantity", quantity);
            }
            if (points != null) {
                errors.put("points", points);
            }
            return errors;
        }
        Checked<Entry> checked = Inputs.entry(scheme.scheme(), entry.date().getYear(), entry.itemCode(), entry.date(), entry.quantity(),
                entry.points(), entry.occurrence(), 0);
        for (Problem problem : checked.problems()) {
            errors.merge(problem.field() == null ? "itemCode" : field(problem.field()), problem.chinese(), (a, b) -> a + "；" + b);
        }
        if (entry.note() != null && entry.note().length() > 500) {
            errors.put("note", "说明不超过500字");
        }
        if (entry.occurrence() != null && entry.occurrence().length() > 100) {
            errors.put("occurrence", "事项编号不超过100字");
        }
        Text.check(errors, "note", "说明", entry.note(), 500, true);
        Text.check(errors, "occurrence", "事项编号", entry.occurrence(), 100, false);
        Text.check(errors, "witnesses", "证明人", entry.witnesses(), 100, false);
        return errors;
    }

    private static String field(String engineField) {
        return switch (engineField) {
            case "item" -> "itemCode";
            default -> engineField;
        };
    }

    /** Why the evidence is not enough for the item (提供相关材料或由至少2名党员群众予以证明), or null. */
    static String evidenceProblem(Item item, int files, String witnesses) {
        Evidence evidence = item.evidence();
        boolean hasWitnesses = witnessCount(witnesses) >= 2;
        if (evidence == Evidence.MATERIALS && files == 0) {
            return "“" + item.name() + "”需要上传证明材料（照片或PDF）";
        }
        if (evidence == Evidence.MATERIALS_OR_WITNESSES && files == 0 && !hasWitnesses) {
            return "“" + item.name() + "”需要上传证明材料，或填写至少2名证明人";
        }
        return null;
    }

    static int witnessCount(String witnesses) {
        if (witnesses == null || witnesses.isBlank()) {
            return 0;
        }
        return (int) java.util.Arrays.stream(witnesses.split("[,，、;；\\s]+")).filter(s -> !s.isBlank()).count();
    }

    private LedgerEntry create(CurrentUser user, MemberRecord member, PublishedScheme scheme, NewEntry entry, List<Upload> files,
                               EntrySource source, EntryStatus status, Long reverses, String key, String action) {
        if (reverses == null) {
            Map<String, String> errors = checkEntry(scheme, entry);
            if (!errors.isEmpty()) {
                throw new Invalid(errors);
            }
        }
        attachments.check(files);
        Item item = scheme.scheme().itemByCodeOrName(entry.itemCode().trim());
        KeyHolder keyHolder = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into ledger_entry (member_id, unit_id, scheme_version_id, item_code, entry_date, quantity, points, occurrence,
                                          note, witnesses, source, status, reverses_id, recorded_by, recorded_at)
                values (:member, :unit, :scheme, :item, :date, :quantity, :points, :occurrence, :note, :witnesses, :source, :status,
                        :reverses, :by, :now)""")
                .param("member", member.id()).param("unit", member.unitId()).param("scheme", scheme.id()).param("item", item.code())
                .param("date", entry.date()).param("quantity", entry.quantity() == null ? BigDecimal.ONE : entry.quantity())
                .param("points", entry.points()).param("occurrence", blankToNull(entry.occurrence()))
                .param("note", blankToNull(entry.note())).param("witnesses", blankToNull(entry.witnesses()))
                .param("source", source.name()).param("status", status.name()).param("reverses", reverses)
                .param("by", user.accountId()).param("now", now)
                .update(keyHolder, "id");
        long id = keyHolder.getKeyAs(Long.class);
        for (Upload file : files) {
            attachments.store(id, file, user.accountId());
        }
        remember(user, key, action, entry, files, id);
        LedgerEntry created = get(id);
        audit.record(user.actor(), "ENTRY_" + source.name(), "ledger_entry", id, member.unitId(),
                source.label() + "：" + member.name() + " " + created.itemName() + " " + entry.date(), null, fields(created));
        return created;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // ---------------------------------------------------------------- idempotency

    /** The entry an earlier request of the current account with the same key created, if the request is the same. */
    private Optional<LedgerEntry> replay(CurrentUser user, String key, String action, Object request, List<Upload> files) {
        return keys.earlier(user.accountId(), key, action, request, files).map(this::get);
    }

    /** Whether the current account has used this idempotency key already, so that a request with it replays (the API's 200). */
    public boolean keyUsed(String key) {
        return keys.used(guard.current().accountId(), key);
    }

    private void remember(CurrentUser user, String key, String action, Object request, List<Upload> files, long entryId) {
        keys.remember(user.accountId(), key, action, request, files, entryId);
    }

    // ---------------------------------------------------------------- review

    /** The scorer's first check of a declaration: pass it on for approval (待审核), or reject it with a reason. */
    @Transactional
    public LedgerEntry firstCheck(long id, boolean pass, String reason, int version) {
        LedgerEntry entry = get(id);
        CurrentUser user = guard.current();
        guard.require(Permission.FIRST_CHECK, entry.unitId());
        requireOtherEyes(user, entry, "初审");
        requireStep(entry, EntryStatus.FIRST_CHECK, pass ? EntryStatus.PENDING : EntryStatus.REJECTED, "初审");
        if (!pass && (reason == null || reason.isBlank())) {
            throw Invalid.of("reason", "驳回时请填写理由");
        }
        Text.require("reason", "驳回理由", pass ? null : reason, 200, true);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int changed = pass
                ? jdbc.sql("update ledger_entry set status = 'PENDING', checked_by = :by, checked_at = :now, version = version + 1 "
                        + "where id = :id and status = 'FIRST_CHECK' and version = :v")
                .param("by", user.accountId()).param("now", now).param("id", id).param("v", version).update()
                : jdbc.sql("update ledger_entry set status = 'REJECTED', checked_by = :by, checked_at = :now, decided_by = :by, decided_at = :now, "
                        + "reject_reason = :reason, version = version + 1 where id = :id and status = 'FIRST_CHECK' and version = :v")
                .param("by", user.accountId()).param("now", now).param("reason", reason.strip()).param("id", id).param("v", version).update();
        if (changed == 0) {
            throw new Conflict("该记录已被他人处理，请刷新后查看");
        }
        LedgerEntry after = get(id);
        audit.record(user.actor(), pass ? "ENTRY_CHECKED" : "ENTRY_REJECTED", "ledger_entry", id, entry.unitId(),
                (pass ? "初审通过：" : "初审驳回：") + entry.memberName() + " " + entry.itemName() + (pass ? "" : "，理由：" + reason.strip()),
                fields(entry), fields(after));
        events.publishEvent(pass ? new EntryChecked(id, entry.memberId())
                : new EntryRejected(id, entry.memberId(), entry.date(), reason.strip()));
        return after;
    }

    /**
     * Approves an entry (已生效). The scheme's evidence rule is enforced here; a reversal needs its original still in
     * force. Of two reviewers approving at once, one succeeds and the other gets a conflict: nothing counts twice.
     */
    @Transactional
    public LedgerEntry approve(long id, int version) {
        LedgerEntry entry = get(id);
        CurrentUser user = guard.current();
        guard.require(Permission.APPROVE_ENTRIES, entry.unitId());
        requireOtherEyes(user, entry, "审核");
        requireStep(entry, EntryStatus.PENDING, EntryStatus.APPROVED, "审核通过");
        Item item = schemes.get(entry.schemeVersionId()).scheme().item(entry.itemCode());
        if (entry.reversesId() == null) {
            String evidence = evidenceProblem(item, entry.attachments(), entry.witnesses());
            if (evidence != null) {
                throw Invalid.of("evidence", evidence + "，补充后再审核通过");
            }
        } else {
            LedgerEntry original = get(entry.reversesId());
            if (original.status() != EntryStatus.APPROVED) {
                throw new Conflict("被冲销的记录已不是“已生效”状态");
            }
            int approvedReversals = jdbc.sql("select count(*) from ledger_entry where reverses_id = :o and status = 'APPROVED'")
                    .param("o", original.id()).query(Integer.class).single();
            if (approvedReversals > 0) {
                throw new Conflict("该记录已被冲销过");
            }
        }
        int changed = jdbc.sql("update ledger_entry set status = 'APPROVED', decided_by = :by, decided_at = :now, version = version + 1 "
                        + "where id = :id and status = 'PENDING' and version = :v")
                .param("by", user.accountId()).param("now", OffsetDateTime.now(clock)).param("id", id).param("v", version).update();
        if (changed == 0) {
            throw new Conflict("该记录已被他人处理，请刷新后查看");
        }
        LedgerEntry after = get(id);
        audit.record(user.actor(), "ENTRY_APPROVED", "ledger_entry", id, entry.unitId(),
                "审核通过：" + entry.memberName() + " " + entry.itemName() + " " + entry.date(), fields(entry), fields(after));
        events.publishEvent(new EntryApproved(id, entry.memberId(), entry.date(), entry.reversesId()));
        return after;
    }

    /** Rejects an entry waiting for a check or an approval (已驳回), with a reason. */
    @Transactional
    public LedgerEntry reject(long id, String reason, int version) {
        LedgerEntry entry = get(id);
        if (entry.status() == EntryStatus.FIRST_CHECK) {
            return firstCheck(id, false, reason, version);
        }
        CurrentUser user = guard.current();
        guard.require(Permission.APPROVE_ENTRIES, entry.unitId());
        requireOtherEyes(user, entry, "审核");
        requireStep(entry, EntryStatus.PENDING, EntryStatus.REJECTED, "驳回");
        if (reason == null || reason.isBlank()) {
            throw Invalid.of("reason", "驳回时请填写理由");
        }
        Text.require("reason", "驳回理由", reason, 200, true);
        int changed = jdbc.sql("update ledger_entry set status = 'REJECTED', decided_by = :by, decided_at = :now, reject_reason = :reason, "
                        + "version = version + 1 where id = :id and status = 'PENDING' and version = :v")
                .param("by", user.accountId()).param("now", OffsetDateTime.now(clock)).param("reason", reason.strip())
                .param("id", id).param("v", version).update();
        if (changed == 0) {
            throw new Conflict("该记录已被他人处理，请刷新后查看");
        }
        LedgerEntry after = get(id);
        audit.record(user.actor(), "ENTRY_REJECTED", "ledger_entry", id, entry.unitId(),
                "驳回：" + entry.memberName() + " " + entry.itemName() + "，理由：" + reason.strip(), fields(entry), fields(after));
        events.publishEvent(new EntryRejected(id, entry.memberId(), entry.date(), reason.strip()));
        return after;
    }

    /**
     * A review step acts on entries waiting at its stage (a first check on 待初审, an approval or rejection on 待审核)
     * and moves them only where {@link EntryStatus#canMoveTo} allows; the update repeats the stage, so that of two
     * reviewers at once only one moves the entry.
     */
    private static void requireStep(LedgerEntry entry, EntryStatus stage, EntryStatus next, String what) {
        if (entry.status() != stage || !stage.canMoveTo(next)) {
            throw new Conflict("该记录当前状态为“" + entry.status().label() + "”，不能" + what);
        }
    }

    /** Four eyes: nobody checks or approves an entry they recorded or declared, or one about themselves. */
    private static void requireOtherEyes(CurrentUser user, LedgerEntry entry, String what) {
        if (entry.recordedBy() == user.accountId()) {
            throw new Invalid(Map.of("entry", "不能" + what + "自己录入或申报的记录，须由他人" + what));
        }
        if (user.memberId() != null && user.memberId() == entry.memberId()) {
            throw new Invalid(Map.of("entry", "不能" + what + "关于自己的积分记录，须由他人" + what));
        }
    }

    /**
     * Corrects an approved entry by a reversing entry (冲销) that points at it; the reversal is reviewed like any entry
     * and, once approved, takes the original out of every score.
     */
    @Transactional
    public LedgerEntry reverse(long id, String reason, String key) {
        CurrentUser user = guard.current();
        LedgerEntry original = get(id);
        NewEntry request = new NewEntry(original.memberId(), original.itemCode(), original.date(), original.quantity(),
                original.points(), original.occurrence(), "冲销 #" + id + "：" + (reason == null ? "" : reason.strip()), null);
        Optional<LedgerEntry> replay = replay(user, key, "reverse:" + id, request, List.of());
        if (replay.isPresent()) {
            return replay.get();
        }
        guard.require(Permission.RECORD_ENTRIES, original.unitId());
        if (reason == null || reason.isBlank()) {
            throw Invalid.of("reason", "请填写冲销理由");
        }
        Text.require("reason", "冲销理由", reason, 200, true);
        if (original.status() != EntryStatus.APPROVED) {
            throw new Conflict("只能冲销已生效的记录");
        }
        if (original.reversesId() != null) {
            throw new Conflict("冲销记录本身不能再冲销；如需恢复，请重新录入");
        }
        if (original.reversedBy() != null) {
            throw new Conflict("该记录已有冲销记录 #" + original.reversedBy());
        }
        MemberRecord member = members.find(original.memberId()).orElseThrow();
        return create(user, member, schemes.get(original.schemeVersionId()), request, List.of(), EntrySource.REVERSAL,
                EntryStatus.PENDING, id, key, "reverse:" + id);
    }

    /** An entry as trusted setup code (the demo organisation) writes it straight into a given state. */
    public record Seed(long memberId, String itemCode, LocalDate date, BigDecimal quantity, BigDecimal points, String occurrence,
                       String note, String witnesses, EntrySource source, EntryStatus status, long recordedBy, Long checkedBy,
                       Long decidedBy, String rejectReason) {
    }

    /**
     * For trusted setup code (the demo organisation): writes checked entries in bulk in the states given, recorded and
     * decided by the accounts given, with one audit line for the batch.
     */
    @Transactional
    public int seedTrusted(List<Seed> seeds, AuditLog.Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Long, MemberRecord> people = new java.util.HashMap<>();
        for (Seed seed : seeds) {
            MemberRecord member = people.computeIfAbsent(seed.memberId(), id -> members.find(id).orElseThrow());
            PublishedScheme scheme = schemeFor(member, seed.date());
            NewEntry entry = new NewEntry(seed.memberId(), seed.itemCode(), seed.date(), seed.quantity(), seed.points(), seed.occurrence(),
                    seed.note(), seed.witnesses());
            Map<String, String> errors = checkEntry(scheme, entry);
            if (!errors.isEmpty()) {
                throw new Invalid(errors);
            }
            OffsetDateTime recordedAt = seed.date().atTime(18, 0).atZone(clock.getZone()).toOffsetDateTime();
            OffsetDateTime decidedAt = recordedAt.plusDays(2).isAfter(now) ? now : recordedAt.plusDays(2);
            jdbc.sql("""
                    insert into ledger_entry (member_id, unit_id, scheme_version_id, item_code, entry_date, quantity, points, occurrence,
                                              note, witnesses, source, status, recorded_by, recorded_at, checked_by, checked_at,
                                              decided_by, decided_at, reject_reason)
                    values (:member, :unit, :scheme, :item, :date, :quantity, :points, :occurrence, :note, :witnesses, :source, :status,
                            :by, :at, :checkedBy, :checkedAt, :decidedBy, :decidedAt, :reason)""")
                    .param("member", member.id()).param("unit", member.unitId()).param("scheme", scheme.id()).param("item", seed.itemCode())
                    .param("date", seed.date()).param("quantity", seed.quantity() == null ? BigDecimal.ONE : seed.quantity())
                    .param("points", seed.points()).param("occurrence", seed.occurrence()).param("note", seed.note())
                    .param("witnesses", seed.witnesses()).param("source", seed.source().name()).param("status", seed.status().name())
                    .param("by", seed.recordedBy()).param("at", recordedAt)
                    .param("checkedBy", seed.checkedBy()).param("checkedAt", seed.checkedBy() == null ? null : decidedAt)
                    .param("decidedBy", seed.decidedBy()).param("decidedAt", seed.decidedBy() == null ? null : decidedAt)
                    .param("reason", seed.rejectReason())
                    .update();
        }
        events.publishEvent(new EntriesSeeded(people.keySet()));
        audit.record(actor, "ENTRIES_SEEDED", "ledger_entry", null, null, "演示数据：写入" + seeds.size() + "条积分记录", null, null);
        return seeds.size();
    }

    // ---------------------------------------------------------------- reading

    /** An entry without scope checks. */
    public LedgerEntry get(long id) {
        return jdbc.sql(SELECT + " where e.id = :id").param("id", id).query(ROW).optional().map(e -> named(List.of(e)).get(0))
                .orElseThrow(() -> new NotFound("积分记录不存在"));
    }

    /** An entry the current user may see: in their VIEW_LEDGER scope, or about themselves. */
    public LedgerEntry visible(long id) {
        LedgerEntry entry = get(id);
        if (!guard.isSelf(entry.memberId()) && !guard.can(Permission.VIEW_LEDGER, entry.unitId())) {
            throw Guard.denied();
        }
        return entry;
    }

    /** Filters for the ledger list; null fields do not filter. */
    public record Filter(Long unitId, Long memberId, EntryStatus status, String itemCode, LocalDate from, LocalDate to) {
    }

    /**
     * Entries the current user may see, as {@link #visible(long)} decides one by one: those in their VIEW_LEDGER scope
     * and those about themselves (a member's own entries). Newest first, at most {@code limit}.
     */
    public List<LedgerEntry> search(Filter filter, int limit) {
        List<Long> scope = guard.units(Permission.VIEW_LEDGER);
        Long self = guard.current().memberId();
        if (Text.unmatchable(filter.itemCode())) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(SELECT + " where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (scope != null) {
            if (scope.isEmpty() && self == null) {
                return List.of();
            }
            List<String> seen = new ArrayList<>();
            if (!scope.isEmpty()) {
                seen.add("m.unit_id in (:scope)");
                params.put("scope", scope);
            }
            if (self != null) {
                seen.add("e.member_id = :self");
                params.put("self", self);
            }
            sql.append(" and (").append(String.join(" or ", seen)).append(")");
        }
        if (filter.unitId() != null) {
            sql.append(" and u.path like (select path from org_unit where id = :unit) || '%'");
            params.put("unit", filter.unitId());
        }
        if (filter.memberId() != null) {
            sql.append(" and e.member_id = :member");
            params.put("member", filter.memberId());
        }
        if (filter.status() != null) {
            sql.append(" and e.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.itemCode() != null && !filter.itemCode().isBlank()) {
            sql.append(" and e.item_code = :item");
            params.put("item", filter.itemCode().strip());
        }
        if (filter.from() != null) {
            sql.append(" and e.entry_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and e.entry_date <= :to");
            params.put("to", filter.to());
        }
        sql.append(" order by e.id desc limit ").append(Math.max(1, Math.min(limit, 2000)));
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return named(spec.query(ROW).list());
    }

    /** A member's own entries of a cycle, oldest first (the member page). */
    public List<LedgerEntry> ofMember(long memberId, int year) {
        MemberRecord member = members.visible(memberId);
        return named(jdbc.sql(SELECT + " where e.member_id = :m and e.entry_date between :from and :to order by e.entry_date, e.id")
                .param("m", member.id()).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query(ROW).list());
    }

    /**
     * What the current user can act on, oldest first: declarations to check first and entries to approve, never one
     * they recorded or declared or one about themselves (four eyes). At most {@code limit}; {@link #pendingForMe()}
     * counts them all.
     */
    public List<LedgerEntry> queue(int limit) {
        CurrentUser user = guard.current();
        String order = " order by e.recorded_at, e.id limit " + Math.max(1, limit);
        List<LedgerEntry> open = new ArrayList<>();
        waiting(SELECT, EntryStatus.FIRST_CHECK, guard.units(Permission.FIRST_CHECK), user, order)
                .ifPresent(spec -> open.addAll(spec.query(ROW).list()));
        waiting(SELECT, EntryStatus.PENDING, guard.units(Permission.APPROVE_ENTRIES), user, order)
                .ifPresent(spec -> open.addAll(spec.query(ROW).list()));
        return named(open.stream()
                .sorted(java.util.Comparator.comparing(LedgerEntry::recordedAt).thenComparing(LedgerEntry::id))
                .limit(Math.max(1, limit)).toList());
    }

    /** How many entries wait for the current user (the menu's badge on every page): {@link #queue(int)}, all counted. */
    public long pendingForMe() {
        CurrentUser user = guard.current();
        String count = "select count(*) from ledger_entry e join member m on m.id = e.member_id";
        return waiting(count, EntryStatus.FIRST_CHECK, guard.units(Permission.FIRST_CHECK), user, "")
                .map(spec -> spec.query(Long.class).single()).orElse(0L)
                + waiting(count, EntryStatus.PENDING, guard.units(Permission.APPROVE_ENTRIES), user, "")
                .map(spec -> spec.query(Long.class).single()).orElse(0L);
    }

    /** The entries in a status that wait for the user within a scope (null: everywhere), or nothing without a scope. */
    private Optional<JdbcClient.StatementSpec> waiting(String select, EntryStatus status, List<Long> scope, CurrentUser user,
                                                       String tail) {
        if (scope != null && scope.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql(select + " where e.status = :s and e.recorded_by <> :me"
                        + (scope == null ? "" : " and m.unit_id in (:scope)")
                        + (user.memberId() == null ? "" : " and e.member_id <> :self") + tail)
                .param("s", status.name()).param("me", user.accountId()).param("scope", scope == null ? List.of(0L) : scope)
                .param("self", user.memberId() == null ? 0L : user.memberId()));
    }

    /** An approved entry that counts: approved, and not reversed by an approved reversal. For scoring. */
    public record CountingEntry(long id, long memberId, String itemCode, LocalDate date, BigDecimal quantity, BigDecimal points,
                                String occurrence) {
    }

    /** The entries that count for members in a cycle, without scope checks (the caller scores what it may show). */
    public Map<Long, List<CountingEntry>> counting(List<Long> memberIds, int year) {
        Map<Long, List<CountingEntry>> byMember = new LinkedHashMap<>();
        memberIds.forEach(id -> byMember.put(id, new ArrayList<>()));
        if (memberIds.isEmpty()) {
            return byMember;
        }
        for (List<Long> chunk : chunks(memberIds, 500)) {
            jdbc.sql("""
                    select e.id, e.member_id, e.item_code, e.entry_date, e.quantity, e.points, e.occurrence from ledger_entry e
                    where e.member_id in (:ids) and e.status = 'APPROVED' and e.reverses_id is null
                      and e.entry_date between :from and :to
                      and not exists (select 1 from ledger_entry r where r.reverses_id = e.id and r.status = 'APPROVED')
                    order by e.entry_date, e.id""")
                    .param("ids", chunk).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                    .query((rs, n) -> new CountingEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7)))
                    .list().forEach(e -> byMember.get(e.memberId()).add(e));
        }
        return byMember;
    }

    static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            chunks.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return chunks;
    }

    static Map<String, Object> fields(LedgerEntry e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("member", e.memberCode());
        fields.put("item", e.itemCode());
        fields.put("date", e.date());
        fields.put("quantity", e.quantity().toPlainString());
        fields.put("points", e.points() == null ? null : e.points().toPlainString());
        fields.put("occurrence", e.occurrence());
        fields.put("note", e.note());
        fields.put("status", e.status());
        fields.put("reverses", e.reversesId());
        return fields;
    }
}
