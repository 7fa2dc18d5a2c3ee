package cn.vanguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The training clock starts at the moment it is set to and runs on with the real one; a setting it cannot read is refused. */
class TrainingClockTest {

    /** A real clock that a test moves on by hand. */
    private static final class Moving extends Clock {
        Instant now = Instant.parse("2026-11-30T02:00:00Z");
        ZoneId zone = ZoneId.of("Asia/Shanghai");

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            Moving moved = new Moving();
            moved.now = now;
            moved.zone = other;
            return moved;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void startsAtTheMomentSetAndRunsOnWithTheRealTime() {
        Moving real = new Moving();
        TrainingClock clock = TrainingClock.startingAt(" 2026-09-24T09:00+08:00 ", real);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-09-24T01:00:00Z"));
        assertThat(clock.startedAt()).isEqualTo(OffsetDateTime.of(2026, 9, 24, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        real.now = real.now.plus(Duration.ofHours(30));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-09-25T07:00:00Z"));
        assertThat(clock.withZone(ZoneOffset.UTC).getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.withZone(ZoneOffset.UTC).instant()).isEqualTo(clock.instant());
    }

    @Test
    void refusesASettingWithoutAnOffsetOrOutsideTheCentury() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrainingClock.startingAt("2026-09-24 09:00", new Moving()))
                .withMessageContaining("2026-09-24T09:00+08:00").withMessageContaining("演示时钟的格式");
        assertThatIllegalArgumentException().isThrownBy(() -> TrainingClock.startingAt("2026-09-24T09:00", new Moving()))
                .withMessageContaining("with its offset");
        assertThatIllegalArgumentException().isThrownBy(() -> TrainingClock.startingAt("1999-12-31T23:59+08:00", new Moving()))
                .withMessageContaining("2000").withMessageContaining("演示时钟应在");
        assertThatIllegalArgumentException().isThrownBy(() -> TrainingClock.startingAt("2101-01-01T00:00+08:00", new Moving()));
    }
}
