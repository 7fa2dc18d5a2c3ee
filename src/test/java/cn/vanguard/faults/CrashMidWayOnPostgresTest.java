package cn.vanguard.faults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@link CrashMidWayContract} on PostgreSQL, in a schema of its own in the database at {@code VANGUARD_TEST_PG_URL}
 * (skipped without it; CI sets it and fails on a skip). PostgreSQL keeps every commit, so every retry must answer
 * what its first attempt answered.
 */
@EnabledIfEnvironmentVariable(named = "VANGUARD_TEST_PG_URL", matches = ".+")
class CrashMidWayOnPostgresTest extends CrashMidWayContract {

    private static final String SCHEMA = "vanguard_crash_" + ProcessHandle.current().pid();

    @Override
    void createDatabase(Path dir) {
        execute("drop schema if exists " + SCHEMA + " cascade", "create schema " + SCHEMA);
    }

    @Override
    List<String> databaseArguments(Path dir) {
        return List.of("--spring.datasource.url=" + url(), "--spring.datasource.username=", "--spring.datasource.password=",
                "--spring.flyway.default-schema=" + SCHEMA, "--spring.flyway.schemas=" + SCHEMA);
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    @Override
    boolean keepsEveryCommit() {
        return true;
    }

    @Override
    void dropDatabase() {
        execute("drop schema if exists " + SCHEMA + " cascade");
    }

    private static String url() {
        String url = System.getenv("VANGUARD_TEST_PG_URL");
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    private static void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(System.getenv("VANGUARD_TEST_PG_URL"));
             Statement statement = connection.createStatement()) {
            statement.execute("set lock_timeout = '10s'");
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
