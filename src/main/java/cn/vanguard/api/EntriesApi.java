package cn.vanguard.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.vanguard.Invalid;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.org.Members;
import cn.vanguard.org.Units;
import cn.vanguard.review.Review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The ledger through {@link Ledger}, which holds every rule (scope, four eyes, evidence, states, idempotency). Creating
 * answers 201 the first time and 200 with {@code Idempotent-Replayed: true} when the same key and body come again.
 */
@RestController
@RequestMapping(path = "/api/v1/entries", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = OpenApiConfig.ENTRIES)
class EntriesApi {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    /** What an API client does about the key, in the answers to a missing or empty one. */
    static final String KEY_NEEDED = "每次新建都要带上客户端生成的唯一编号（如 UUID），重试同一请求时使用同一编号";
    private static final String KEY_DESCRIPTION = "客户端生成的唯一编号（如 UUID），每个账号内唯一，至少保留7天；重试同一请求时使用同一编号。"
            + "A unique client key (a UUID, say), unique per account and kept at least 7 days; a retry sends the same key.";

    private final Ledger ledger;
    private final Review review;
    private final Units units;
    private final Members members;

    EntriesApi(Ledger ledger, Review review, Units units, Members members) {
        this.ledger = ledger;
        this.review = review;
        this.units = units;
        this.members = members;
    }

    @GetMapping
    @Operation(operationId = "searchEntries", summary = "查询积分记录 Search entries",
            description = "调用者台账查看范围内的记录，以及关于调用者本人的记录（党员账号即本人的全部记录），最新的在前。"
                    + "unitId 包含其全部下级组织；日期为发生日期（含首尾）。Entries in the caller's scope and those about the "
                    + "caller (for a member account, its own entries), newest first; unitId includes its subtree; from/to are "
                    + "inclusive entry dates.")
    List<EntryView> search(
            @Parameter(description = "组织（含下级） Unit, with its subtree") @RequestParam(required = false) Long unitId,
            @Parameter(description = "党员 id Member id") @RequestParam(required = false) Long memberId,
            @Parameter(description = "状态 Status") @RequestParam(required = false) EntryStatus status,
            @Parameter(description = "积分项目编号 Item code") @RequestParam(required = false) String item,
            @Parameter(description = "起始日期 From (yyyy-MM-dd)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "截止日期 To (yyyy-MM-dd)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "最多返回条数，1–1000，默认100 At most this many, 1–1000, default 100")
            @RequestParam(defaultValue = "100") int limit) {
        MembersApi.checkLimit(limit);
        if (unitId != null) {
            units.visible(unitId);
        }
        if (memberId != null) {
            members.visible(memberId);
        }
        return ledger.search(new Ledger.Filter(unitId, memberId, status, item, from, to), limit).stream().map(EntryView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getEntry", summary = "一条积分记录 Get an entry",
            description = "范围内的记录，或关于调用者本人的记录。An entry in scope, or about the caller.")
    EntryView get(@Parameter(description = "记录 id Entry id") @PathVariable long id) {
        return EntryView.of(ledger.visible(id));
    }

    @PostMapping
    @Operation(operationId = "recordEntry", summary = "录入积分记录 Record an entry",
            description = "记分员、党小组长、支部书记或党委管理员为范围内的党员录入记录，状态为待审核。必须带 Idempotency-Key："
                    + "首次创建返回 201；同一编号、同样内容再次提交返回最初创建的记录（200，Idempotent-Replayed: true）；"
                    + "同一编号、不同内容返回 409。Records an entry for a member in scope; it waits for approval. The same key "
                    + "with the same body returns the entry first created (200); with another body, 409.")
    @ApiResponse(responseCode = "201", description = "已录入；Location 指向新记录。Recorded; Location points at the entry.")
    @ApiResponse(responseCode = "200", description = "重放：返回该编号最初创建的记录。A replay: the entry the key first created.",
            headers = @Header(name = REPLAYED, description = "重放时为 true。true on a replay."))
    @MayConflict("同一 Idempotency-Key 已用于不同内容，或同一请求正在处理。The key was used for another body, or the same request "
            + "is in progress.")
    ResponseEntity<EntryView> record(
            @Parameter(description = KEY_DESCRIPTION, required = true) @RequestHeader(IDEMPOTENCY_KEY) String key,
            @RequestBody RecordEntryRequest body) {
        boolean replay = ledger.keyUsed(required(key));
        return created(ledger.record(body.entry(), List.of(), key), replay);
    }

    @PostMapping("/{id}/check")
    @Operation(operationId = "checkEntry", summary = "初审个人申报 First check of a declaration",
            description = "记分员等对待初审的申报进行初审：通过转为待审核，不通过则驳回（须填理由）。不能初审自己录入、申报或关于自己的记录。"
                    + "Passes a self-declaration on for approval or rejects it; nobody checks what they recorded, declared or "
                    + "what is about themselves.")
    @MayConflict("记录已被他人处理，或状态不是待初审。Handled by someone else, or not waiting for a first check.")
    EntryView check(@Parameter(description = "记录 id Entry id") @PathVariable long id, @RequestBody CheckRequest body) {
        if (body.pass() == null) {
            throw Invalid.of("pass", "请说明初审是否通过（pass: true 或 false）");
        }
        return EntryView.of(review.check(id, body.pass(), body.reason(), version(body.version())));
    }

    @PostMapping("/{id}/approve")
    @Operation(operationId = "approveEntry", summary = "审核通过 Approve an entry",
            description = "支部书记或党委管理员审核通过待审核的记录（已生效）。四眼原则：不能审核自己录入、申报或关于自己的记录（400）；"
                    + "方案要求的证明材料或证明人须齐全（400）；记录已被他人处理或版本不符时返回 409，同一记录只会生效一次。"
                    + "Four eyes: nobody approves what they recorded or declared (400); the evidence the item needs must be there "
                    + "(400); an entry handled meanwhile is 409, so it counts once.")
    @MayConflict("记录已被他人处理，或状态不是待审核。Handled by someone else, or not waiting for approval.")
    EntryView approve(@Parameter(description = "记录 id Entry id") @PathVariable long id, @RequestBody ApproveRequest body) {
        return EntryView.of(review.approve(id, version(body.version())));
    }

    @PostMapping("/{id}/reject")
    @Operation(operationId = "rejectEntry", summary = "驳回 Reject an entry",
            description = "驳回待初审或待审核的记录，须填理由；四眼原则同审核。Rejects an entry under review, with a reason.")
    @MayConflict("记录已被他人处理，或已不在审核中。Handled by someone else, or no longer under review.")
    EntryView reject(@Parameter(description = "记录 id Entry id") @PathVariable long id, @RequestBody RejectRequest body) {
        return EntryView.of(review.reject(id, body.reason(), version(body.version())));
    }

    @PostMapping("/{id}/reverse")
    @Operation(operationId = "reverseEntry", summary = "冲销已生效的记录 Reverse an approved entry",
            description = "生成一条指向原记录的冲销记录（待审核），审核通过后原记录不再计分。必须带 Idempotency-Key，规则同录入。"
                    + "Creates a reversing entry pointing at the original; once approved the original no longer counts. "
                    + "Idempotency-Key as for recording.")
    @ApiResponse(responseCode = "201", description = "已生成冲销记录；Location 指向它。The reversal; Location points at it.")
    @ApiResponse(responseCode = "200", description = "重放：返回该编号最初创建的冲销记录。A replay: the reversal the key first created.",
            headers = @Header(name = REPLAYED, description = "重放时为 true。true on a replay."))
    @MayConflict("原记录不是已生效、已被冲销，或 Idempotency-Key 已用于不同内容。The original is not approved, is already "
            + "reversed, or the key was used for another body.")
    ResponseEntity<EntryView> reverse(
            @Parameter(description = "被冲销的记录 id The entry to reverse") @PathVariable long id,
            @Parameter(description = KEY_DESCRIPTION, required = true) @RequestHeader(IDEMPOTENCY_KEY) String key,
            @RequestBody ReverseRequest body) {
        boolean replay = ledger.keyUsed(required(key));
        return created(ledger.reverse(id, body.reason(), key), replay);
    }

    /** The ledger's own messages about a bad key are for the pages, whose forms make the key themselves. */
    private static String required(String key) {
        if (key.isBlank()) {
            throw Invalid.of(IDEMPOTENCY_KEY, "请求头 Idempotency-Key 不能为空：" + KEY_NEEDED);
        }
        if (key.length() > 100) {
            throw Invalid.of(IDEMPOTENCY_KEY, "请求头 Idempotency-Key 过长：最多100个字符，UUID 即可");
        }
        return key;
    }

    static int version(Integer version) {
        if (version == null) {
            throw Invalid.of("version", "请提交读取时的版本号 version");
        }
        return version;
    }

    private static ResponseEntity<EntryView> created(LedgerEntry entry, boolean replay) {
        if (replay) {
            return ResponseEntity.ok().header(REPLAYED, "true").body(EntryView.of(entry));
        }
        return ResponseEntity.created(URI.create("/api/v1/entries/" + entry.id())).body(EntryView.of(entry));
    }
}
