package cn.vanguard.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.vanguard.Invalid;
import cn.vanguard.NotFound;
import cn.vanguard.ledger.Assessments;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.ItemKind;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/** 评定: the secretary sets each member's levels (年度考核等次) and criteria for the cycle; each change saves at once. */
@Controller
class AssessmentsController {

    private final Assessments assessments;
    private final Members members;
    private final Units units;
    private final Schemes schemes;
    private final Guard guard;
    private final Clock clock;

    AssessmentsController(Assessments assessments, Members members, Units units, Schemes schemes, Guard guard, Clock clock) {
        this.assessments = assessments;
        this.members = members;
        this.units = units;
        this.schemes = schemes;
        this.guard = guard;
        this.clock = clock;
    }

    @GetMapping("/assessments")
    String page(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year, Model model) {
        guard.requireAnywhere(Permission.ASSESS);
        int cycle = year == null ? LocalDate.now(clock).getYear() : year;
        List<Unit> choices = units.visibleTree().stream().filter(u -> guard.can(Permission.ASSESS, u.id())).toList();
        Long unit = unitId != null ? unitId : choices.stream().map(Unit::id).findFirst().orElse(null);
        if (unit != null) {
            guard.require(Permission.ASSESS, unit);
        }
        model.addAttribute("units", choices);
        model.addAttribute("unitId", unit);
        model.addAttribute("year", cycle);
        Optional<PublishedScheme> scheme = unit == null ? Optional.empty() : schemes.effective(unit, cycle);
        model.addAttribute("scheme", scheme.orElse(null));
        List<Item> items = scheme.map(s -> s.scheme().items().stream()
                .filter(i -> i.kind() == ItemKind.LEVEL || i.kind() == ItemKind.CRITERION).toList()).orElse(List.of());
        model.addAttribute("items", items);
        List<MemberRecord> people = unit == null ? List.of() : members.search(new Members.Query(unit, null, null, null, null), 2000).stream()
                .filter(m -> m.status() != MemberStatus.TRANSFERRED_OUT)
                .filter(m -> scheme.isPresent() && schemes.effective(m.unitId(), cycle).map(PublishedScheme::id).orElse(-1L) == scheme.get().id())
                .toList();
        model.addAttribute("people", people);
        Map<Long, Map<String, String>> values = new LinkedHashMap<>();
        for (MemberRecord person : people) {
            values.put(person.id(), assessments.current(person.id(), cycle));
        }
        model.addAttribute("values", values);
        return "assessments";
    }

    /**
     * Saves one cell. htmx replaces only the cell's note; a plain form post (JavaScript off) is redirected back to the
     * page it came from with the outcome as a message, so that reloading does not post it again.
     */
    @PostMapping("/assessments")
    String assess(@RequestParam long memberId, @RequestParam int year, @RequestParam String item, @RequestParam(required = false) String value,
                  @RequestParam(required = false) Long unitId, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model, RedirectAttributes redirect) {
        model.addAttribute("memberId", memberId);
        model.addAttribute("code", item);
        model.addAttribute("value", value);
        String problem = null;
        try {
            assessments.assess(memberId, year, item, value);
            model.addAttribute("saved", true);
        } catch (Invalid e) {
            problem = e.getMessage();
            model.addAttribute("cellError", problem);
        }
        if (htmx != null) {
            return "assessments :: saved";
        }
        String back = UriComponentsBuilder.fromPath("/assessments").queryParamIfPresent("unitId", Optional.ofNullable(unitId))
                .queryParam("year", year).build().toUriString();
        if (problem != null) {
            return Pages.failed(redirect, "未保存：" + problem, back);
        }
        return Pages.done(redirect, saved(memberId, year, item, value), back);
    }

    /** “已保存张三的“年度考核等次”：优秀。”, once the cell is saved (so the member is one the user may assess). */
    private String saved(long memberId, int year, String code, String value) {
        MemberRecord member = members.find(memberId).orElseThrow(() -> new NotFound("党员不存在"));
        String itemName = schemes.effective(member.unitId(), year).map(s -> s.scheme().item(code)).map(Item::name).orElse(code);
        return value == null || value.isBlank()
                ? "已清除" + member.name() + "的“" + itemName + "”，现为未评定。"
                : "已保存" + member.name() + "的“" + itemName + "”：" + value.strip() + "。";
    }
}
