package cn.vanguard.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.NotFound;
import cn.vanguard.Text;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.internal.EntryChecks;
import cn.vanguard.ledger.internal.ChainLinks;
import cn.vanguard.ledger.internal.EntryRows;
import cn.vanguard.ledger.internal.IdempotencyKeys;
import cn.vanguard.ledger.internal.TrustedSeeds;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.ItemKind;
import cn.vanguard.scheme.Pool;
import cn.vanguard.security.Accounts;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * The ledger: recording, declaring, importing and reversing entries, and reading them. Entries are checked against the
 * scheme that applies to the member when they are recorded; approved entries are never edited or deleted, a correction
 * is a reversing entry; every change is audited. Their review is the review module's, through {@link EntryStates}.
 */
@Service
public class Ledger {

    private final JdbcClient jdbc;
    private final Members members;
    private final Schemes schemes;
    private final Accounts accounts;
    private final Guard guard;
    private final AuditLog audit;
    private final Attachments attachments;
    private final IdempotencyKeys keys;
    private final Clock clock;
    private final EntryChecks checks;
    private final TrustedSeeds trusted;
    private final ChainLinks chain;

    public Ledger(JdbcClient jdbc, Members members, Schemes schemes, Guard guard, AuditLog audit, Attachments attachments,
                  IdempotencyKeys keys, Clock clock, EntryChecks checks, TrustedSeeds trusted, Accounts accounts, ChainLinks chain) {
        this.chain = chain;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.members = members;
        this.schemes = schemes;
        this.guard = guard;
        this.audit = audit;
        this.attachments = attachments;
        this.keys = keys;
        this.clock = clock;
        this.checks = checks;
        this.trusted = trusted;
    }

    private List<LedgerEntry> named(List<LedgerEntry> entries) {
        return EntryRows.named(entries, schemes, accounts);
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
        MemberRecord member = checks.member(entry.memberId(), Permission.RECORD_ENTRIES);
        return create(user, member, checks.scheme(member, entry.date()), entry, files, source, EntryStatus.PENDING, null, key, "record");
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
            MemberRecord member = checks.member(entry.memberId(), Permission.RECORD_ENTRIES);
            return checks.problems(checks.scheme(member, entry.date()), entry);
        } catch (Invalid e) {
            return e.errors();
        } catch (org.springframework.security.access.AccessDeniedException e) {
            return Map.of("memberId", "该党员不在您可以记录的组织范围内");
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
        MemberRecord member = checks.member(entry.memberId(), null);
        Map<String, String> errors = new LinkedHashMap<>();
        if (entry.note() == null || entry.note().isBlank()) {
            errors.put("note", "请说明申报的事项（时间、地点、内容）");
        }
        PublishedScheme scheme = checks.scheme(member, entry.date());
        Item item = scheme.scheme().itemByCodeOrName(entry.itemCode() == null ? "" : entry.itemCode().trim());
        if (item != null && !declarable(item)) {
            errors.put("itemCode", "“" + item.name() + "”不能个人申报，请联系记分员录入");
        } else if (item != null) {
            String evidence = EvidenceRule.problem(item, files.size(), entry.witnesses());
            if (evidence != null) {
                errors.put("files", evidence);
            }
        }
        if (!errors.isEmpty()) {
            Map<String, String> all = new LinkedHashMap<>(checks.problems(scheme, entry));
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

    private LedgerEntry create(CurrentUser user, MemberRecord member, PublishedScheme scheme, NewEntry entry, List<Upload> files,
                               EntrySource source, EntryStatus status, Long reverses, String key, String action) {
        if (reverses == null) {
            Map<String, String> errors = checks.problems(scheme, entry);
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
        // last, so that the unit's chain is held only for the rest of the transaction, not while files are stored
        chain.recorded(id);
        LedgerEntry created = get(id);
        Map<String, Object> after = new LinkedHashMap<>(created.auditFields());
        if (!files.isEmpty()) {
            after.put("files", files.stream().map(Upload::safeName).toList().toString());
        }
        audit.record(user.actor(), "ENTRY_" + source.name(), "ledger_entry", id, member.unitId(),
                source.label() + "：" + member.name() + " " + created.itemName() + " " + entry.date()
                        + (files.isEmpty() ? "" : "，附证明材料 " + files.size() + " 个"), null, after);
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
        return trusted.write(seeds, actor);
    }

    // ---------------------------------------------------------------- reading

    /** An entry without scope checks. */
    public LedgerEntry get(long id) {
        return jdbc.sql(EntryRows.SELECT + " where e.id = :id").param("id", id).query(EntryRows.ROW).optional().map(e -> named(List.of(e)).get(0))
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
        if (Text.unmatchable(filter.itemCode()) || (scope != null && scope.isEmpty() && self == null)) {
            return List.of();
        }
        return named(EntryRows.search(jdbc, scope, self, filter, limit).query(EntryRows.ROW).list());
    }

    /** A member's own entries of a cycle, oldest first (the member page). */
    public List<LedgerEntry> ofMember(long memberId, int year) {
        MemberRecord member = members.visible(memberId);
        return named(jdbc.sql(EntryRows.SELECT + " where e.member_id = :m and e.entry_date between :from and :to order by e.entry_date, e.id")
                .param("m", member.id()).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query(EntryRows.ROW).list());
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


}
