package cn.vanguard.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * Sign-in sessions live in the database (tables of migration V2), so that several application nodes behind a load
 * balancer serve any browser without sticky sessions; they expire after eight hours without use.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 8 * 3600)
class Sessions {
}
