package cn.vanguard.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Times as people in China read them, in the application clock's zone (Asia/Shanghai unless configured otherwise),
 * whatever zone the server runs in, for templates: {@code ${@chinaTime.minutes(at)}}.
 */
@Component("chinaTime")
class ChinaTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;
    private final ZoneId zone;

    ChinaTime(Clock clock) {
        this.clock = clock;
        this.zone = clock.getZone();
    }

    public String minutes(OffsetDateTime at) {
        return at == null ? "" : MINUTES.format(at.atZoneSameInstant(zone));
    }

    public String minutes(Instant at) {
        return at == null ? "" : MINUTES.format(at.atZone(zone));
    }

    public String seconds(Instant at) {
        return at == null ? "" : SECONDS.format(at.atZone(zone));
    }

    /** Whether the moment lies ahead (an account locked until then). */
    public boolean ahead(OffsetDateTime at) {
        return at != null && at.toInstant().isAfter(clock.instant());
    }
}
