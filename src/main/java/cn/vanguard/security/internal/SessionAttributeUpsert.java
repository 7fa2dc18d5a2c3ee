package cn.vanguard.security.internal;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Writes a new session attribute as an upsert. Two requests of one browser that run at once (parallel htmx requests,
 * two tabs) each read the session before the other saved it, and both add the same new attribute (the CSRF token, a
 * saved request): with Spring Session's plain insert the second failed with a duplicate key and its page with a 500.
 * PostgreSQL gets Spring Session's own upsert; H2 its {@code MERGE … KEY}.
 */
public final class SessionAttributeUpsert implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

    static final String POSTGRESQL = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            VALUES (?, ?, ?)
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;

    static final String H2 = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            VALUES (?, ?, ?)
            """;

    private final String query;

    SessionAttributeUpsert(DataSource dataSource) {
        this.query = "H2".equals(product(dataSource)) ? H2 : POSTGRESQL;
    }

    private static String product(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("the database's product name could not be read", e);
        }
    }

    @Override
    public void customize(JdbcIndexedSessionRepository repository) {
        repository.setCreateSessionAttributeQuery(query);
    }
}
