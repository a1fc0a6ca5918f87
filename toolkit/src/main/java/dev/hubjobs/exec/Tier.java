package dev.hubjobs.exec;

import java.util.Locale;
import java.util.Optional;

/** IoT Hub standard tiers and their jobs device-operation throttle (twin updates and method calls). */
public enum Tier {
    F1,
    S1,
    S2,
    S3;

    /**
     * Device operations per second for {@code units} units: Free and S1 10/s whatever the units,
     * S2 the higher of 10/s and 1/s per unit, S3 50/s per unit.
     */
    public long operationsPerSecond(int units) {
        if (units < 1) {
            throw new IllegalArgumentException("a hub has at least one unit, got " + units);
        }
        switch (this) {
            case S2:
                return Math.max(10, units);
            case S3:
                return 50L * units;
            default:
                return 10;
        }
    }

    /** Parses {@code F1}, {@code S1}, {@code S2}, {@code S3} (any case; {@code free} means F1). */
    public static Optional<Tier> parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("FREE")) {
            return Optional.of(F1);
        }
        for (Tier tier : values()) {
            if (tier.name().equals(t)) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }
}
