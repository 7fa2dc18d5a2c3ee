package cn.vanguard.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock a test sets by hand, in China time: for what depends on the date (periods, publicity windows). A test class
 * that imports {@link Config} gets it as the application's one clock (and a context of its own).
 */
public final class SettableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public SettableClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Sets the time, e.g. {@code 2026-09-24T09:00+08:00}. */
    public void set(String offsetDateTime) {
        now = OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same settable time seen in another zone: it moves when this clock is set. */
    @Override
    public Clock withZone(ZoneId other) {
        SettableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return self.withZone(zone);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }

    @TestConfiguration
    public static class Config {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock(OffsetDateTime.parse("2026-07-10T09:00+08:00").toInstant(), ZoneId.of("Asia/Shanghai"));
        }
    }
}
