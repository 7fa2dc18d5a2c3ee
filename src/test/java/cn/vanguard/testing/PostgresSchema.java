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
 * Each application context gets a schema of its own (a test class with a configuration of its own, such as a clock set
 * by hand, gets a second context in the same JVM, which must not empty the first one's schema under it). A schema is
 * dropped again when its context closes, at the latest when the test JVM exits, so that runs leave nothing behind.
 */
public class PostgresSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String PREFIX = "vanguard_test_" + ProcessHandle.current().pid();
    private static final java.util.concurrent.atomic.AtomicInteger CONTEXTS = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = System.getenv("VANGUARD_TEST_PG_URL");
        int n = CONTEXTS.getAndIncrement();
        String schema = n == 0 ? PREFIX : PREFIX + "_" + n;
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare a schema in " + url + ": " + e.getMessage(), e);
        }
        context.addApplicationListener((ContextClosedEvent closed) -> drop(url, schema));
        String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        TestPropertyValues.of("spring.datasource.url=" + withSchema, "spring.datasource.username=", "spring.datasource.password=",
                "spring.flyway.default-schema=" + schema, "spring.flyway.schemas=" + schema).applyTo(context);
    }

    /** Drops the schema once its context is closed (at the latest when the JVM exits); a failure only leaves it behind. */
    private static void drop(String url, String schema) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("set lock_timeout = '10s'");
            statement.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            System.err.println("could not drop the test schema " + schema + ": " + e.getMessage());
        }
    }
}
