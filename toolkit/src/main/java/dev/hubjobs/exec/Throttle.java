package dev.hubjobs.exec;

import java.util.Optional;

/**
 * How fast a job's devices are started: {@code operationsPerSecond} device operations per second,
 * or unthrottled (every device starts the moment the job runs). Device {@code i} (0-based) of a
 * job starts {@code floor(i * 1000 / rate)} ms after the job does, so the arithmetic is exact and
 * the dry-run estimate, HJ402 and the executor agree to the device.
 */
public record Throttle(long operationsPerSecond, Optional<Tier> tier, int units) {

    public static final Throttle UNTHROTTLED = new Throttle(0, Optional.empty(), 0);

    public Throttle {
        if (operationsPerSecond < 0) {
            throw new IllegalArgumentException("negative rate " + operationsPerSecond);
        }
    }

    public static Throttle of(Tier tier, int units) {
        return new Throttle(tier.operationsPerSecond(units), Optional.of(tier), units);
    }

    public static Throttle perSecond(long operationsPerSecond) {
        if (operationsPerSecond <= 0) {
            throw new IllegalArgumentException("a throttle needs a positive rate, got " + operationsPerSecond);
        }
        return new Throttle(operationsPerSecond, Optional.empty(), 0);
    }

    public boolean unthrottled() {
        return operationsPerSecond == 0;
    }

    /** Milliseconds after the job starts at which device {@code index} starts. */
    public long startOffsetMillis(long index) {
        return unthrottled() ? 0 : index * 1000 / operationsPerSecond;
    }

    /** How many devices start before {@code windowMillis} elapse (the rest time out). */
    public long devicesStartedWithin(long windowMillis) {
        if (unthrottled()) {
            return windowMillis > 0 ? Long.MAX_VALUE : 0;
        }
        // device i starts in time iff floor(i * 1000 / rate) < window  <=>  i * 1000 < window * rate
        if (windowMillis <= 0) {
            return 0;
        }
        try {
            return (Math.multiplyExact(windowMillis, operationsPerSecond) + 999) / 1000;
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE; // a window of ~10^15 s: effectively unlimited
        }
    }

    /** Seconds to start {@code devices} devices at this rate (0 when unthrottled). */
    public double estimatedSeconds(long devices) {
        return unthrottled() ? 0 : (double) devices / operationsPerSecond;
    }

    /** E.g. {@code S2 x3 (10 device operations/s)} or {@code unthrottled}. */
    public String describe() {
        if (unthrottled()) {
            return "unthrottled";
        }
        String rate = operationsPerSecond + " device operations/s";
        return tier.map(t -> t + (units > 1 ? " x" + units : "") + " (" + rate + ")")
                .orElse(rate);
    }
}
