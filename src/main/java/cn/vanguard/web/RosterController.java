package cn.vanguard.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.vanguard.org.Rosters;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/** The roster (花名册) as a spreadsheet: the template, the import with its row-by-row report, the export. */
@Controller
class RosterController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Rosters rosters;
    private final Guard guard;
    private final Clock clock;

    RosterController(Rosters rosters, Guard guard, Clock clock) {
        this.rosters = rosters;
        this.guard = guard;
        this.clock = clock;
    }

    @GetMapping("/members/template")
    ResponseEntity<byte[]> template() {
        guard.requireAnywhere(Permission.MANAGE_MEMBERS);
        return download(rosters.template(), "花名册模板.xlsx");
    }

    @GetMapping("/members/export")
    ResponseEntity<byte[]> export(@ModelAttribute MemberFilter filter) {
        return download(rosters.export(filter.query()), "花名册-" + LocalDate.now(clock) + ".xlsx");
    }

    private static ResponseEntity<byte[]> download(byte[] content, String filename) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    @GetMapping("/members/import")
    String importForm() {
        guard.requireAnywhere(Permission.MANAGE_MEMBERS);
        return "members/import";
    }

    @PostMapping("/members/import")
    String importFile(@RequestParam(value = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        guard.requireAnywhere(Permission.MANAGE_MEMBERS);
        if (file == null || file.isEmpty()) {
            model.addAttribute("flashError", "请选择要导入的花名册文件（.xlsx 或 .csv）。");
            return "members/import";
        }
        Rosters.Outcome outcome;
        try {
            outcome = rosters.importFile(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!outcome.imported()) {
            model.addAttribute("outcome", outcome);
            model.addAttribute("filename", file.getOriginalFilename());
            model.addAttribute("flashError", "文件中有" + outcome.problems().size() + "处问题，没有导入任何党员。请按下表修改后重新上传。");
            return "members/import";
        }
        return Pages.done(redirect, "花名册已导入：共" + outcome.rows() + "行，新增" + outcome.added() + "名，修改" + outcome.updated() + "名，转接"
                + outcome.transferred() + "名，无变化" + outcome.unchanged() + "名。", "/members");
    }
}
