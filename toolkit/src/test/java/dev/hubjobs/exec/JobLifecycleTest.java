package dev.hubjobs.exec;

import static dev.hubjobs.exec.Fixtures.T0;
import static dev.hubjobs.exec.Fixtures.clock;
import static dev.hubjobs.exec.Fixtures.fleet;
import static dev.hubjobs.exec.Fixtures.methodJob;
import static dev.hubjobs.exec.Fixtures.twinJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubjobs.twin.TwinJson;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobLifecycleTest {

    private final VirtualClock clock = clock();

    private JobExecutor executor(Throttle throttle) {
        return JobExecutor.builder(fleet(), clock).throttle(throttle).build();
    }

    @Test
    void createdJobIsQueuedUntilProcessed() {
        JobExecutor ex = executor(Throttle.UNTHROTTLED);
        assertThat(ex.schedule(twinJob("j1", "tags.building = '43'")).status()).isEqualTo("queued");
        assertThat(ex.get("j1").status()).isEqualTo("queued");
        assertThat(ex.get("j1").deviceJobStatistics()).isEqualTo(DeviceJobStatistics.EMPTY);
        ex.tick();
        JobResponse done = ex.get("j1");
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.deviceJobStatistics()).isEqualTo(new DeviceJobStatistics(3, 0, 3, 0, 0));
        assertThat(done.startTime()).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(done.endTime()).isEqualTo("2026-01-01T00:00:00.000Z");
    }

    @Test
    void futureStartIsScheduledThenRunsAtStartTime() {
        JobExecutor ex = executor(Throttle.UNTHROTTLED);
        ex.schedule(twinJob("j1", "*").withStartTime("2026-01-01T01:00:00Z"));
        ex.tick();
        assertThat(ex.get("j1").status()).isEqualTo("scheduled");
        assertThat(ex.get("j1").startTime()).isEqualTo("2026-01-01T01:00:00.000Z");
        ex.runUntil(Instant.parse("2026-01-01T00:59:59.999Z"));
        assertThat(ex.get("j1").status()).isEqualTo("scheduled");
        assertThat(ex.twin("d1").orElseThrow().toString()).contains("\"fw\":\"1.0\"");
        ex.runUntil(Instant.parse("2026-01-01T01:00:00Z"));
        assertThat(ex.get("j1").status()).isEqualTo("completed");
        assertThat(ex.get("j1").endTime()).isEqualTo("2026-01-01T01:00:00.000Z");
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
    }

    @Test
    void startTimeInThePastRunsAtOnce() {
        JobExecutor ex = executor(Throttle.UNTHROTTLED);
        ex.schedule(twinJob("j1", "*").withStartTime("2025-12-31T23:00:00"));
        ex.tick();
        assertThat(ex.get("j1").status()).isEqualTo("completed");
        assertThat(ex.get("j1").deviceJobStatistics().succeededCount()).isEqualTo(5);
    }

    @Test
    void runningIsObservableWhileThrottled() {
        JobExecutor ex = executor(Throttle.perSecond(1));
        ex.schedule(twinJob("j1", "tags.building = '43'"));
        ex.tick();
        JobResponse r = ex.get("j1");
        assertThat(r.status()).isEqualTo("running");
        assertThat(r.deviceJobStatistics()).isEqualTo(new DeviceJobStatistics(3, 0, 1, 0, 2));
        assertThat(r.endTime()).isNull();
        ex.runToCompletion();
        assertThat(ex.get("j1").status()).isEqualTo("completed");
        assertThat(ex.get("j1").endTime()).isEqualTo("2026-01-01T00:00:02.000Z");
    }

    @Test
    void conditionThatDoesNotParseFailsTheJobWhenItRuns() {
        JobExecutor ex = executor(Throttle.UNTHROTTLED);
        assertThat(ex.schedule(twinJob("j1", "SELECT * FROM devices WHERE tags.x = 1"))
                        .status())
                .isEqualTo("queued");
        ex.tick();
        JobResponse r = ex.get("j1");
        assertThat(r.status()).isEqualTo("failed");
        assertThat(r.failureReason()).startsWith("SQL query parse failed due to following errors: Line 1:29 ");
        assertThat(r.deviceJobStatistics()).isEqualTo(DeviceJobStatistics.EMPTY);
        assertThat(r.endTime()).isEqualTo("2026-01-01T00:00:00.000Z");

        ex.schedule(twinJob("j2", "tags.x = = 1"));
        ex.tick();
        assertThat(ex.get("j2").status()).isEqualTo("failed");
        assertThat(ex.get("j2").failureReason()).contains("Line 1:");
    }

    @Test
    void noMatchingDeviceCompletesEmpty() {
        JobExecutor ex = executor(Throttle.UNTHROTTLED);
        ex.schedule(twinJob("j1", "tags.building = '99'"));
        ex.tick();
        assertThat(ex.get("j1").status()).isEqualTo("completed");
        assertThat(ex.get("j1").deviceJobStatistics()).isEqualTo(DeviceJobStatistics.EMPTY);
    }

    @Test
    void conditionIsEvaluatedOnceAtStartDevicesAddedLaterAreNotPart() {
        JobExecutor ex = executor(Throttle.perSecond(1));
        ex.schedule(twinJob("j1", "tags.building = '43'"));
        ex.tick();
        ex.addTwin((dev.hubjobs.twin.TwinObject)
                TwinJson.parse("{\"deviceId\":\"d9\",\"tags\":{\"building\":\"43\"},\"properties\":{\"desired\":{}}}"));
        ex.runToCompletion();
        assertThat(ex.get("j1").deviceJobStatistics().deviceCount()).isEqualTo(3);
        assertThat(ex.twin("d9").orElseThrow().toString()).doesNotContain("2.0");
        assertThat(ex.deviceJobs("j1")).extracting(DeviceJob::deviceId).containsExactly("d1", "d2", "d3");
    }

    @Test
    void cancelQueuedScheduledAndRunning() {
        JobExecutor ex = executor(Throttle.perSecond(1));
        ex.schedule(twinJob("queued", "*"));
        assertThat(ex.cancel("queued").status()).isEqualTo("cancelled");

        ex.schedule(twinJob("scheduled", "*").withStartTime("2026-01-02T00:00:00Z"));
        ex.tick();
        assertThat(ex.get("scheduled").status()).isEqualTo("scheduled");
        JobResponse cancelled = ex.cancel("scheduled");
        assertThat(cancelled.status()).isEqualTo("cancelled");
        assertThat(cancelled.endTime()).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(cancelled.deviceJobStatistics()).isEqualTo(DeviceJobStatistics.EMPTY);

        ex.schedule(twinJob("running", "*"));
        ex.tick();
        ex.runUntil(T0.plusSeconds(1));
        assertThat(ex.get("running").deviceJobStatistics()).isEqualTo(new DeviceJobStatistics(5, 0, 2, 0, 3));
        JobResponse r = ex.cancel("running");
        assertThat(r.status()).isEqualTo("cancelled");
        assertThat(r.deviceJobStatistics()).isEqualTo(new DeviceJobStatistics(5, 3, 2, 0, 0));
        assertThat(ex.deviceJobs("running"))
                .extracting(DeviceJob::status)
                .containsExactly("completed", "completed", "canceled", "canceled", "canceled");
        assertThat(ex.deviceJobs("running").get(2).error()).isNull();
        ex.runToCompletion();
        assertThat(ex.get("running").deviceJobStatistics().succeededCount()).isEqualTo(2);
        assertThat(ex.twin("d3").orElseThrow().toString()).doesNotContain("2.0");
    }

    @Test
    void cancellingAnEndedJobIsAPreconditionFailure() {
        JobExecutor ex = executor(Throttle.UNTHROTTLED);
        ex.schedule(twinJob("done", "*"));
        ex.schedule(twinJob("bad", "tags.x = = 1"));
        ex.schedule(twinJob("gone", "*"));
        ex.cancel("gone");
        ex.tick();
        for (String id : new String[] {"done", "bad", "gone"}) {
            assertThatThrownBy(() -> ex.cancel(id)).isInstanceOfSatisfying(JobServiceException.class, e -> {
                assertThat(e.error().httpStatus()).isEqualTo(412);
                assertThat(e.error().code()).isEqualTo(412003);
                assertThat(e.error().name()).isEqualTo("JobRunPreconditionFailed");
            });
        }
        assertThat(ex.get("gone").status()).isEqualTo("cancelled");
    }

    @Test
    void unknownJobIsNotFound() {
        JobExecutor ex = executor(Throttle.UNTHROTTLED);
        for (Runnable call :
                new Runnable[] {() -> ex.get("nope"), () -> ex.cancel("nope"), () -> ex.deviceJobs("nope")}) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(JobServiceException.class, e -> {
                assertThat(e.error().httpStatus()).isEqualTo(404);
                assertThat(e.error().code()).isEqualTo(404002);
                assertThat(e.error().name()).isEqualTo("JobNotFound");
            });
        }
    }

    @Test
    void jobsRunningAtOnceShareTheHubsThrottleInTheOrderTheyWereCreated() {
        // S1: 10 device operations a second for the hub, not for each job.
        VirtualClock c = clock();
        JobExecutor ex = JobExecutor.builder(dev.hubjobs.twin.FleetGenerator.fleet(20, 7), c)
                .throttle(Throttle.of(Tier.S1, 1))
                .build();
        ex.schedule(twinJob("first", "*"));
        ex.schedule(twinJob("second", "*"));
        ex.runToCompletion();
        // The first job's 20 devices take the slots of 0 to 1.9 s; the second's follow, 2.0 to 3.9 s.
        assertThat(ex.deviceJobs("first").get(19).startTimeUtc()).isEqualTo("2026-01-01T00:00:01.900Z");
        assertThat(ex.deviceJobs("second").get(0).startTimeUtc()).isEqualTo("2026-01-01T00:00:02.000Z");
        assertThat(ex.deviceJobs("second").get(19).startTimeUtc()).isEqualTo("2026-01-01T00:00:03.900Z");
        assertThat(ex.get("second").endTime()).isEqualTo("2026-01-01T00:00:03.900Z");

        // Once the hub's throttle has been idle, a job alone gets its schedule from its own start.
        ex.schedule(twinJob("later", "*").withStartTime("2026-01-01T00:01:00Z"));
        ex.runToCompletion();
        assertThat(ex.deviceJobs("later").get(0).startTimeUtc()).isEqualTo("2026-01-01T00:01:00.000Z");
        assertThat(ex.deviceJobs("later").get(19).startTimeUtc()).isEqualTo("2026-01-01T00:01:01.900Z");
    }

    @Test
    void maxExecutionTimeFailsTheRestWithJobRunTimeout() {
        VirtualClock c = clock();
        JobExecutor ex = JobExecutor.builder(dev.hubjobs.twin.FleetGenerator.fleet(100, 7), c)
                .throttle(Throttle.of(Tier.S1, 1))
                .build();
        ex.schedule(twinJob("j1", "*").withMaxExecutionTimeInSeconds(5L));
        ex.runToCompletion();
        JobResponse r = ex.get("j1");
        assertThat(r.status()).isEqualTo("completed");
        assertThat(r.deviceJobStatistics()).isEqualTo(new DeviceJobStatistics(100, 50, 50, 0, 0));
        assertThat(r.endTime()).isEqualTo("2026-01-01T00:00:05.000Z");
        assertThat(r.statusMessage()).contains("50 device(s)");
        DeviceJob last = ex.deviceJobs("j1").get(99);
        assertThat(last.status()).isEqualTo("failed");
        assertThat(last.error().code()).isEqualTo("JobRunTimeout");
        assertThat(last.startTimeUtc()).isNull();
        assertThat(last.endTimeUtc()).isEqualTo("2026-01-01T00:00:05.000Z");
        assertThat(ex.deviceJobs("j1").get(49).status()).isEqualTo("completed");
        assertThat(ex.deviceJobs("j1").get(49).startTimeUtc()).isEqualTo("2026-01-01T00:00:04.900Z");
    }

    @Test
    void offlineDeviceFailsAfterConnectTimeout() {
        JobExecutor ex = JobExecutor.builder(fleet(), clock)
                .behaviour(DeviceBehaviour.offline())
                .build();
        ex.schedule(methodJob("m1", "deviceId = 'd1'", null, 10));
        ex.tick();
        assertThat(ex.get("m1").deviceJobStatistics()).isEqualTo(new DeviceJobStatistics(1, 0, 0, 1, 0));
        assertThat(ex.deviceJobs("m1").get(0).status()).isEqualTo("running");
        ex.runUntil(T0.plusMillis(9_999));
        assertThat(ex.get("m1").status()).isEqualTo("running");
        ex.runToCompletion();
        DeviceJob row = ex.deviceJobs("m1").get(0);
        assertThat(row.status()).isEqualTo("failed");
        assertThat(row.error())
                .isEqualTo(new DeviceJob.Error("DeviceNotOnline", "Timed out waiting for device to connect"));
        assertThat(row.endTimeUtc()).isEqualTo("2026-01-01T00:00:10.000Z");
        assertThat(ex.get("m1").status()).isEqualTo("completed");
        assertThat(ex.get("m1").deviceJobStatistics()).isEqualTo(new DeviceJobStatistics(1, 1, 0, 0, 0));
    }

    @Test
    void offlineWithZeroConnectTimeoutFailsAtOnce() {
        JobExecutor ex = JobExecutor.builder(fleet(), clock)
                .behaviour(DeviceBehaviour.offline())
                .build();
        ex.schedule(methodJob("m1", "deviceId = 'd1'", null, null));
        ex.tick();
        assertThat(ex.get("m1").status()).isEqualTo("completed");
        assertThat(ex.deviceJobs("m1").get(0).error().code()).isEqualTo("DeviceNotOnline");
    }

    @Test
    void slowResponseIsGatewayTimeoutFastOneCompletes() {
        DeviceBehaviour b = (twin, method) -> new DeviceBehaviour.Response(
                200,
                Fixtures.node("{\"ok\":true}"),
                twin.getString("deviceId").equals("d1") ? Duration.ofSeconds(40) : Duration.ofSeconds(20));
        JobExecutor ex = JobExecutor.builder(fleet(), clock).behaviour(b).build();
        ex.schedule(methodJob("m1", "deviceId IN ['d1', 'd2']", null, null));
        ex.runUntil(T0.plusSeconds(20));
        assertThat(ex.deviceJobs("m1").get(1).status()).isEqualTo("completed");
        assertThat(ex.deviceJobs("m1").get(0).status()).isEqualTo("running");
        ex.runToCompletion();
        DeviceJob slow = ex.deviceJobs("m1").get(0);
        assertThat(slow.status()).isEqualTo("failed");
        assertThat(slow.error().code()).isEqualTo("GatewayTimeout");
        assertThat(slow.outcome()).isNull();
        assertThat(slow.endTimeUtc()).isEqualTo("2026-01-01T00:00:30.000Z");
        DeviceJob fast = ex.deviceJobs("m1").get(1);
        assertThat(fast.outcome())
                .isEqualTo(new DeviceJob.Outcome(new DeviceJob.MethodResponse(200, Fixtures.node("{\"ok\":true}"))));
        assertThat(fast.endTimeUtc()).isEqualTo("2026-01-01T00:00:20.000Z");
        assertThat(ex.get("m1").endTime()).isEqualTo("2026-01-01T00:00:30.000Z");
    }

    @Test
    void responseTimeoutIsConfigurable() {
        JobExecutor ex = JobExecutor.builder(fleet(), clock)
                .behaviour(DeviceBehaviour.respond(200, null, Duration.ofSeconds(6)))
                .build();
        ex.schedule(methodJob("m1", "deviceId = 'd1'", 5, null));
        ex.runToCompletion();
        assertThat(ex.deviceJobs("m1").get(0).error().code()).isEqualTo("GatewayTimeout");
        assertThat(ex.deviceJobs("m1").get(0).endTimeUtc()).isEqualTo("2026-01-01T00:00:05.000Z");
    }

    @Test
    void runningCallsPastTheDeadlineTimeOut() {
        JobExecutor ex = JobExecutor.builder(fleet(), clock)
                .behaviour(DeviceBehaviour.respond(200, null, Duration.ofSeconds(20)))
                .build();
        ex.schedule(methodJob("m1", "deviceId = 'd1'", 30, null).withMaxExecutionTimeInSeconds(10L));
        ex.runToCompletion();
        DeviceJob row = ex.deviceJobs("m1").get(0);
        assertThat(row.error().code()).isEqualTo("JobRunTimeout");
        assertThat(row.startTimeUtc()).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(row.outcome()).isNull();
        assertThat(ex.get("m1").status()).isEqualTo("completed");
    }

    @Test
    void stepWithNothingToDoIsFalseAndClockStays() {
        JobExecutor ex = executor(Throttle.UNTHROTTLED);
        assertThat(ex.step()).isFalse();
        assertThat(ex.nextEvent()).isEmpty();
        ex.runUntil(T0.plusSeconds(60));
        assertThat(clock.now()).isEqualTo(T0.plusSeconds(60));
        assertThatThrownBy(() -> clock.advanceTo(T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jobsComposeOnTheSameTwins() {
        JobExecutor ex = executor(Throttle.UNTHROTTLED);
        ex.schedule(dev.hubjobs.job.JobRequest.twinUpdate(
                "a", "deviceId = 'd2'", Fixtures.json("{\"etag\":\"*\",\"tags\":{\"ring\":\"canary\"}}")));
        ex.tick();
        ex.schedule(twinJob("b", "tags.ring = 'canary'"));
        ex.tick();
        assertThat(ex.deviceJobs("b")).extracting(DeviceJob::deviceId).containsExactly("d2");
        assertThat(ex.fleet().devices().get(1).toString())
                .contains("\"ring\":\"canary\"")
                .contains("\"fw\":\"2.0\"");
    }

    @Test
    void moduleConditionTargetsModuleTwins() {
        dev.hubjobs.twin.Fleet withModules =
                dev.hubjobs.twin.FleetLoader.parse("""
                {"deviceId":"e1","tags":{"site":"a"}}
                {"deviceId":"e1","moduleId":"$edgeAgent","properties":{"desired":{},"reported":{}}}
                {"deviceId":"e2","moduleId":"$edgeAgent","properties":{"desired":{},"reported":{}}}
                {"deviceId":"e2","moduleId":"sensor","properties":{"desired":{},"reported":{}}}
                """).fleet();
        JobExecutor ex = JobExecutor.builder(withModules, clock).build();
        ex.schedule(methodJob("restart", "FROM devices.modules WHERE moduleId = '$edgeAgent'", null, null));
        ex.tick();
        assertThat(ex.deviceJobs("restart"))
                .extracting(r -> r.deviceId() + "/" + r.moduleId())
                .containsExactly("e1/$edgeAgent", "e2/$edgeAgent");
        assertThat(Fixtures.toJson(ex.deviceJobs("restart").get(0)))
                .startsWith("{\"deviceId\":\"e1\",\"moduleId\":\"$edgeAgent\",\"jobId\":\"restart\"");
    }

    @Test
    void conditionThatCannotBeEvaluatedFailsTheJob() {
        JobExecutor ex = executor(Throttle.UNTHROTTLED);
        ex.schedule(twinJob("j1", "NO_SUCH_FUNCTION(tags.building)"));
        ex.tick();
        assertThat(ex.get("j1").status()).isEqualTo("failed");
        assertThat(ex.get("j1").failureReason()).startsWith("SQL query could not be evaluated: ");
    }
}
