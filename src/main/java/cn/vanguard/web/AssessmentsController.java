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
import org.springframework.web.bind.annotation.RequestParam;

import cn.vanguard.Invalid;
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

    @PostMapping("/assessments")
    String assess(@RequestParam long memberId, @RequestParam int year, @RequestParam String item, @RequestParam(required = false) String value,
                  Model model) {
        model.addAttribute("memberId", memberId);
        model.addAttribute("code", item);
        model.addAttribute("value", value);
        try {
            assessments.assess(memberId, year, item, value);
            model.addAttribute("saved", true);
        } catch (Invalid e) {
            model.addAttribute("cellError", e.getMessage());
        }
        return "assessments :: saved";
    }
}
