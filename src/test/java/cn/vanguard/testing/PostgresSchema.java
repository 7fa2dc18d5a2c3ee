package cn.vanguard.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Points the application at a new, empty schema of the PostgreSQL database named by {@code VANGUARD_TEST_PG_URL}
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), so that every run starts from the migrations.
 * The schema is dropped again when the test JVM exits, so that runs leave nothing behind in the database.
 */
public class PostgresSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SCHEMA = "vanguard_test_" + ProcessHandle.current().pid();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = System.getenv("VANGUARD_TEST_PG_URL");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare a schema in " + url + ": " + e.getMessage(), e);
        }
        context.addApplicationListener((ContextClosedEvent closed) -> drop(url));
        String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        TestPropertyValues.of("spring.datasource.url=" + withSchema, "spring.datasource.username=", "spring.datasource.password=",
                "spring.flyway.default-schema=" + SCHEMA, "spring.flyway.schemas=" + SCHEMA).applyTo(context);
    }

    /** Drops the schema once its context is closed (at the latest when the JVM exits); a failure only leaves it behind. */
    private static void drop(String url) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("set lock_timeout = '10s'");
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        } catch (SQLException e) {
            System.err.println("could not drop the test schema " + SCHEMA + ": " + e.getMessage());
        }
    }
}
