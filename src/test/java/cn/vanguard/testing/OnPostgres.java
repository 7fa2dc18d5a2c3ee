package cn.vanguard.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on PostgreSQL, in a fresh schema of the database at {@code VANGUARD_TEST_PG_URL}; skipped
 * when that variable is not set (CI sets it, and fails the run on a skip). Classes share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfEnvironmentVariable(named = "VANGUARD_TEST_PG_URL", matches = ".+")
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@ContextConfiguration(initializers = PostgresSchema.class)
@TestPropertySource(properties = {"vanguard.key-file=target/test-id-card.key", "spring.thymeleaf.cache=false", "vanguard.sessions.jdbc=false",
        "vanguard.login.address-max-failures=100000", "vanguard.cycle.window-check-first=P1D"})
public @interface OnPostgres {
}
