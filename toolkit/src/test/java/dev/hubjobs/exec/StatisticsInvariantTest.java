package dev.hubjobs.exec;

import static dev.hubjobs.exec.Fixtures.clock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.job.JobRequest;
import dev.hubjobs.twin.FleetGenerator;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deviceCount = pending + running + succeeded + failed at every observable moment, and the
 * counts agree with the device-job rows, checked after every step of runs that exercise every
 * transition: throttling, latency, offline devices, slow devices, the deadline and a cancel.
 */
class StatisticsInvariantTest {

    /** Latency and outcome vary by device, deterministically. */
    private static final DeviceBehaviour MIXED = (twin, method) -> {
        int h = Math.floorMod(twin.getString("deviceId").hashCode(), 10);
        if (h == 0) {
            return DeviceBehaviour.Offline.INSTANCE;
        }
        return new DeviceBehaviour.Response(h == 1 ? 500 : 200, null, Duration.ofMillis(h * 900L));
    };

    private static void check(JobExecutor ex, List<String> ids) {
        for (String id : ids) {
            JobResponse r = ex.get(id);
            DeviceJobStatistics s = r.deviceJobStatistics();
            assertThat(s.consistent())
                    .as("%s at %s: %s", id, ex.clock().now(), s)
                    .isTrue();
            Map<DeviceJobStatus, Integer> counts = new EnumMap<>(DeviceJobStatus.class);
            for (DeviceJob row : ex.deviceJobs(id)) {
                counts.merge(row.deviceJobStatus(), 1, Integer::sum);
            }
            assertThat(s.pendingCount()).isEqualTo(counts.getOrDefault(DeviceJobStatus.PENDING, 0));
            assertThat(s.runningCount()).isEqualTo(counts.getOrDefault(DeviceJobStatus.RUNNING, 0));
            assertThat(s.succeededCount()).isEqualTo(counts.getOrDefault(DeviceJobStatus.COMPLETED, 0));
            assertThat(s.failedCount())
                    .isEqualTo(counts.getOrDefault(DeviceJobStatus.FAILED, 0)
                            + counts.getOrDefault(DeviceJobStatus.CANCELED, 0));
            assertThat(s.deviceCount()).isEqualTo(ex.deviceJobs(id).size());
            if (r.jobStatus().isTerminal()) {
                assertThat(s.pendingCount() + s.runningCount()).isZero();
            }
        }
    }

    @Test
    void holdsAfterEveryStep() {
        JobExecutor ex = JobExecutor.builder(FleetGenerator.fleet(300, 11), clock())
                .throttle(Throttle.perSecond(20))
                .behaviour(MIXED)
                .build();
        List<String> ids = List.of("twin", "method", "deadline", "later", "cancelled");
        ex.schedule(JobRequest.twinUpdate(
                "twin",
                "tags.building IN ['41', '43']",
                Fixtures.json("{\"etag\":\"*\",\"tags\":{\"ring\":\"broad\"}}")));
        ex.schedule(Fixtures.methodJob("method", "tags.ring = 'canary'", 5, 3));
        ex.schedule(Fixtures.methodJob("deadline", "*", 5, 3).withMaxExecutionTimeInSeconds(4L));
        ex.schedule(Fixtures.twinJob("later", "*").withStartTime("2026-01-01T00:00:07Z"));
        ex.schedule(Fixtures.methodJob("cancelled", "*", 10, 10));
        check(ex, ids);
        int steps = 0;
        while (ex.step()) {
            steps++;
            check(ex, ids);
            if (steps == 25) {
                ex.cancel("cancelled");
                check(ex, ids);
            }
        }
        assertThat(steps).isGreaterThan(100);
        for (String id : ids) {
            assertThat(ex.get(id).jobStatus().isTerminal()).isTrue();
        }
        assertThat(ex.get("deadline").deviceJobStatistics().failedCount()).isGreaterThan(200);
        assertThat(ex.get("cancelled").status()).isEqualTo("cancelled");
        assertThat(ex.get("later").deviceJobStatistics().succeededCount()).isEqualTo(300);
    }
}
