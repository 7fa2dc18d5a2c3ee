package cn.vanguard.audit.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.vanguard.Like;

/** The where clause of a query of the audit log, built condition by condition, every value a bound parameter. */
public final class Where {

    private final StringBuilder sql = new StringBuilder(" where 1 = 1");
    private final Map<String, Object> params = new TreeMap<>();

    public String sql() {
        return sql.toString();
    }

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec;
    }

    private String param(Object value) {
        String name = "p" + params.size();
        params.put(name, value);
        return ":" + name;
    }

    public void in(String column, List<Long> values) {
        sql.append(" and ").append(column).append(" in (").append(param(values)).append(')');
    }

    public void equal(String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" and ").append(column).append(" = ").append(param(value.strip()));
        }
    }

    /** Text in any of the columns (literally, ignoring case), or exactly the value of {@code exactColumn}. */
    public void containing(List<String> columns, String exactColumn, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String like = param(Like.containing(text.strip().toLowerCase()));
        sql.append(" and (");
        for (String column : columns) {
            sql.append("lower(").append(column).append(") like ").append(like).append(Like.ESCAPE).append(" or ");
        }
        sql.append(exactColumn).append(" = ").append(param(text.strip())).append(')');
    }

    /** A username containing the text, or one of the accounts given (those whose display names match it). */
    public void person(String text, List<Long> accounts) {
        if (text == null || text.isBlank()) {
            return;
        }
        sql.append(" and (lower(username) like ").append(param(Like.containing(text.strip().toLowerCase()))).append(Like.ESCAPE);
        if (!accounts.isEmpty()) {
            sql.append(" or account_id in (").append(param(accounts)).append(')');
        }
        sql.append(')');
    }

    public void atLeast(String column, Object value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" >= ").append(param(value));
        }
    }

    public void before(String column, Object value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" < ").append(param(value));
        }
    }
}
