package cn.vanguard.security.internal;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * Sign-in sessions live in the database (tables of migration V2), so that several application nodes behind a load
 * balancer serve any browser without sticky sessions; they expire after eight hours without use.
 * {@code vanguard.sessions.jdbc=false} keeps them in memory (the MockMvc page tests do; the browser test does not).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "vanguard.sessions.jdbc", matchIfMissing = true)
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 8 * 3600)
public class Sessions {

    @Bean
    SessionAttributeUpsert sessionAttributeUpsert(DataSource dataSource) {
        return new SessionAttributeUpsert(dataSource);
    }
}
