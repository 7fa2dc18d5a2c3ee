package cn.vanguard.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.bind.annotation.RequestParam;

import cn.vanguard.NotFound;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitPaths;
import cn.vanguard.org.Units;
import cn.vanguard.report.LedgerExport;
import cn.vanguard.report.RankingExport;
import cn.vanguard.report.Scores;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.ExplanationLine;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.scheme.Step;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;
import cn.vanguard.standings.StandingsQuery;

/** Scores: a unit's ranking (with an Excel export), a member's score with its explanation, and one's own. */
@Controller
class ScoresController {

    private final Scores scores;
    private final Members members;
    private final Units units;
    private final Ledger ledger;
    private final Schemes schemes;
    private final LedgerExport export;
    private final RankingExport rankingExport;
    private final Guard guard;
    private final Clock clock;
    private final UnitPaths unitPaths;

    ScoresController(Scores scores, Members members, Units units, Ledger ledger, Schemes schemes, LedgerExport export,
                     RankingExport rankingExport, Guard guard, Clock clock, UnitPaths unitPaths) {
        this.rankingExport = rankingExport;
        this.scores = scores;
        this.members = members;
        this.units = units;
        this.ledger = ledger;
        this.schemes = schemes;
        this.export = export;
        this.guard = guard;
        this.clock = clock;
        this.unitPaths = unitPaths;
    }

    /** Rows a page of the ranking shows. */
    static final int PAGE_SIZE = 50;

    @GetMapping("/scores")
    String ranking(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year,
                   @RequestParam(required = false) MemberType type, @RequestParam(required = false) String q,
                   @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                   @RequestParam(defaultValue = "1") int page,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        guard.requireAnywhere(Permission.VIEW_SCORES);
        int cycle = year == null ? LocalDate.now(clock).getYear() : year;
        List<Unit> choices = units.visibleTree().stream().filter(u -> guard.can(Permission.VIEW_SCORES, u.id())).toList();
        Long unit = unitId != null ? unitId : choices.stream().map(Unit::id).findFirst().orElse(null);
        boolean descending = "desc".equals(dir);
        StandingsQuery.Sort order = StandingsQuery.Sort.of(sort, descending);
        RankingFilter filter = new RankingFilter(unit, cycle, type, q == null || q.isBlank() ? null : q.strip(),
                order == null ? "rank" : sort, order != null && descending, Math.max(1, page));
        model.addAttribute("units", choices);
        model.addAttribute("unitId", unit);
        model.addAttribute("year", cycle);
        model.addAttribute("years", List.of(cycle + 1, cycle, cycle - 1, cycle - 2).stream().filter(y -> y <= LocalDate.now(clock).getYear()).toList());
        model.addAttribute("type", type);
        model.addAttribute("types", MemberType.values());
        model.addAttribute("filter", filter);
        // units by their path: a committee's ranking lists several 第一党小组
        model.addAttribute("unitNames", unitPaths.of(choices.stream().map(Unit::id).toList()));
        if (unit != null) {
            Scores.Page found = scores.page(unit, cycle, type, filter.q(), order, filter.page() - 1, PAGE_SIZE);
            model.addAttribute("ranking", found);
            long pages = Math.max(1, (found.page().total() + PAGE_SIZE - 1) / PAGE_SIZE);
            model.addAttribute("pages", pages);
            model.addAttribute("pageNumbers", java.util.stream.LongStream.rangeClosed(Math.max(1, filter.page() - 2), Math.min(pages, filter.page() + 2))
                    .boxed().toList());
        }
        return htmx != null ? "scores/ranking :: list" : "scores/ranking";
    }

    /** What the ranking page shows, as its URL repeats it: page links and sort links keep everything else. */
    record RankingFilter(Long unitId, int year, MemberType type, String q, String sort, boolean descending, int page) {

        /** This filter's URL on another page. */
        public String page(long n) {
            return uri(sort, descending, n);
        }

        /** This filter's URL sorted by a column: first ascending (rank, name, code, unit) or descending (total), then the other way. */
        public String sortBy(String column) {
            boolean desc = column.equals(sort) ? !descending : "total".equals(column);
            return uri(column, desc, 1);
        }

        /** The arrow shown beside the column the page is sorted by. */
        public String arrow(String column) {
            return column.equals(sort) ? (descending ? " ↓" : " ↑") : "";
        }

        private String uri(String column, boolean desc, long n) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/scores");
            if (unitId != null) {
                uri.queryParam("unitId", unitId);
            }
            uri.queryParam("year", year);
            if (type != null) {
                uri.queryParam("type", type.name());
            }
            if (q != null) {
                uri.queryParam("q", q);
            }
            if (!"rank".equals(column) || desc) {
                uri.queryParam("sort", column);
            }
            if (desc) {
                uri.queryParam("dir", "desc");
            }
            if (n > 1) {
                uri.queryParam("page", n);
            }
            return uri.encode().build().toUriString();
        }
    }

    /**
     * The ranking as the page filters and sorts it, every row, as XLSX or CSV ({@code format=csv}): streamed from a
     * database cursor into the response, never the whole file in memory.
     */
    @GetMapping("/scores/export")
    void export(@RequestParam long unitId, @RequestParam(required = false) Integer year, @RequestParam(required = false) MemberType type,
                @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, @RequestParam(required = false) String format,
                HttpServletResponse response) throws IOException {
        int cycle = year == null ? LocalDate.now(clock).getYear() : year;
        guard.require(Permission.VIEW_SCORES, unitId);
        StandingsQuery.Sort order = StandingsQuery.Sort.of(sort, "desc".equals(dir));
        boolean csv = "csv".equals(format);
        String filename = units.get(unitId).name() + cycle + "年度积分排名" + (csv ? ".csv" : ".xlsx");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
        response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        rankingExport.write(unitId, cycle, type, q == null || q.isBlank() ? null : q.strip(), order == null ? StandingsQuery.Sort.RANK : order,
                csv ? RankingExport.Format.CSV : RankingExport.Format.XLSX, response.getOutputStream());
    }

    /** The approved ledger of a unit in the command line's files, for offline scoring and what-ifs. */
    @GetMapping("/scores/ledger.zip")
    ResponseEntity<byte[]> ledgerFiles(@RequestParam long unitId, @RequestParam(required = false) Integer year) throws IOException {
        int cycle = year == null ? LocalDate.now(clock).getYear() : year;
        guard.require(Permission.VIEW_LEDGER, unitId);
        PublishedScheme scheme = schemes.effective(unitId, cycle).orElseThrow(() -> new NotFound("该组织没有" + cycle + "年度的积分方案"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.zip(scheme, cycle, unitId, out);
        String filename = units.get(unitId).name() + cycle + "年度积分台账.zip";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(out.toByteArray());
    }

    @GetMapping("/members/{id}/score")
    String member(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        return page(id, year, model, false);
    }

    @GetMapping("/me")
    String me(@RequestParam(required = false) Integer year, Model model) {
        Long own = guard.current().memberId();
        if (own == null) {
            return "redirect:/";
        }
        return page(own, year, model, true);
    }

    private String page(long memberId, Integer year, Model model, boolean own) {
        int cycle = year == null ? LocalDate.now(clock).getYear() : year;
        MemberRecord member = members.visible(memberId);
        Optional<Scores.MemberScore> score = scores.member(memberId, cycle);
        List<LedgerEntry> entries = ledger.ofMember(memberId, cycle);
        model.addAttribute("member", member);
        model.addAttribute("year", cycle);
        model.addAttribute("own", own);
        model.addAttribute("score", score.orElse(null));
        model.addAttribute("entries", entries);
        model.addAttribute("unit", units.get(member.unitId()));
        model.addAttribute("unitPath", unitPaths.of(member.unitId()));
        if (score.isPresent()) {
            List<ExplanationLine> lines = score.get().result().explanation();
            model.addAttribute("entryLines", lines.stream().filter(l -> l.step() == Step.ENTRY || l.step() == Step.GROUP
                    || l.step() == Step.ALLOWANCE || (l.step() == Step.CAP && l.entry() != null)).toList());
            model.addAttribute("ruleLines", lines.stream().filter(l -> !(l.step() == Step.ENTRY || l.step() == Step.GROUP
                    || l.step() == Step.ALLOWANCE || (l.step() == Step.CAP && l.entry() != null))).toList());
        }
        return "scores/member";
    }
}
