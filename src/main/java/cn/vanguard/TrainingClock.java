package cn.vanguard;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The application's clock for training and demonstration ({@code VANGUARD_CLOCK=2026-09-24T09:00+08:00}, or the property
 * {@code vanguard.clock}): it starts at that moment when the application starts and runs on from there, so that a class
 * can rehearse a quarter's publicity window on any day of the year. Every page says so in a banner. Without the setting
 * the application runs on the real time.
 */
public final class TrainingClock extends Clock {

    private final Clock clock;
    private final OffsetDateTime startedAt;

    private TrainingClock(Clock clock, OffsetDateTime startedAt) {
        this.clock = clock;
        this.startedAt = startedAt;
    }

    /**
     * The clock that reads {@code setting} now and runs on with {@code system}; refused with the reason when the setting is
     * not a date and time with its offset between the years 2000 and 2100.
     */
    public static TrainingClock startingAt(String setting, Clock system) {
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(setting.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("vanguard.clock (VANGUARD_CLOCK) must be a date and time with its offset, such as "
                    + "2026-09-24T09:00+08:00, not \"" + setting + "\"（演示时钟的格式应为 2026-09-24T09:00+08:00）", e);
        }
        if (at.getYear() < 2000 || at.getYear() > 2100) {
            throw new IllegalArgumentException("vanguard.clock (VANGUARD_CLOCK) must lie between the years 2000 and 2100, not " + at
                    + "（演示时钟应在2000年至2100年之间）");
        }
        return new TrainingClock(Clock.offset(system, Duration.between(system.instant(), at.toInstant())), at);
    }

    /** The moment the clock was set to, as it was given. */
    public OffsetDateTime startedAt() {
        return startedAt;
    }

    @Override
    public ZoneId getZone() {
        return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TrainingClock(clock.withZone(zone), startedAt);
    }

    @Override
    public Instant instant() {
        return clock.instant();
    }
}
