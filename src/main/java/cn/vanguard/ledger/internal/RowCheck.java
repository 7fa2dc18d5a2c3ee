package cn.vanguard.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import cn.vanguard.Numeric;
import cn.vanguard.Text;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.scheme.Checked;
import cn.vanguard.scheme.Entry;
import cn.vanguard.scheme.Inputs;
import cn.vanguard.scheme.Problem;
import cn.vanguard.sheet.Column;
import cn.vanguard.sheet.LedgerRows;

/**
 * The checks of one row of a ledger file imported into a unit, the same as an entry recorded by hand gets: its member
 * is one of the unit's (all of them looked up once, by code), its scheme is the one in force for the member's unit and
 * the date's year, and the engine's {@link Inputs} decide the item, date, quantity and points. Every problem of the row
 * is reported, against its line and the Chinese name of its column.
 */
final class RowCheck {

    /** A row found good: an entry ready to be written. */
    record Good(long memberId, long unitId, long schemeVersionId, String itemCode, LocalDate date, BigDecimal quantity,
                BigDecimal points, String occurrence, String note) {
    }

    interface Problems {
        void add(int line, String column, String message);
    }

    private final Map<String, MemberRecord> members;
    private final BiFunction<Long, Integer, Optional<PublishedScheme>> schemeOf;
    private final Map<Long, Optional<PublishedScheme>> schemes = new HashMap<>();
    private final LocalDate today;
    private final java.util.function.LongFunction<String> unitPath;

    /**
     * @param members  the unit's members by code (the whole subtree)
     * @param schemeOf the scheme in force for a unit and a cycle year
     * @param unitPath a unit named by its path ({@code 第一党支部 / 第一党小组}), for messages
     */
    RowCheck(List<MemberRecord> members, BiFunction<Long, Integer, Optional<PublishedScheme>> schemeOf, java.util.function.LongFunction<String> unitPath,
             LocalDate today) {
        this.unitPath = unitPath;
        this.members = new HashMap<>(members.size() * 2);
        members.forEach(m -> this.members.put(m.code(), m));
        this.schemeOf = schemeOf;
        this.today = today;
    }

    /** The entry the current row makes, or {@code null} after reporting each of its problems. */
    Good check(LedgerRows row, Problems problems) {
        int line = row.line();
        boolean ok = true;
        String code = row.memberCode();
        MemberRecord member = members.get(code);
        if (member == null) {
            problems.add(line, Column.MEMBER_ID.chinese(), code.isEmpty() ? "请填写成员编号"
                    : "党员编号“" + code + "”不是本组织的党员，请核对");
            ok = false;
        } else if (member.status() == MemberStatus.TRANSFERRED_OUT) {
            problems.add(line, Column.MEMBER_ID.chinese(), member.name() + "（" + code + "）已转出，不能再记录积分");
            ok = false;
        }
        LocalDate date = row.date();
        if (date == null) {
            problems.add(line, Column.DATE.chinese(), row.dateText().isEmpty() ? "请填写日期，如 2025-03-14"
                    : "日期“" + row.dateText() + "”无法识别，请写成 2025-03-14");
            ok = false;
        } else if (date.isAfter(today)) {
            problems.add(line, Column.DATE.chinese(), "日期不能晚于今天（" + today + "）");
            ok = false;
        }
        BigDecimal quantity = number(row.quantityText(), line, Column.QUANTITY, problems);
        BigDecimal points = number(row.pointsText(), line, Column.POINTS, problems);
        if (quantity == BAD || points == BAD) {
            ok = false;
        }
        String note = blankToNull(row.note());
        String occurrence = blankToNull(row.occurrence());
        ok &= text(Column.NOTE, "备注", note, 500, true, line, problems);
        ok &= text(Column.OCCURRENCE, "事项编号", occurrence, 100, false, line, problems);
        if (member == null || date == null) {
            return null;
        }
        Optional<PublishedScheme> scheme = schemes.computeIfAbsent(member.unitId() * 10_000L + date.getYear(),
                key -> schemeOf.apply(member.unitId(), date.getYear()));
        if (scheme.isEmpty()) {
            boolean thisYear = schemes.computeIfAbsent(member.unitId() * 10_000L + today.getYear(),
                    key -> schemeOf.apply(member.unitId(), today.getYear())).isPresent();
            problems.add(line, Column.DATE.chinese(), EntryChecks.noScheme(unitPath.apply(member.unitId()), date, today.getYear(), thisYear));
            return null;
        }
        if (quantity == BAD || points == BAD) {
            return null;
        }
        Checked<Entry> checked = Inputs.entry(scheme.get().scheme(), date.getYear(), row.item(), date, quantity, points, occurrence, line);
        for (Problem problem : checked.problems()) {
            problems.add(line, column(problem.field()), problem.chinese());
        }
        if (!ok || !checked.ok()) {
            return null;
        }
        return new Good(member.id(), member.unitId(), scheme.get().id(), checked.value().item().code(), date,
                quantity == null ? BigDecimal.ONE : quantity, points, occurrence, note);
    }

    private static final BigDecimal BAD = new BigDecimal("-0.0000000001");

    /** An optional number that the ledger can store: {@code null} when empty, {@link #BAD} after reporting it. */
    private static BigDecimal number(String text, int line, Column column, Problems problems) {
        if (text.isEmpty()) {
            return null;
        }
        BigDecimal number = LedgerRows.number(text);
        if (number == null) {
            problems.add(line, column.chinese(), column.chinese() + "“" + text + "”不是数字");
            return BAD;
        }
        String range = Numeric.LEDGER.problem(column.chinese(), number);
        if (range != null) {
            problems.add(line, column.chinese(), range);
            return BAD;
        }
        return number;
    }

    private static boolean text(Column column, String label, String text, int max, boolean lines, int line, Problems problems) {
        String problem = Text.problem(label, text, max, lines);
        if (problem != null) {
            problems.add(line, column.chinese(), problem);
        }
        return problem == null;
    }

    /** The engine names fields in English; the page and the command line name the file's column. */
    private static String column(String engineField) {
        if (engineField == null) {
            return Column.ITEM.chinese();
        }
        return switch (engineField) {
            case "date" -> Column.DATE.chinese();
            case "quantity" -> Column.QUANTITY.chinese();
            case "points" -> Column.POINTS.chinese();
            case "occurrence" -> Column.OCCURRENCE.chinese();
            default -> Column.ITEM.chinese();
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
