package cn.vanguard.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import cn.vanguard.Invalid;
import cn.vanguard.NotFound;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.ledger.LedgerList;
import cn.vanguard.org.Members;
import cn.vanguard.org.UnitPaths;
import cn.vanguard.org.Units;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/**
 * 积分台账: the ledger of the user's scope, 50 entries a page with how many match, searched by member or item, filtered
 * by unit, item, status, dates and member, by date either way. Everything the page shows is in its URL; an htmx request
 * gets only the list.
 */
@Controller
class LedgerListController {

    private final LedgerList list;
    private final Units units;
    private final UnitPaths unitPaths;
    private final Guard guard;
    private final Members members;

    LedgerListController(LedgerList list, Units units, UnitPaths unitPaths, Guard guard, Members members) {
        this.members = members;
        this.list = list;
        this.units = units;
        this.unitPaths = unitPaths;
        this.guard = guard;
    }

    @GetMapping("/entries")
    String list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String status,
                @RequestParam(required = false) String item, @RequestParam(required = false) LocalDate from,
                @RequestParam(required = false) LocalDate to, @RequestParam(required = false) Long memberId,
                @RequestParam(required = false) String q, @RequestParam(required = false) String order,
                @RequestParam(required = false) String page,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore, Model model,
                HttpServletResponse response) {
        if (!guard.canAnywhere(Permission.VIEW_LEDGER)) {
            if (guard.current().memberId() != null) {
                return "redirect:/me";
            }
            throw Guard.denied();
        }
        Shown state = status == null || status.isBlank() ? null : Arrays.stream(Shown.values())
                .filter(s -> s.name().equals(status.strip())).findFirst().orElseThrow(() -> Invalid.of("status", "请从列表中选择记录状态"));
        LedgerFilter filter = new LedgerFilter(unitId, state == null ? null : state.name(), blank(item) ? null : item.strip(), from, to,
                memberId, blank(q) ? null : q.strip(), "asc".equals(order), pageNumber(page));
        LedgerList.Page found = from != null && to != null && from.isAfter(to)
                ? LedgerList.Page.empty("开始日期" + from + "晚于结束日期" + to + "：请把“从”改为较早的日期，或对调两个日期。")
                : list.page(new LedgerList.Query(new Ledger.Filter(unitId, memberId, state == null ? null : state.status, filter.item(), from, to),
                filter.q(), filter.oldestFirst(), filter.page(), state == null ? null : state.reversed));
        model.addAttribute("page", found);
        model.addAttribute("filter", filter.at(found.page()));
        model.addAttribute("pageNumbers", IntStream.rangeClosed(Math.max(1, found.page() - 2), Math.min(found.pages(), found.page() + 2))
                .boxed().toList());
        model.addAttribute("unitPaths", unitPaths.of(found.entries().stream().map(LedgerEntry::unitId).toList()));
        model.addAttribute("memberName", memberId == null ? null : found.entries().stream().findFirst()
                .map(LedgerEntry::memberName).orElseGet(() -> memberName(memberId)));
        model.addAttribute("units", units.visibleTree());
        model.addAttribute("statuses", Shown.values());
        model.addAttribute("canRecord", guard.canAnywhere(Permission.RECORD_ENTRIES));
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        // the list alone for htmx, but the whole page when htmx restores a page its history no longer holds
        return htmx != null && restore == null ? "entries/list :: list" : "entries/list";
    }

    /**
     * The states the list filters by, as its badges show them: 已生效 is an approved entry no approved reversal cancels,
     * 已冲销 one that an approved reversal cancels (still stored as approved: the ledger is append-only).
     */
    public enum Shown {
        FIRST_CHECK(EntryStatus.FIRST_CHECK, null),
        PENDING(EntryStatus.PENDING, null),
        APPROVED(EntryStatus.APPROVED, false),
        REVERSED(EntryStatus.APPROVED, true),
        REJECTED(EntryStatus.REJECTED, null);

        private final EntryStatus status;
        private final Boolean reversed;

        Shown(EntryStatus status, Boolean reversed) {
            this.status = status;
            this.reversed = reversed;
        }

        public String label() {
            return this == REVERSED ? "已冲销" : status.label();
        }
    }

    /** The name of a member the user may see; of any other, known or not, only the id they typed. */
    private String memberName(long memberId) {
        try {
            return members.visible(memberId).name();
        } catch (AccessDeniedException | NotFound e) {
            return "#" + memberId;
        }
    }

    /** A page number as typed into the URL: anything but a positive number is page 1, a number past the last the last. */
    static int pageNumber(String text) {
        if (text == null || !text.strip().matches("\\d{1,400}")) {
            return 1;
        }
        return text.strip().length() > 9 ? Integer.MAX_VALUE : Math.max(1, Integer.parseInt(text.strip()));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** What the list shows, as its URL repeats it: page, order and member links keep everything else. */
    record LedgerFilter(Long unitId, String status, String item, LocalDate from, LocalDate to, Long memberId, String q,
                        boolean oldestFirst, int page) {

        LedgerFilter at(int shown) {
            return new LedgerFilter(unitId, status, item, from, to, memberId, q, oldestFirst, shown);
        }

        /** This list on another page. */
        public String page(long n) {
            return uri(memberId, oldestFirst, n);
        }

        /** This list in the other order of dates, from its first page. */
        public String reversed() {
            return uri(memberId, !oldestFirst, 1);
        }

        /** This list without the member filter. */
        public String everyMember() {
            return uri(null, oldestFirst, 1);
        }

        /** This list narrowed to one member's entries. */
        public String ofMember(long member) {
            return uri(member, oldestFirst, 1);
        }

        private String uri(Long member, boolean oldest, long n) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/entries");
            add(uri, "unitId", unitId);
            add(uri, "status", status);
            add(uri, "item", item);
            add(uri, "from", from);
            add(uri, "to", to);
            add(uri, "memberId", member);
            add(uri, "q", q);
            if (oldest) {
                uri.queryParam("order", "asc");
            }
            if (n > 1) {
                uri.queryParam("page", n);
            }
            return uri.encode().build().toUriString();
        }

        private static void add(UriComponentsBuilder uri, String name, Object value) {
            if (value != null) {
                uri.queryParam(name, value);
            }
        }
    }
}
