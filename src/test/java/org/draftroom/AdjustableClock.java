package org.draftroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The system clock, moved forward by a test when it needs time to pass (a round's deadline): the application takes
 * its time from the {@code Clock} bean, and this one replaces it where {@link Configuration} is imported. A test that
 * moves it must {@link #reset()} it afterwards, since the application is shared by the test classes.
 */
public final class AdjustableClock extends Clock {

    private final ZoneId zone;
    private final Duration[] offset;

    public AdjustableClock() {
        this(ZoneOffset.UTC, new Duration[] {Duration.ZERO});
    }

    private AdjustableClock(ZoneId zone, Duration[] offset) {
        this.zone = zone;
        this.offset = offset;
    }

    public void advance(Duration by) {
        synchronized (offset) {
            offset[0] = offset[0].plus(by);
        }
    }

    public void reset() {
        synchronized (offset) {
            offset[0] = Duration.ZERO;
        }
    }

    @Override
    public Instant instant() {
        synchronized (offset) {
            return Instant.now().plus(offset[0]);
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time seen in another zone: a later {@link #advance} moves both. */
    @Override
    public Clock withZone(ZoneId other) {
        return new AdjustableClock(other, offset);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        AdjustableClock adjustableClock() {
            return new AdjustableClock();
        }
    }
}
