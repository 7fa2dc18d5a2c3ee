package cn.vanguard.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.ledger.LedgerList;
import cn.vanguard.org.UnitPaths;
import cn.vanguard.report.Scores;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;
import cn.vanguard.standings.Standing;
import cn.vanguard.standings.Standings;

/**
 * What a start page says of the state of what its reader is responsible for: for those over a unit, how its members
 * stand (the grades and the totals by bands, from the stored results) and this month's entries with the latest ones; for
 * a member, their own result; and the pages the reader may open, and only those. What waits for the reader comes from
 * the bell's notices and the review queue's count, which every page has already.
 */
@Component
class HomeBoard {

    /** A page the reader may open, with what it is for. */
    record Link(String href, String title, String text) {
    }

    /** The board of one reader; any part is null or empty where it is not theirs. */
    record Board(String unitName, Scores.Overview overview, String chart, long monthEntries, boolean moreThisMonth,
                 List<LedgerEntry> recent, Standing own, List<Link> links) {
    }

    private final Guard guard;
    private final Scores scores;
    private final Standings standings;
    private final LedgerList ledger;
    private final UnitPaths unitPaths;
    private final Clock clock;

    HomeBoard(Guard guard, Scores scores, Standings standings, LedgerList ledger, UnitPaths unitPaths, Clock clock) {
        this.guard = guard;
        this.scores = scores;
        this.standings = standings;
        this.ledger = ledger;
        this.unitPaths = unitPaths;
        this.clock = clock;
    }

    Board of(CurrentUser user) {
        LocalDate today = LocalDate.now(clock);
        Long unit = guard.roots(Permission.VIEW_SCORES).stream().min(Comparator.naturalOrder()).orElse(null);
        Scores.Overview overview = unit == null ? null : scores.overview(unit, today.getYear());
        long month = 0;
        boolean more = false;
        List<LedgerEntry> recent = List.of();
        if (guard.canAnywhere(Permission.VIEW_LEDGER)) {
            Long ledgerUnit = guard.roots(Permission.VIEW_LEDGER).stream().min(Comparator.naturalOrder()).orElse(null);
            LedgerList.Page page = ledger.page(new LedgerList.Query(
                    new Ledger.Filter(ledgerUnit, null, null, null, today.withDayOfMonth(1), today), null, false, 1));
            month = page.total();
            more = page.more();
            recent = page.entries().stream().limit(5).toList();
        }
        Standing own = user.memberId() == null ? null : standings.of(user.memberId(), today.getYear()).orElse(null);
        return new Board(unit == null ? null : unitPaths.of(unit), overview, overview == null ? null : chart(overview), month, more,
                recent, own, links(user));
    }

    /** The bands as ECharts wants them, in a data attribute (the pages carry no inline script). */
    private static String chart(Scores.Overview overview) {
        StringBuilder labels = new StringBuilder();
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<Integer, Long> band : overview.bands().entrySet()) {
            labels.append(labels.isEmpty() ? "" : ",").append('"').append(band(band.getKey())).append('"');
            counts.append(counts.isEmpty() ? "" : ",").append(band.getValue());
        }
        return "{\"labels\":[" + labels + "],\"counts\":[" + counts + "]}";
    }

    /** A band of ten points as read: 80～90 (80 and above, below 90). */
    static String band(int from) {
        return from + "～" + (from + 10);
    }

    private List<Link> links(CurrentUser user) {
        List<Link> links = new ArrayList<>();
        if (user.memberId() != null) {
            links.add(new Link("/me", "我的积分", "本年度积分、排名、等次和每一分的来由；个人申报。"));
        }
        if (guard.canAnywhere(Permission.RECORD_ENTRIES)) {
            links.add(new Link("/entries/new", "录入积分", "逐条或批量录入党员的积分记录，也可以导入台账表格。"));
        }
        if (guard.canAnywhere(Permission.VIEW_LEDGER)) {
            links.add(new Link("/entries", "积分台账", "按姓名、项目、日期查找每一条积分记录。"));
        }
        if (guard.canAnywhere(Permission.VIEW_SCORES)) {
            links.add(new Link("/scores", "积分排名", "按组织、党员身份查看排名、等次，导出Excel，打印。"));
        }
        if (guard.canAnywhere(Permission.VIEW_PERIODS) || user.memberId() != null) {
            links.add(new Link("/periods", "考评公示", "各考评期的汇总、确认、公示、异议和审核。"));
        }
        if (guard.canAnywhere(Permission.VIEW_MEMBERS)) {
            links.add(new Link("/members", "党员", "花名册、党员信息、组织关系转接和党员账号。"));
        }
        if (guard.canAnywhere(Permission.VIEW_AUDIT)) {
            links.add(new Link("/audit", "审计日志", "谁在什么时候做了什么：每一次录入、审核、修改和导出。"));
        }
        if (guard.canAnywhere(Permission.VIEW_SCHEMES)) {
            links.add(new Link("/schemes", "积分方案", "正在使用的积分规则和它们依据的文件。"));
        }
        return links;
    }
}
