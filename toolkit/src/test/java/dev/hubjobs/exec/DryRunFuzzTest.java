package dev.hubjobs.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.job.JobRequest;
import dev.hubjobs.json.JsonDocumentParser;
import dev.hubjobs.testing.FuzzInput;
import dev.hubjobs.twin.FleetLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Fuzz target for the dry run (docs/fuzzing.md): a job text that validates without errors, as
 * {@code hubjobs dry-run} validates it (with the fleet's facts and the tier), runs over a small
 * fleet without an exception, and its result is consistent with the fleet.
 */
class DryRunFuzzTest {

    static final int MAX_BYTES = 8 * 1024;

    /** Before the startTime of most corpus jobs, so that they validate and run. */
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static final Throttle THROTTLE = Throttle.of(Tier.S1, 1);

    /** Devices in buildings 43 and 44, modules, and devices that answer methods slowly, badly or not at all. */
    static final DeclaredBehaviours.Extracted FLEET =
            DeclaredBehaviours.extract(FleetLoader.parse("""
            {"deviceId":"d1","etag":"AAAA","version":3,"status":"enabled","tags":{"building":"43","floor":1,"ring":"canary"},"properties":{"desired":{"fw":"1.0","$version":4},"reported":{"fw":"1.0","firmware":{"version":"2.0"}}}}
            {"deviceId":"d2","etag":"AAAB","version":2,"tags":{"building":"43","floor":2},"properties":{"desired":{"$version":1},"reported":{}},"$behaviour":{"status":500,"payload":{"error":"busy"},"latencyMs":2000}}
            {"deviceId":"d3","etag":"AAAC","version":2,"tags":{"building":"43","floor":3},"properties":{"desired":{"$version":1},"reported":{}},"$behaviour":{"offline":true}}
            {"deviceId":"d4","etag":"AAAD","version":2,"tags":{"building":"44","location":{"region":"US"}},"properties":{"desired":{"$version":1},"reported":{}},"$behaviour":{"latencyMs":40000}}
            {"deviceId":"d5","etag":"AAAE","version":2,"properties":{"desired":{"$version":1},"reported":{}}}
            {"deviceId":"d1","moduleId":"m1","etag":"AAAF","version":2,"tags":{"building":"43"},"properties":{"desired":{"$version":1},"reported":{}}}
            """).fleet());

    static final JobValidator VALIDATOR = JobValidator.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .fleet(new FleetSummary(FLEET.fleet(), THROTTLE))
            .build();

    @FuzzTest
    void dryRun(byte[] data) {
        String text = FuzzInput.text(data, MAX_BYTES);
        ValidationResult validation = VALIDATOR.validate(text);
        if (validation.hasErrors()) {
            return;
        }
        for (JobRequest request : JobJson.requests(JsonDocumentParser.parse(text))) {
            DryRun.Result result = DryRun.run(request, FLEET.fleet(), FLEET.behaviour(), THROTTLE, NOW, 10);
            if (result.refused().isPresent()) {
                continue;
            }
            assertThat(result.matchedCount())
                    .as("devices matched by %s", text)
                    .isLessThanOrEqualTo(FLEET.fleet().size());
            assertThat(result.matchedIds()).hasSizeLessThanOrEqualTo(10);
            assertThat(result.estimate().devicesInTime() + result.estimate().timedOut())
                    .isEqualTo(result.matchedCount());
            assertThat(result.simulated().isNegative())
                    .as("simulated time is negative")
                    .isFalse();
        }
    }
}
