package cn.vanguard.ledger.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.vanguard.Invalid;
import cn.vanguard.Numeric;
import cn.vanguard.Text;
import cn.vanguard.ledger.NewEntry;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.org.Members;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Checked;
import cn.vanguard.scheme.Entry;
import cn.vanguard.scheme.Inputs;
import cn.vanguard.scheme.Problem;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/** What a new entry must pass before the ledger stores it: a member in reach and still here, a scheme, the scheme's checks. */
@Component
public class EntryChecks {

    private final Members members;
    private final cn.vanguard.org.UnitPaths unitPaths;
    private final Schemes schemes;
    private final Guard guard;
    private final Clock clock;

    EntryChecks(Members members, cn.vanguard.org.UnitPaths unitPaths, Schemes schemes, Guard guard, Clock clock) {
        this.unitPaths = unitPaths;
        this.members = members;
        this.schemes = schemes;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * The member an entry is about, once the current user may act on them ({@code permission} in the member's unit;
     * null when the caller has checked already): a refusal says nothing of a member out of scope.
     */
    public MemberRecord member(long memberId, Permission permission) {
        MemberRecord member = members.find(memberId).orElseThrow(() -> Invalid.of("memberId", "党员不存在"));
        if (permission != null) {
            guard.require(permission, member.unitId());
        }
        if (member.status() == MemberStatus.TRANSFERRED_OUT) {
            throw Invalid.of("memberId", member.name() + "已转出，不能再记录积分");
        }
        return member;
    }

    public PublishedScheme scheme(MemberRecord member, LocalDate date) {
        if (date == null) {
            throw Invalid.of("date", "请填写日期");
        }
        return schemes.effective(member.unitId(), date.getYear()).orElseThrow(() -> Invalid.of("date",
                noScheme(unitPaths.of(member.unitId()), date, LocalDate.now(clock).getYear(),
                        schemes.effective(member.unitId(), LocalDate.now(clock).getYear()).isPresent())));
    }

    /**
     * What is wrong with a date no scheme covers, in the words of the person recording: a date outside the cycle the unit
     * runs says so and names the cycle; only when this year has no scheme either does the unit lack one, which the
     * committee publishes (a scorer cannot).
     */
    public static String noScheme(String unitName, LocalDate date, int thisYear, boolean thisYearHasScheme) {
        if (thisYearHasScheme && date.getYear() != thisYear) {
            return "日期" + date + "不在积分周期内：“" + unitName + "”现行的是" + thisYear + "年度积分周期（" + thisYear + "年1月1日至12月31日），"
                    + date.getYear() + "年没有积分方案。请填写" + thisYear + "年内的日期";
        }
        return "“" + unitName + "”还没有" + date.getYear() + "年度的积分方案，不能记录该年的积分：请联系党委管理员发布" + date.getYear() + "年度方案后再录入";
    }

    /** The scheme's checks of an entry, as field → Chinese message (empty when fine). */
    public Map<String, String> problems(PublishedScheme scheme, NewEntry entry) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        if (entry.date().isAfter(today)) {
            errors.put("date", "日期不能晚于今天（" + today + "）");
        }
        String quantity = Numeric.LEDGER.problem("数量", entry.quantity());
        String points = Numeric.LEDGER.problem("分值", entry.points());
        if (quantity != null || points != null) {
            // the scheme's checks would compare (and print) a number that cannot be stored: it is refused as it is
            if (quantity != null) {
                errors.put("quantity", quantity);
            }
            if (points != null) {
                errors.put("points", points);
            }
            return errors;
        }
        Checked<Entry> checked = Inputs.entry(scheme.scheme(), entry.date().getYear(), entry.itemCode(), entry.date(), entry.quantity(),
                entry.points(), entry.occurrence(), 0);
        for (Problem problem : checked.problems()) {
            errors.merge(problem.field() == null ? "itemCode" : field(problem.field()), problem.chinese(), (a, b) -> a + "；" + b);
        }
        if (entry.note() != null && entry.note().length() > 500) {
            errors.put("note", "说明不超过500字");
        }
        if (entry.occurrence() != null && entry.occurrence().length() > 100) {
            errors.put("occurrence", "事项编号不超过100字");
        }
        Text.check(errors, "note", "说明", entry.note(), 500, true);
        Text.check(errors, "occurrence", "事项编号", entry.occurrence(), 100, false);
        Text.check(errors, "witnesses", "证明人", entry.witnesses(), 100, false);
        return errors;
    }

    private static String field(String engineField) {
        return switch (engineField) {
            case "item" -> "itemCode";
            default -> engineField;
        };
    }
}
