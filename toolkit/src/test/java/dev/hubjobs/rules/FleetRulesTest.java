package dev.hubjobs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.config.ValidatorConfig;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.exec.FleetSummary;
import dev.hubjobs.exec.Throttle;
import dev.hubjobs.exec.Tier;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HJ401-HJ404 against a four-device fleet: each test fails on a missing and on an unexpected HJ4xx. */
class FleetRulesTest {

    private static final Fleet FLEET = load();

    private static Fleet load() {
        try {
            return FleetLoader.load(
                            Path.of(FleetRulesTest.class
                                    .getResource("/rules/HJ401/fleet.ndjson")
                                    .toURI()),
                            ProgressListener.NONE)
                    .fleet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Diagnostic> fleetFindings(String condition, Long maxSeconds, Throttle throttle) {
        String job = "{\"jobId\":\"j\",\"type\":\"scheduleUpdateTwin\",\"queryCondition\":\"" + condition + "\","
                + (maxSeconds == null ? "" : "\"maxExecutionTimeInSeconds\":" + maxSeconds + ",")
                + "\"updateTwin\":{\"etag\":\"*\",\"tags\":{\"x\":\"y\"}}}";
        ValidationResult r = JobValidator.builder()
                .config(ValidatorConfig.DEFAULT)
                .fleet(new FleetSummary(FLEET, throttle))
                .build()
                .validate(job);
        return r.diagnostics().stream().filter(d -> d.code().startsWith("HJ4")).toList();
    }

    private static List<String> codes(List<Diagnostic> ds) {
        return ds.stream().map(Diagnostic::code).toList();
    }

    @Test
    void hj401NoMatch() {
        List<Diagnostic> ds = fleetFindings("tags.building = '99'", null, Throttle.UNTHROTTLED);
        assertThat(codes(ds)).containsExactly("HJ401");
        assertThat(ds.get(0).message())
                .isEqualTo(
                        "the condition matches none of the 4 devices in the fleet; the job would complete without doing anything");
        assertThat(codes(fleetFindings("tags.building = '43'", null, Throttle.UNTHROTTLED)))
                .isEmpty();
    }

    @Test
    void hj402ThrottleTimeoutGivesTheEstimate() {
        // 2 devices at 10/s start at 0 and 100 ms: within 1 s; 4 devices at S1 in 0 s: none.
        assertThat(codes(fleetFindings("tags.building = '43'", 1L, Throttle.of(Tier.S1, 1))))
                .isEmpty();
        List<Diagnostic> ds = fleetFindings("tags.building = '43'", 0L, Throttle.of(Tier.S1, 1));
        assertThat(codes(ds)).containsExactly("HJ402");
        assertThat(ds.get(0).message())
                .isEqualTo("at 10 device operations/s the 2 matched devices need about 0.2 s; "
                        + "maxExecutionTimeInSeconds is 0, so 2 of them would fail with JobRunTimeout");
        assertThat(codes(fleetFindings("tags.building = '43'", 0L, Throttle.UNTHROTTLED)))
                .isEmpty();
        assertThat(codes(fleetFindings("tags.building = '43'", null, Throttle.of(Tier.S1, 1))))
                .isEmpty();
    }

    @Test
    void hj402MathAtScale() {
        assertThat(ThrottleTimeout.startedWithin(3600, 10)).isEqualTo(36_000);
        assertThat(ThrottleTimeout.startedWithin(1, 150)).isEqualTo(150);
        assertThat(FleetRules.duration(5000)).isEqualTo("5000 s (1 h 23 min)");
        assertThat(FleetRules.duration(90)).isEqualTo("90 s (1 min 30 s)");
        assertThat(FleetRules.duration(59.91)).isEqualTo("60 s");
        assertThat(FleetRules.duration(3)).isEqualTo("3 s");
    }

    @Test
    void hj403MatchesAll() {
        List<Diagnostic> ds = fleetFindings("IS_DEFINED(tags.building)", null, Throttle.UNTHROTTLED);
        assertThat(codes(ds)).containsExactly("HJ403");
        assertThat(ds.get(0).message()).startsWith("the condition matches all 4 devices of the fleet");
        assertThat(codes(fleetFindings("*", null, Throttle.UNTHROTTLED))).isEmpty();
    }

    @Test
    void hj404PathNotInFleetWithSuggestion() {
        List<Diagnostic> ds =
                fleetFindings("tags.buildng = '43' OR properties.reported.battery < 20", null, Throttle.UNTHROTTLED);
        assertThat(codes(ds)).containsExactly("HJ404");
        assertThat(ds.get(0).message())
                .isEqualTo("'tags.buildng' occurs in no twin of the fleet; did you mean 'tags.building'?");
        // the range covers the path inside the string: after the opening quote of the value
        String job = "{\"jobId\":\"j\",\"type\":\"scheduleUpdateTwin\",\"queryCondition\":\"";
        assertThat(ds.get(0).span().start()).isEqualTo(job.length());
        assertThat(ds.get(0).span().end()).isEqualTo(job.length() + "tags.buildng".length());
        assertThat(ds.get(0).fixes()).hasSize(1);
        // case-insensitive, as the service resolves names
        assertThat(codes(fleetFindings(
                        "Tags.Building = '43' AND properties.reported.fw = '1.0'", null, Throttle.UNTHROTTLED)))
                .isEmpty();
    }

    @Test
    void offWithoutAFleet() {
        String job = "{\"jobId\":\"j\",\"type\":\"scheduleUpdateTwin\",\"queryCondition\":\"tags.nope = '99'\","
                + "\"updateTwin\":{\"etag\":\"*\",\"tags\":{\"x\":\"y\"}}}";
        assertThat(JobValidator.builder()
                        .config(ValidatorConfig.DEFAULT)
                        .build()
                        .validate(job)
                        .diagnostics())
                .noneMatch(d -> d.code().startsWith("HJ4"));
        assertThat(Rules.byCode("HJ401")).isPresent();
        assertThat(Rules.all().stream().filter(Rule::needsFleet).map(Rule::code))
                .containsExactly("HJ401", "HJ402", "HJ403", "HJ404");
    }
}
