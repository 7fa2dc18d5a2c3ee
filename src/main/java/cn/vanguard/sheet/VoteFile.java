package cn.vanguard.sheet;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.vanguard.scheme.Checked;
import cn.vanguard.scheme.Inputs;
import cn.vanguard.scheme.Problem;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.Section;
import cn.vanguard.scheme.VoteLevel;
import cn.vanguard.scheme.Votes;
import cn.vanguard.sheet.internal.Cells;
import cn.vanguard.sheet.internal.Table;
import cn.vanguard.sheet.internal.Tables;

/**
 * The votes file (formats.md votes.csv): {@code member_id} and one column of counts per answer of the scheme's
 * democratic appraisal, named by the answer's code or label ({@code good,average,poor} or {@code 好,一般,差}).
 */
public final class VoteFile {

    private VoteFile() {
    }

    /** Votes per member in roster order; {@code null} for members without a row. */
    public static Votes[] read(Path path, Scheme scheme, Roster roster, Problems problems) {
        String file = path.toString();
        Votes[] byMember = new Votes[roster.members().size()];
        Section section = Inputs.voteSection(scheme);
        if (section == null) {
            problems.add(file, 0, "scheme " + scheme.id() + " has no democratic appraisal by votes: leave out --votes",
                    "方案“" + scheme.name() + "”没有民主测评投票：请不要提供测评票文件");
            return byMember;
        }
        Map<String, Integer> seen = new HashMap<>();
        try (Table table = Tables.open(path, problems)) {
            if (table == null) {
                return byMember;
            }
            Header header = Header.read(table, file, EnumSet.of(Column.MEMBER_ID), problems);
            if (header == null) {
                return byMember;
            }
            int[] columns = new int[section.votes().size()];
            boolean ok = true;
            for (int i = 0; i < columns.length; i++) {
                VoteLevel level = section.votes().get(i);
                columns[i] = header.index(level.code(), level.label());
                if (columns[i] < 0) {
                    problems.add(file, 1, "missing column " + level.code() + " (" + level.label() + ")",
                            "缺少列“" + level.label() + "”（" + level.code() + "）");
                    ok = false;
                }
            }
            if (!ok) {
                return byMember;
            }
            while (table.next()) {
                readRow(table, file, scheme, roster, header, columns, seen, byMember, problems);
            }
        }
        return byMember;
    }

    private static void readRow(Table table, String file, Scheme scheme, Roster roster, Header header, int[] columns,
                                Map<String, Integer> seen, Votes[] byMember, Problems problems) {
        int line = table.line();
        String memberId = table.cell(header.index(Column.MEMBER_ID));
        int member = roster.indexOf(memberId);
        if (member < 0) {
            roster.unknown(memberId, file, line, problems);
        }
        List<BigDecimal> counts = new ArrayList<>();
        boolean ok = member >= 0;
        Section section = Inputs.voteSection(scheme);
        for (int i = 0; i < columns.length; i++) {
            String text = table.cell(columns[i]);
            BigDecimal count = text.isEmpty() ? BigDecimal.ZERO : Cells.number(text);
            if (count == null) {
                VoteLevel level = section.votes().get(i);
                problems.add(file, line, level.code() + " \"" + text + "\" is not a number of votes",
                        "“" + level.label() + "”票数“" + text + "”不是数字");
                ok = false;
                count = BigDecimal.ZERO;
            }
            counts.add(count);
        }
        Checked<Votes> votes = Inputs.votes(scheme, counts);
        for (Problem problem : votes.problems()) {
            problems.add(file, line, problem);
        }
        Integer previous = member < 0 ? null : seen.putIfAbsent(memberId, line);
        if (previous != null) {
            problems.add(file, line, "member_id \"" + memberId + "\" has votes twice (also on line " + previous + ")",
                    "成员编号“" + memberId + "”的测评票重复（另见第" + previous + "行）");
            ok = false;
        }
        if (ok && votes.ok()) {
            byMember[member] = votes.value();
        }
    }
}
