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
 * <p>
 * The pool holds a single connection: code that asks for a second connection while it holds one (a query inside a row
 * mapper, outside a transaction) fails here within seconds, instead of deadlocking the pool under load in production.
 * (Flyway, which needs two connections of its own, migrates through its own.) The PostgreSQL twin keeps the default
 * pool, so that concurrency is tested there.
 * <p>
 * Every MockMvc sign-in comes from 127.0.0.1: the per-address limit of sign-in failures is lifted so that tests of
 * wrong passwords cannot lock the others out ({@code LoginThrottleContract} tests the limit with addresses of its own).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@TestPropertySource(properties = {
        "spring.datasource.url=" + OnH2.URL, "spring.flyway.url=" + OnH2.URL, "spring.flyway.user=sa",
        "vanguard.key-file=target/test-id-card.key",
        "spring.thymeleaf.cache=false", "vanguard.sessions.jdbc=false", "vanguard.login.address-max-failures=100000",
        "vanguard.cycle.window-check-first=P1D",
        "spring.datasource.hikari.maximum-pool-size=1", "spring.datasource.hikari.connection-timeout=5000"})
public @interface OnH2 {

    String URL = "jdbc:h2:mem:vanguard-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
}
