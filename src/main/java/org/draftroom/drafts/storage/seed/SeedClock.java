package org.draftroom.drafts.storage.seed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A clock that seeding code sets by hand, so that imported sample history carries plausible dates (2017, 2020, a
 * working day every few hours) instead of the moment of import. Give it to the
 * {@link org.draftroom.drafts.storage.GitDraftStore} used for seeding and pass the same instance to
 * {@link SeedImporter} or {@link LargeProjectGenerator}.
 *
 * <p>Thread-safe; meant for single-threaded seeding, where only the seeding thread moves it.
 */
public final class SeedClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    /** @param start initial instant; @param zone zone used for author and tagger time zones */
    public SeedClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Sets the time. */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    /** Moves the time forward. */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new SeedClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
