package cn.vanguard.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.vanguard.Conflict;
import cn.vanguard.Text;
import cn.vanguard.ledger.ImportJob;
import cn.vanguard.ledger.LedgerImport;
import cn.vanguard.ledger.RowsInvalid.RowProblem;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * Import of a ledger file: the upload starts a background job and the browser follows it on the job's page, which
 * polls every second; a small file, done within a moment, answers at once as before (the entries, or the problems on
 * the form).
 */
@Controller
class LedgerImportController {

    private final LedgerImport imports;
    private final cn.vanguard.ledger.LedgerTemplate template;
    private final Members members;
    private final Units units;
    private final Guard guard;
    private final long waitMillis;

    LedgerImportController(LedgerImport imports, cn.vanguard.ledger.LedgerTemplate template, Members members, Units units, Guard guard,
                           @Value("${vanguard.import.answer-within-ms:2000}") long waitMillis) {
        this.imports = imports;
        this.template = template;
        this.members = members;
        this.units = units;
        this.guard = guard;
        this.waitMillis = waitMillis;
    }

    @GetMapping("/entries/import")
    String form(@RequestParam(required = false) Long unitId, Model model) {
        guard.requireAnywhere(Permission.RECORD_ENTRIES);
        return page(unitId != null ? unitId : defaultUnit(), model);
    }

    /** The Excel template of the unit: its members and its scheme's items to pick from, and how to fill it in. */
    @GetMapping("/entries/template.xlsx")
    org.springframework.http.ResponseEntity<byte[]> template(@RequestParam long unitId) {
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename("积分台账模板.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(org.springframework.http.MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(template.xlsx(unitId));
    }

    private String page(Long unitId, Model model) {
        model.addAttribute("units", units.visibleTree().stream().filter(u -> guard.can(Permission.RECORD_ENTRIES, u.id())).toList());
        model.addAttribute("unitId", unitId);
        return "entries/import";
    }

    @PostMapping("/entries/import")
    String upload(@RequestParam Long unitId, @RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        guard.require(Permission.RECORD_ENTRIES, unitId);
        if (file.isEmpty()) {
            model.addAttribute("flashError", "请选择要导入的台账文件（.xlsx 或 .csv）。");
            return page(unitId, model);
        }
        String given = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().strip();
        String lower = given.toLowerCase(Locale.ROOT);
        // the name is shown on the job's page and in the audit line: one that is not plain text is replaced, not shown
        String name = given.isEmpty() || Text.problem("文件名", given, 200, false) != null
                ? "台账" + (lower.endsWith(".xlsx") ? ".xlsx" : ".csv") : given;
        Path temporary = Files.createTempFile("vanguard-import-", lower.endsWith(".xlsx") ? ".xlsx" : lower.endsWith(".xls") ? ".xls" : ".csv");
        long job;
        try {
            file.transferTo(temporary);
            job = imports.start(unitId, temporary, name);
        } catch (Conflict e) {
            model.addAttribute("flashError", e.getMessage());
            return page(unitId, model);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        if (!imports.await(job, waitMillis)) {
            return "redirect:/entries/import/jobs/" + job;
        }
        ImportJob done = imports.job(job);
        if (done.state() == ImportJob.State.DONE) {
            return Pages.done(redirect, "已导入" + done.rowsWritten() + "条积分记录，等待审核。", "/entries?status=PENDING&unitId=" + unitId);
        }
        outcome(done, model);
        model.addAttribute("flashError", model.getAttribute("outcome"));
        return page(unitId, model);
    }

    @GetMapping("/entries/import/jobs/{id}")
    String job(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        ImportJob job = imports.job(id);
        model.addAttribute("job", job);
        model.addAttribute("unitName", units.get(job.unitId()).name());
        if (job.finished()) {
            outcome(job, model);
        }
        return htmx != null ? "entries/import-job :: status" : "entries/import-job";
    }

    /** A failed import's problems as the pages show them (the file's own apart from its rows') and its {@code outcome}. */
    private static void outcome(ImportJob job, Model model) {
        if (job.state() == ImportJob.State.DONE) {
            return;
        }
        List<String> fileProblems = job.problems().stream().filter(p -> "文件".equals(p.field()))
                .map(p -> (p.row() > 0 ? "第 " + p.row() + " 行：" : "") + p.message()).toList();
        List<RowProblem> rowProblems = job.problems().stream().filter(p -> !"文件".equals(p.field())).toList();
        if (!fileProblems.isEmpty()) {
            model.addAttribute("fileProblems", fileProblems);
        }
        if (!rowProblems.isEmpty()) {
            long rows = rowProblems.stream().mapToInt(RowProblem::row).distinct().count();
            model.addAttribute("rowProblems", rowProblems);
            model.addAttribute("unlisted", job.problemCount() - job.problems().size());
            model.addAttribute("outcome", job.problemCount() > job.problems().size()
                    ? "文件中有" + job.problemCount() + "处需要修改（下面列出前" + job.problems().size() + "处），整个文件都没有导入。请修改后重新上传。"
                    : "文件中有" + rows + "行需要修改，整个文件都没有导入。请修改后重新上传。");
        } else if (fileProblems.isEmpty() && job.message() != null) {
            model.addAttribute("outcome", job.message());
        }
    }

    /** The user's own branch when they record there, else the first unit they may record in. */
    private Long defaultUnit() {
        Optional<Long> own = Optional.ofNullable(guard.current().memberId()).flatMap(members::find).map(MemberRecord::unitId)
                .map(u -> units.branchOf(u).id()).filter(u -> guard.can(Permission.RECORD_ENTRIES, u));
        return own.orElseGet(() -> guard.roots(Permission.RECORD_ENTRIES).stream().findFirst().orElseGet(() ->
                units.visibleTree().stream().map(Unit::id).filter(u -> guard.can(Permission.RECORD_ENTRIES, u)).findFirst().orElse(null)));
    }
}
