package cn.vanguard.standings.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether the standings' database is PostgreSQL (its COPY, md5, VACUUM and SET LOCAL fast paths), asked once. */
@Component
class Dialect {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    Dialect(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean postgres() {
        if (postgres == null) {
            postgres = jdbc.execute((java.sql.Connection c) -> c.isWrapperFor(org.postgresql.PGConnection.class));
        }
        return postgres;
    }
}
