package dev.hubjobs.exec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that only moves when told to. The executor reads time from it and the caller (a test,
 * a dry run) moves it, so a job over a million devices with a one-hour window runs in seconds
 * and gives the same result every time. Time never goes backwards.
 */
public final class VirtualClock extends Clock {

    private Instant now;

    public VirtualClock(Instant start) {
        this.now = start;
    }

    /** Starts at {@code 2026-01-01T00:00:00Z}, a fixed instant, so results repeat exactly. */
    public static VirtualClock atEpochOf2026() {
        return new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public Instant now() {
        return now;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public long millis() {
        return now.toEpochMilli();
    }

    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a virtual clock does not go backwards: " + d);
        }
        now = now.plus(d);
    }

    /** Moves to {@code t}; a {@code t} before now is an error (events already happened). */
    public void advanceTo(Instant t) {
        if (t.isBefore(now)) {
            throw new IllegalArgumentException("a virtual clock does not go backwards: " + now + " -> " + t);
        }
        now = t;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        throw new UnsupportedOperationException("the executor's clock is UTC");
    }

    @Override
    public String toString() {
        return "VirtualClock[" + now + "]";
    }
}
