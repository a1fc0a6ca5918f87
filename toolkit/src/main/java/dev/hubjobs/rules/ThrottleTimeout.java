package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.json.JsonValue;
import java.util.Locale;

/**
 * HJ402: at the tier's jobs device-operation throttle, the matched devices cannot all be reached
 * within {@code maxExecutionTimeInSeconds}; the rest would fail with {@code JobRunTimeout}. Device
 * {@code i} starts {@code floor(i * 1000 / rate)} ms after the job, as in the executor.
 */
public final class ThrottleTimeout extends Rule {

    public ThrottleTimeout() {
        super(Meta.of(
                Codes.THROTTLE_TIMEOUT,
                Severity.WARNING,
                "at the tier's throttle the matched devices cannot all be processed within maxExecutionTimeInSeconds"));
    }

    @Override
    public boolean needsFleet() {
        return true;
    }

    @Override
    public void check(JobContext job, Findings findings) {
        Long max = job.request().maxExecutionTimeInSeconds();
        FleetFacts fleet = job.fleet().orElse(null);
        if (max == null || fleet == null || fleet.operationsPerSecond().isEmpty()) {
            return;
        }
        double rate = fleet.operationsPerSecond().get();
        FleetRules.target(job).ifPresent(t -> {
            long inTime = startedWithin(max, rate);
            if (t.matched() <= inTime) {
                return;
            }
            double seconds = t.matched() / rate;
            JsonValue at = job.field("maxExecutionTimeInSeconds").orElse(t.string());
            findings.report(
                    at.span(),
                    String.format(
                            Locale.ROOT,
                            "at %s device operations/s the %d matched %s need about %s; maxExecutionTimeInSeconds is %d, "
                                    + "so %d of them would fail with JobRunTimeout",
                            FleetRules.number(rate),
                            t.matched(),
                            t.noun(),
                            FleetRules.duration(seconds),
                            max,
                            t.matched() - inTime));
        });
    }

    /** Devices {@code i} with {@code i * 1000 / rate < max * 1000}, i.e. {@code ceil(max * rate)}. */
    static long startedWithin(long maxSeconds, double rate) {
        double bound = maxSeconds * rate;
        return bound >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(bound);
    }
}
