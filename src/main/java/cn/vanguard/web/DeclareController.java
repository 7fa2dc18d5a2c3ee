package cn.vanguard.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.NewEntry;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Item;
import cn.vanguard.security.Guard;

/** 个人申报: a member declares what they did, on the phone, with a photo or a PDF as evidence. */
@Controller
class DeclareController {

    private final Ledger ledger;
    private final Members members;
    private final Schemes schemes;
    private final Guard guard;
    private final Clock clock;

    DeclareController(Ledger ledger, Members members, Schemes schemes, Guard guard, Clock clock) {
        this.ledger = ledger;
        this.members = members;
        this.schemes = schemes;
        this.guard = guard;
        this.clock = clock;
    }

    /** What a member typed; kept to show it back with the mistakes. */
    record DeclarationForm(String itemCode, LocalDate date, String quantity, String points, String note, String witnesses, String key) {
    }

    @GetMapping("/declare")
    String form(Model model) {
        MemberRecord me = own();
        return page(me, new DeclarationForm(null, LocalDate.now(clock), "1", null, null, null, UUID.randomUUID().toString()), Map.of(), model);
    }

    private MemberRecord own() {
        Long memberId = guard.current().memberId();
        if (memberId == null) {
            throw Guard.denied();
        }
        return members.visible(memberId);
    }

    private String page(MemberRecord me, DeclarationForm form, Map<String, String> errors, Model model) {
        PublishedScheme scheme = schemes.effective(me.unitId(), LocalDate.now(clock).getYear()).orElse(null);
        model.addAttribute("me", me);
        model.addAttribute("scheme", scheme);
        model.addAttribute("items", scheme == null ? List.of() : declarable(scheme));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "declare";
    }

    /** What a member can declare, as the ledger decides it. */
    static List<Item> declarable(PublishedScheme scheme) {
        return scheme.scheme().items().stream().filter(Ledger::declarable).toList();
    }

    @PostMapping("/declare")
    String declare(DeclarationForm form, @RequestParam(value = "files", required = false) List<MultipartFile> files, Model model,
                   RedirectAttributes redirect) throws IOException {
        MemberRecord me = own();
        try {
            BigDecimal quantity = decimal(form.quantity(), "quantity", "数量");
            BigDecimal points = decimal(form.points(), "points", "分值");
            ledger.declare(new NewEntry(me.id(), form.itemCode(), form.date(), quantity, points, null, form.note(), form.witnesses()),
                    EntriesController.uploads(files), form.key());
            return Pages.done(redirect, "申报已提交，记分员初审、支部书记审核通过后计入积分。", "/me");
        } catch (Invalid e) {
            model.addAttribute("flashError", "请修改标红的内容后重新提交。");
            return page(me, form, e.errors(), model);
        } catch (Conflict e) {
            model.addAttribute("flashError", e.getMessage());
            return page(me, new DeclarationForm(form.itemCode(), form.date(), form.quantity(), form.points(), form.note(), form.witnesses(),
                    UUID.randomUUID().toString()), Map.of(), model);
        }
    }

    private static BigDecimal decimal(String text, String field, String label) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw Invalid.of(field, label + "必须是数字");
        }
    }
}
