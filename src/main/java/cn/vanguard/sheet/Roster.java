package cn.vanguard.sheet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.Member;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.scheme.Suggestions;
import cn.vanguard.sheet.internal.Cells;
import cn.vanguard.sheet.internal.KeyIndex;
import cn.vanguard.sheet.internal.Table;
import cn.vanguard.sheet.internal.Tables;

/** The members file: who is on the roster, in file order (formats.md members.csv). */
public final class Roster {

    private final String file;
    private final List<Member> members;
    private final Map<String, Integer> index;
    private final KeyIndex ids;
    private final Map<String, Optional<String>> suggestions = new HashMap<>();

    private Roster(String file, List<Member> members, Map<String, Integer> index) {
        this.file = file;
        this.members = members;
        this.index = index;
        this.ids = new KeyIndex(members.stream().map(Member::id).toList());
    }

    public static Roster read(Path path, Problems problems) {
        String file = path.toString();
        List<Member> members = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        try (Table table = Tables.open(path, problems)) {
            if (table == null) {
                return new Roster(file, members, index);
            }
            Header header = Header.read(table, file, EnumSet.of(Column.MEMBER_ID, Column.MEMBER_TYPE), problems);
            if (header == null) {
                return new Roster(file, members, index);
            }
            while (table.next()) {
                Member member = member(table, header, file, problems);
                if (member == null) {
                    continue;
                }
                Integer previous = lines.putIfAbsent(member.id(), table.line());
                if (previous != null) {
                    problems.add(file, table.line(), "member_id \"" + member.id() + "\" appears twice (also on line " + previous + ")",
                            "成员编号“" + member.id() + "”重复（另见第" + previous + "行）");
                    continue;
                }
                index.put(member.id(), members.size());
                members.add(member);
            }
        }
        return new Roster(file, List.copyOf(members), index);
    }

    private static Member member(Table table, Header header, String file, Problems problems) {
        int line = table.line();
        String id = Header.cell(table, header.index(Column.MEMBER_ID));
        boolean ok = true;
        if (id.isEmpty()) {
            problems.add(file, line, "member_id is empty: every member needs an id", "成员编号为空：每名成员都需要编号");
            ok = false;
        }
        String typeText = Header.cell(table, header.index(Column.MEMBER_TYPE));
        MemberType type = MemberType.parse(typeText);
        if (type == null) {
            problems.add(file, line, "member_type \"" + typeText + "\" is not one of FORMAL, PROBATIONARY, ACTIVIST (正式党员, 预备党员, 入党积极分子)",
                    "党员身份“" + typeText + "”应为 正式党员、预备党员、入党积极分子 之一");
            ok = false;
        }
        String categoryText = Header.cell(table, header.index(Column.CATEGORY));
        Category category = categoryText.isEmpty() ? Category.IN_SERVICE : Category.parse(categoryText);
        if (category == null) {
            problems.add(file, line, "category \"" + categoryText + "\" is not one of IN_SERVICE, LEADER, RETIRED, MOBILE (在职, 领导班子, 离退休, 流动)",
                    "人员类别“" + categoryText + "”应为 在职、领导班子、离退休、流动 之一");
            ok = false;
        }
        String exemptText = Header.cell(table, header.index(Column.EXEMPT));
        Boolean exempt = exemptText.isEmpty() ? null : Cells.yesNo(exemptText);
        if (!exemptText.isEmpty() && exempt == null) {
            problems.add(file, line, "exempt \"" + exemptText + "\" must be true or false (是 or 否), or empty",
                    "不参加积分管理“" + exemptText + "”应为 是 或 否，或留空");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        return new Member(id, Header.cell(table, header.index(Column.NAME)), Header.cell(table, header.index(Column.ORG_UNIT)),
                type, category, exempt);
    }

    public String file() {
        return file;
    }

    public List<Member> members() {
        return members;
    }

    /** The position in the roster of the member whose id is in the table's column, or -1. */
    int indexOf(Table table, int column) {
        return table.lookup(column, ids);
    }

    /** The member's position in the roster, or -1. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    /**
     * Reports an id that is not on the roster, with the closest id if it looks like a typo. Suggestions are searched
     * for the first hundred distinct unknown ids only, so a file full of strangers still reports quickly.
     */
    void unknown(String id, String file, int line, Problems problems) {
        String suggestion = suggestions.computeIfAbsent(id,
                k -> suggestions.size() < 100 ? Optional.ofNullable(Suggestions.closest(k, index.keySet())) : Optional.empty())
                .orElse(null);
        if (id.isEmpty()) {
            problems.add(file, line, "member_id is empty: give the id of a member in " + Path.of(this.file).getFileName(),
                    "成员编号为空：请填写" + Path.of(this.file).getFileName() + "中的成员编号");
            return;
        }
        String rosterName = Path.of(this.file).getFileName().toString();
        problems.add(file, line, "member_id \"" + id + "\" is not in " + rosterName + (suggestion == null ? "" : " (did you mean " + suggestion + "?)"),
                "成员编号“" + id + "”不在" + rosterName + "中" + (suggestion == null ? "" : "（是否应为 " + suggestion + "？）"));
    }
}
