package cn.vanguard;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * Shared infrastructure: the one clock all time in the application comes from (China time by default; a
 * {@link TrainingClock} when {@code vanguard.clock} is set) and the database lock that makes scheduled jobs run once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class Infrastructure {

    @Bean
    Clock clock(@Value("${vanguard.zone:Asia/Shanghai}") String zone, @Value("${vanguard.clock:}") String trainingClock) {
        Clock system = Clock.system(ZoneId.of(zone));
        return trainingClock.isBlank() ? system : TrainingClock.startingAt(trainingClock, system);
    }

    @Bean
    LockProvider lockProvider(javax.sql.DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new org.springframework.jdbc.core.JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @Bean
    JdbcClient jdbcClient(javax.sql.DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }
}
