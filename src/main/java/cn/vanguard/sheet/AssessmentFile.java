package cn.vanguard.sheet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.vanguard.scheme.Assessment;
import cn.vanguard.scheme.Checked;
import cn.vanguard.scheme.Inputs;
import cn.vanguard.scheme.Problem;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.sheet.internal.Table;
import cn.vanguard.sheet.internal.Tables;

/** The assessments file (formats.md assessments.csv): {@code member_id,item,value}, one row per member and item. */
public final class AssessmentFile {

    private AssessmentFile() {
    }

    public static List<List<Assessment>> read(Path path, Scheme scheme, Roster roster, Problems problems) {
        String file = path.toString();
        List<List<Assessment>> byMember = new ArrayList<>(roster.members().size());
        for (int i = 0; i < roster.members().size(); i++) {
            byMember.add(new ArrayList<>());
        }
        Map<String, Integer> seen = new HashMap<>();
        try (Table table = Tables.open(path, problems)) {
            if (table == null) {
                return byMember;
            }
            Header header = Header.read(table, file, EnumSet.of(Column.MEMBER_ID, Column.ITEM, Column.VALUE), problems);
            if (header == null) {
                return byMember;
            }
            while (table.next()) {
                int line = table.line();
                String memberId = table.cell(header.index(Column.MEMBER_ID));
                int member = roster.indexOf(memberId);
                if (member < 0) {
                    roster.unknown(memberId, file, line, problems);
                }
                Checked<Assessment> assessment = Inputs.assessment(scheme, table.cell(header.index(Column.ITEM)),
                        table.cell(header.index(Column.VALUE)), line);
                if (!assessment.ok()) {
                    for (Problem problem : assessment.problems()) {
                        problems.add(file, line, problem);
                    }
                    continue;
                }
                String key = memberId + "\u0000" + assessment.value().item().code();
                Integer previous = seen.putIfAbsent(key, line);
                if (previous != null) {
                    problems.add(file, line, "item " + assessment.value().item().code() + " is assessed twice for member " + memberId
                                    + " (also on line " + previous + ")",
                            "成员“" + memberId + "”的“" + assessment.value().item().name() + "”评定了两次（另见第" + previous + "行）");
                } else if (member >= 0) {
                    byMember.get(member).add(assessment.value());
                }
            }
        }
        return byMember;
    }
}
