package cn.vanguard.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.cycle.ObjectionEvidence;
import cn.vanguard.cycle.ObjectionFile;
import cn.vanguard.cycle.Objections;
import cn.vanguard.cycle.Periods;
import cn.vanguard.ledger.Upload;

/**
 * The members' answers and the objections in the browser: confirm or dispute one's own line, object during the window,
 * the secretary's answer. A refused form shows the period again with the reason and what was typed.
 */
@Controller
class ObjectionsController {

    private final Objections objections;
    private final Periods periods;
    private final ObjectionEvidence evidence;
    private final PeriodPage page;

    ObjectionsController(Objections objections, ObjectionEvidence evidence, Periods periods, PeriodPage page) {
        this.evidence = evidence;
        this.objections = objections;
        this.periods = periods;
        this.page = page;
    }

    @PostMapping("/periods/{id}/confirm")
    String confirm(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return act(id, () -> objections.confirm(id), "已确认本期结果无误", model, redirect);
    }

    @PostMapping("/periods/{id}/dispute")
    String dispute(@PathVariable long id, @RequestParam(required = false) String text, @RequestParam(required = false) String claimed,
                   @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, RedirectAttributes redirect)
            throws IOException {
        model.addAttribute("typedText", text);
        model.addAttribute("typedClaimed", claimed);
        List<Upload> uploads = EntriesController.uploads(files);
        return act(id, () -> objections.dispute(id, text, value(claimed), uploads), "已提交异议，支部书记答复后会通知您", model, redirect);
    }

    @PostMapping("/periods/{id}/objections")
    String object(@PathVariable long id, @RequestParam long memberId, @RequestParam(required = false) Long entryId,
                  @RequestParam(required = false) String text, @RequestParam(required = false) String claimed,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, RedirectAttributes redirect)
            throws IOException {
        model.addAttribute("typedText", text);
        model.addAttribute("typedClaimed", claimed);
        model.addAttribute("typedMember", memberId);
        List<Upload> uploads = EntriesController.uploads(files);
        return act(id, () -> objections.object(id, memberId, entryId, text, value(claimed), uploads), "已提交异议", model, redirect);
    }

    @PostMapping("/objections/{id}/files")
    String addFiles(@PathVariable long id, @RequestParam long periodId,
                    @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, RedirectAttributes redirect)
            throws IOException {
        List<Upload> uploads = EntriesController.uploads(files);
        return act(periodId, () -> evidence.add(id, uploads), "已补充证明材料", model, redirect);
    }

    @GetMapping("/objection-files/{id}")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        ObjectionFile.Content content = evidence.content(id);
        return EntriesController.inline(content.filename(), content.contentType(), content.data());
    }

    @PostMapping("/objections/{id}/answer")
    String answer(@PathVariable long id, @RequestParam long periodId, @RequestParam boolean upheld,
                  @RequestParam(required = false) String answer, @RequestParam int version, Model model, RedirectAttributes redirect) {
        model.addAttribute("typedAnswer", answer);
        model.addAttribute("answering", id);
        return act(periodId, () -> objections.answer(id, upheld, answer, version),
                upheld ? "已答复：异议成立。请录入更正记录（冲销、补录），审核后重新公示" : "已答复：异议不成立", model, redirect);
    }

    private static BigDecimal value(String claimed) {
        if (claimed == null || claimed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(claimed.strip());
        } catch (NumberFormatException e) {
            throw Invalid.of("claimedValue", "认为正确的分值应为数字，如 2 或 1.5");
        }
    }

    private String act(long periodId, Runnable action, String outcome, Model model, RedirectAttributes redirect) {
        try {
            action.run();
        } catch (Invalid | Conflict e) {
            page.fill(periods.get(periodId), model);
            model.addAttribute("flashError", e.getMessage());
            return "periods/show";
        }
        return Pages.done(redirect, outcome, "/periods/" + periodId);
    }
}
