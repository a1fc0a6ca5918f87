package dev.hubjobs.exec;

import static dev.hubjobs.exec.Fixtures.T0;
import static dev.hubjobs.exec.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.job.JobRequest;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.TwinJson;
import dev.hubjobs.twin.TwinObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The listener seam and {@link JobExecutor#restore}: what a durable owner records is enough to continue. */
class JobRestoreTest {

    /** Records like a store would: job state, targets, ended rows, twins after change. */
    static final class Recorder implements JobListener {
        final Map<String, JobResponse> jobs = new LinkedHashMap<>();
        final Map<String, long[]> times = new HashMap<>();
        final Map<String, List<String>> targets = new HashMap<>();
        final Map<String, DeviceJob[]> rows = new HashMap<>();
        final Map<String, TwinObject> twins = new LinkedHashMap<>();
        final Map<String, Integer> endedCount = new HashMap<>();

        @Override
        public void jobChanged(JobResponse job, long created, long started) {
            jobs.put(job.jobId(), job);
            times.put(job.jobId(), new long[] {created, started});
        }

        @Override
        public void targetsSelected(String jobId, List<String> ids) {
            targets.put(jobId, List.copyOf(ids));
            rows.put(jobId, new DeviceJob[ids.size()]);
        }

        @Override
        public void deviceJobEnded(String jobId, int index, DeviceJob row, TwinObject twin) {
            assertThat(rows.get(jobId)[index])
                    .as("device %s of %s ended twice", index, jobId)
                    .isNull();
            rows.get(jobId)[index] = row;
            endedCount.merge(row.deviceId(), 1, Integer::sum);
            if (twin != null) {
                twins.put(Fleet.id(twin), twin);
            }
        }

        RestoredJob restored(JobRequest request) {
            JobResponse r = jobs.get(request.jobId());
            long[] t = times.get(request.jobId());
            List<String> ids = targets.getOrDefault(request.jobId(), List.of());
            DeviceJob[] ended = rows.getOrDefault(request.jobId(), new DeviceJob[0]);
            return new RestoredJob(
                    request,
                    r.status(),
                    t[0],
                    t[1],
                    r.endTime() == null
                            ? -1
                            : Times.parse(r.endTime()).orElseThrow().toEpochMilli(),
                    r.failureReason(),
                    r.statusMessage(),
                    ids,
                    Arrays.asList(ended));
        }
    }

    static Fleet fleet(int n) {
        List<TwinObject> twins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            twins.add((TwinObject) TwinJson.parse("{\"deviceId\":\"d" + i + "\",\"version\":1,\"tags\":{\"n\":" + i
                    + "},\"properties\":{\"desired\":{\"$version\":1},\"reported\":{}}}"));
        }
        return Fleet.of(twins);
    }

    private static JobRequest twinJob() {
        return JobRequest.twinUpdate("j1", "*", json("{\"etag\":\"*\",\"properties\":{\"desired\":{\"fw\":\"2\"}}}"))
                .withMaxExecutionTimeInSeconds(3600L);
    }

    @Test
    void listenerHearsEveryStatusTargetsAndEachDeviceOnce() {
        Recorder rec = new Recorder();
        VirtualClock clock = new VirtualClock(T0);
        JobExecutor ex = JobExecutor.builder(fleet(30), clock)
                .throttle(Throttle.perSecond(10))
                .listener(rec)
                .build();
        ex.schedule(twinJob());
        assertThat(rec.jobs.get("j1").status()).isEqualTo("queued");
        ex.tick();
        assertThat(rec.jobs.get("j1").status()).isEqualTo("running");
        assertThat(rec.targets.get("j1")).hasSize(30).startsWith("d0", "d1");
        ex.runToCompletion();
        assertThat(rec.jobs.get("j1").status()).isEqualTo("completed");
        assertThat(rec.endedCount)
                .hasSize(30)
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(rec.twins.get("d7").toString()).contains("\"fw\":\"2\"");
    }

    @Test
    void restoredRunningJobRunsOnlyTheDevicesNotRecordedAndKeepsTheThrottle() {
        Recorder rec = new Recorder();
        VirtualClock clock = new VirtualClock(T0);
        JobExecutor first = JobExecutor.builder(fleet(30), clock)
                .throttle(Throttle.perSecond(10))
                .listener(rec)
                .build();
        first.schedule(twinJob());
        first.runUntil(T0.plusMillis(1_450)); // devices 0..14 started (and ended: twin updates are instant)
        assertThat(rec.endedCount).hasSize(15);

        // A new executor over the twins as recorded, later on: the "restart".
        List<TwinObject> twins = new ArrayList<>();
        for (TwinObject t : fleet(30).devices()) {
            twins.add(rec.twins.getOrDefault(Fleet.id(t), t));
        }
        VirtualClock later = new VirtualClock(T0.plus(Duration.ofMinutes(5)));
        JobExecutor second = JobExecutor.builder(Fleet.of(twins), later)
                .throttle(Throttle.perSecond(10))
                .listener(rec)
                .build();
        JobResponse restored = second.restore(rec.restored(twinJob()));
        assertThat(restored.status()).isEqualTo("running");
        assertThat(restored.deviceJobStatistics()).isEqualTo(new DeviceJobStatistics(30, 0, 15, 0, 15));
        second.tick();
        // the throttle restarts from now: one device at once, not the 15 overdue in one burst
        assertThat(second.get("j1").deviceJobStatistics().succeededCount()).isEqualTo(16);
        second.runToCompletion();
        JobResponse done = second.get("j1");
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.deviceJobStatistics()).isEqualTo(new DeviceJobStatistics(30, 0, 30, 0, 0));
        assertThat(rec.endedCount)
                .hasSize(30)
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        for (int i = 0; i < 30; i++) {
            // version 1 + exactly one patch
            assertThat(second.twin("d" + i).orElseThrow().get("version"))
                    .as("d%s", i)
                    .isEqualTo(2L);
        }
        assertThat(second.deviceJobs("j1").get(3).startTimeUtc()).isEqualTo("2026-01-01T00:00:00.300Z");
    }

    @Test
    void restoredTerminalAndQueuedJobsKeepTheirState() {
        Recorder rec = new Recorder();
        VirtualClock clock = new VirtualClock(T0);
        JobExecutor first = JobExecutor.builder(fleet(3), clock).listener(rec).build();
        first.schedule(twinJob());
        first.runToCompletion();
        JobRequest later = JobRequest.twinUpdate("j2", "*", json("{\"etag\":\"*\",\"tags\":{\"x\":1}}"))
                .withStartTime("2026-01-02T00:00:00Z");
        first.schedule(later);
        first.tick();
        assertThat(rec.jobs.get("j2").status()).isEqualTo("scheduled");

        JobExecutor second = JobExecutor.builder(fleet(3), new VirtualClock(T0.plusSeconds(10)))
                .listener(rec)
                .build();
        second.restore(rec.restored(twinJob()));
        second.restore(rec.restored(later));
        assertThat(second.get("j1").status()).isEqualTo("completed");
        assertThat(second.deviceJobs("j1")).extracting(DeviceJob::status).containsOnly("completed");
        assertThat(second.activeJobCount()).isEqualTo(1);
        second.runToCompletion();
        assertThat(second.get("j2").status()).isEqualTo("completed");
        assertThat(second.clock().now()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
    }

    @Test
    void removedTwinIsNotQueriedNorTargetedAndFailsARunningJob() {
        VirtualClock clock = new VirtualClock(T0);
        JobExecutor ex = JobExecutor.builder(fleet(5), clock)
                .throttle(Throttle.perSecond(1))
                .build();
        ex.schedule(twinJob());
        ex.tick();
        assertThat(ex.removeTwin("d3")).isTrue();
        assertThat(ex.removeTwin("d3")).isFalse();
        assertThat(ex.twin("d3")).isEmpty();
        assertThat(ex.fleet().devices()).hasSize(4);
        ex.runToCompletion();
        assertThat(ex.get("j1").deviceJobStatistics()).isEqualTo(new DeviceJobStatistics(5, 1, 4, 0, 0));
        assertThat(ex.deviceJobs("j1").get(3).error().code()).isEqualTo("DeviceNotFound");
        ex.schedule(JobRequest.twinUpdate("j2", "*", json("{\"etag\":\"*\",\"tags\":{\"x\":1}}")));
        ex.runToCompletion();
        assertThat(ex.get("j2").deviceJobStatistics().deviceCount()).isEqualTo(4);
        ex.putTwin((TwinObject) TwinJson.parse("{\"deviceId\":\"d3\",\"version\":9}"));
        assertThat(ex.twin("d3").orElseThrow().get("version")).isEqualTo(9L);
        assertThat(ex.fleet().devices()).hasSize(5);
    }
}
