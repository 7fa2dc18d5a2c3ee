package cn.vanguard.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.vanguard.Invalid;
import cn.vanguard.cycle.Objection;
import cn.vanguard.cycle.ObjectionEvidence;
import cn.vanguard.cycle.ObjectionFile;
import cn.vanguard.cycle.Objections;
import cn.vanguard.ledger.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The members' answers and the objections through {@link Objections}, with the same rules as the pages. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = OpenApiConfig.CYCLE)
class ObjectionsApi {

    private final Objections objections;
    private final ObjectionEvidence evidence;

    ObjectionsApi(Objections objections, ObjectionEvidence evidence) {
        this.objections = objections;
        this.evidence = evidence;
    }

    @PostMapping("/api/v1/periods/{id}/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "confirmOwnLine", summary = "本人确认无误 Confirm one's own line",
            description = "公示前（已汇总或支部已评定时），党员确认最新快照中本人的结果。Before publication, a member confirms their own line.")
    @MayConflict("已答复过，或考评期不在公示前。Answered already, or not before publication.")
    void confirm(@PathVariable long id) {
        objections.confirm(id);
    }

    @PostMapping("/api/v1/periods/{id}/dispute")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "disputeOwnLine", summary = "本人有异议 Dispute one's own line",
            description = "公示前对本人结果提出异议（即一条异议）。Before publication: an objection to one's own line.")
    @MayConflict("已答复过，或考评期不在公示前。Answered already, or not before publication.")
    ObjectionView dispute(@PathVariable long id, @RequestBody PeriodRequests.NewObjection body) {
        return ObjectionView.of(objections.dispute(id, body.text(), body.claimedValue()), List.of());
    }

    @GetMapping("/api/v1/periods/{id}/objections")
    @Operation(operationId = "periodObjections", summary = "异议 Objections",
            description = "支部书记及上级看全部（含提出人）；党员只看本人提出的。Everything for those over the unit; a member's own.")
    List<ObjectionView> list(@PathVariable long id) {
        Map<Long, List<ObjectionFile>> files = evidence.ofPeriod(id);
        return objections.ofPeriod(id).stream().map(o -> ObjectionView.of(o, files.get(o.id()))).toList();
    }

    @PostMapping("/api/v1/periods/{id}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "fileObjection", summary = "提出异议 Object",
            description = "公示期内，本组织党员对某党员的结果或其中一条记录提出异议，写明理由，可填认为正确的分值；不接受匿名。")
    @MayConflict("不在公示期内，或调用者不是党员。Outside the window, or the caller is not a member.")
    ObjectionView object(@PathVariable long id, @RequestBody PeriodRequests.NewObjection body) {
        if (body.memberId() == null) {
            throw Invalid.of("memberId", "请指明对哪位党员的结果提出异议");
        }
        return ObjectionView.of(objections.object(id, body.memberId(), body.entryId(), body.text(), body.claimedValue()), List.of());
    }

    @PostMapping("/api/v1/objections/{id}/answer")
    @Operation(operationId = "answerObjection", summary = "答复异议 Answer",
            description = "支部书记答复：成立或不成立，须写理由。成立的异议以冲销或补录更正，审核后重新公示。")
    @MayConflict("已被他人答复或版本不符。Answered meanwhile, or a stale version.")
    ObjectionView answer(@PathVariable long id, @RequestBody PeriodRequests.Answer body) {
        if (body.upheld() == null) {
            throw Invalid.of("upheld", "请说明异议是否成立（upheld: true 或 false）");
        }
        Objection answered = objections.answer(id, body.upheld(), body.answer(), EntriesApi.version(body.version()));
        return ObjectionView.of(answered, evidence.ofPeriod(answered.periodId()).get(answered.id()));
    }

    @PostMapping(path = "/api/v1/objections/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "addObjectionFiles", summary = "补充异议证明材料 Add evidence to an objection",
            description = "提出人在异议答复前上传照片（JPG、PNG、WebP、GIF）或PDF（表单字段 files，可多个），每条异议最多5个、每个不超过10MB；"
                    + "有一个不合格则全部不保存。The objector, while the objection waits: photos or PDFs, at most five of 10 MB, all or nothing.")
    @MayConflict("异议已答复。The objection has been answered.")
    void addFiles(@PathVariable long id, @RequestParam(name = "files", required = false) List<MultipartFile> files) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                uploads.add(new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
            }
        }
        evidence.add(id, uploads);
    }

    @GetMapping(path = "/api/v1/objection-files/{id}", produces = MediaType.ALL_VALUE)
    @Operation(operationId = "objectionFile", summary = "下载异议证明材料 An objection's evidence file",
            description = "提出人和支部书记及上级可下载；其他人看到的是“不存在”。The objector and those over the unit.")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        ObjectionFile.Content content = evidence.content(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(content.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(content.contentType()))
                .body(content.data());
    }
}
