package cn.vanguard.org;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.vanguard.Like;
import cn.vanguard.Text;

/**
 * The ids of members whose name or code contains a text, for other modules that search their own rows by member
 * (the ledger list's search box) without reading the member table. No scope check: the caller names the units it may
 * search and checks its own rows' scope again.
 */
@Service
public class MemberMatches {

    private final JdbcClient jdbc;

    public MemberMatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Members of the units {@code unitIds} (null: every unit) whose name or code contains {@code text} literally, by code,
     * at most {@code limit}: ask for one more than you can use to learn that there are too many.
     */
    public List<Long> ids(String text, List<Long> unitIds, int limit) {
        if (text == null || text.isBlank() || Text.unmatchable(text) || (unitIds != null && unitIds.isEmpty())) {
            return List.of();
        }
        String where = "(m.name like :text" + Like.ESCAPE + " or m.code like :text" + Like.ESCAPE + ")";
        String pattern = Like.containing(text.strip());
        if (unitIds == null) {
            return jdbc.sql("select m.id from member m where " + where + " order by m.code limit " + Math.max(1, limit))
                    .param("text", pattern).query(Long.class).list();
        }
        List<Long> found = new ArrayList<>();
        for (List<Long> chunk : Units.chunks(unitIds)) {
            found.addAll(jdbc.sql("select m.id from member m where m.unit_id in (:units) and " + where + " order by m.code limit "
                            + Math.max(1, limit - found.size()))
                    .param("units", chunk).param("text", pattern).query(Long.class).list());
            if (found.size() >= limit) {
                break;
            }
        }
        return found;
    }
}
