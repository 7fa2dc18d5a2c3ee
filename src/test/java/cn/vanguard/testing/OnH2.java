package cn.vanguard.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on an in-memory H2 database (PostgreSQL mode, as in production on H2). Every test class with
 * this annotation shares one application context: tests create their own units, members and accounts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:vanguard-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "vanguard.key-file=target/test-id-card.key",
        "spring.thymeleaf.cache=false", "vanguard.sessions.jdbc=false"})
public @interface OnH2 {
}
