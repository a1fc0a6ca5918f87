package dev.hubjobs.exec;

import static dev.hubjobs.exec.Fixtures.clock;
import static dev.hubjobs.exec.Fixtures.fleet;
import static dev.hubjobs.exec.Fixtures.methodJob;
import static dev.hubjobs.exec.Fixtures.toJson;
import static dev.hubjobs.exec.Fixtures.twinJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.query.QueryParser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Golden JSON of what the executor answers: exact keys, order, no null values. */
class WireShapeTest {

    @Test
    void twinJobResponse() {
        JobExecutor ex = JobExecutor.builder(fleet(), clock()).build();
        assertThat(toJson(ex.schedule(twinJob("j1", "tags.building = '43'")))).isEqualTo("""
                {"jobId":"j1","type":"scheduleUpdateTwin","status":"queued","queryCondition":"tags.building = '43'",\
                "createdTime":"2026-01-01T00:00:00.000Z","updateTwin":{"etag":"*","properties":{"desired":{"fw":"2.0"}}},\
                "deviceJobStatistics":{"deviceCount":0,"failedCount":0,"succeededCount":0,"runningCount":0,"pendingCount":0}}""");
        ex.tick();
        assertThat(toJson(ex.get("j1"))).isEqualTo("""
                {"jobId":"j1","type":"scheduleUpdateTwin","status":"completed","queryCondition":"tags.building = '43'",\
                "createdTime":"2026-01-01T00:00:00.000Z","startTime":"2026-01-01T00:00:00.000Z",\
                "endTime":"2026-01-01T00:00:00.000Z","updateTwin":{"etag":"*","properties":{"desired":{"fw":"2.0"}}},\
                "deviceJobStatistics":{"deviceCount":3,"failedCount":0,"succeededCount":3,"runningCount":0,"pendingCount":0}}""");
        assertThat(toJson(ex.deviceJobs("j1").get(0))).isEqualTo("""
                {"deviceId":"d1","jobId":"j1","jobType":"scheduleUpdateTwin","status":"completed",\
                "createdDateTimeUtc":"2026-01-01T00:00:00.000Z","startTimeUtc":"2026-01-01T00:00:00.000Z",\
                "endTimeUtc":"2026-01-01T00:00:00.000Z","lastUpdatedDateTimeUtc":"2026-01-01T00:00:00.000Z"}""");
    }

    @Test
    void methodJobResponseAndRows() {
        DeviceBehaviour b = (twin, m) -> twin.getString("deviceId").equals("d2")
                ? DeviceBehaviour.Offline.INSTANCE
                : new DeviceBehaviour.Response(200, Fixtures.node("{\"rebooted\":true}"), Duration.ofMillis(1500));
        JobExecutor ex = JobExecutor.builder(fleet(), clock()).behaviour(b).build();
        ex.schedule(methodJob("m1", "deviceId IN ['d1', 'd2']", 30, 5).withMaxExecutionTimeInSeconds(60L));
        ex.runToCompletion();
        assertThat(toJson(ex.get("m1"))).isEqualTo("""
                {"jobId":"m1","type":"scheduleDeviceMethod","status":"completed",\
                "queryCondition":"deviceId IN ['d1', 'd2']","createdTime":"2026-01-01T00:00:00.000Z",\
                "startTime":"2026-01-01T00:00:00.000Z","endTime":"2026-01-01T00:00:05.000Z",\
                "maxExecutionTimeInSeconds":60,"cloudToDeviceMethod":{"methodName":"reboot","payload":{"delay":5},\
                "responseTimeoutInSeconds":30,"connectTimeoutInSeconds":5},\
                "deviceJobStatistics":{"deviceCount":2,"failedCount":1,"succeededCount":1,"runningCount":0,"pendingCount":0}}""");
        assertThat(toJson(ex.deviceJobs("m1"))).isEqualTo("""
                [{"deviceId":"d1","jobId":"m1","jobType":"scheduleDeviceMethod","status":"completed",\
                "createdDateTimeUtc":"2026-01-01T00:00:00.000Z","startTimeUtc":"2026-01-01T00:00:00.000Z",\
                "endTimeUtc":"2026-01-01T00:00:01.500Z","lastUpdatedDateTimeUtc":"2026-01-01T00:00:01.500Z",\
                "outcome":{"deviceMethodResponse":{"status":200,"payload":{"rebooted":true}}}},\
                {"deviceId":"d2","jobId":"m1","jobType":"scheduleDeviceMethod","status":"failed",\
                "createdDateTimeUtc":"2026-01-01T00:00:00.000Z","startTimeUtc":"2026-01-01T00:00:00.000Z",\
                "endTimeUtc":"2026-01-01T00:00:05.000Z","lastUpdatedDateTimeUtc":"2026-01-01T00:00:05.000Z",\
                "error":{"code":"DeviceNotOnline","description":"Timed out waiting for device to connect"}}]""");
    }

    @Test
    void failedJobCarriesFailureReasonAndPendingRowHasNoStart() {
        JobExecutor ex = JobExecutor.builder(fleet(), clock())
                .throttle(Throttle.perSecond(1))
                .build();
        ex.schedule(twinJob("bad", "tags.x = = 1"));
        ex.schedule(twinJob("slow", "*"));
        ex.tick();
        String bad = toJson(ex.get("bad"));
        assertThat(bad)
                .contains("\"status\":\"failed\"", "\"failureReason\":\"SQL query parse failed")
                .doesNotContain("null");
        assertThat(toJson(ex.deviceJobs("slow").get(4))).isEqualTo("""
                {"deviceId":"d5","jobId":"slow","jobType":"scheduleUpdateTwin","status":"pending",\
                "createdDateTimeUtc":"2026-01-01T00:00:00.000Z","lastUpdatedDateTimeUtc":"2026-01-01T00:00:00.000Z"}""");
    }

    @Test
    void deviceJobsAreQueryableThroughTheEvaluator() {
        JobExecutor ex = JobExecutor.builder(fleet(), clock())
                .behaviour(DeviceBehaviour.offline())
                .build();
        ex.schedule(methodJob("m1", "tags.building = '43'", null, null));
        ex.schedule(twinJob("t1", "*"));
        ex.runToCompletion();
        var failed = ex.query(QueryParser.parseQuery("SELECT * FROM devices.jobs WHERE devices.jobs.status = 'failed'")
                .get());
        assertThat(failed.size()).isEqualTo(3);
        assertThat(failed.toJackson().get(0).get("error").get("code").asText()).isEqualTo("DeviceNotOnline");
        var twinRows = ex.query(QueryParser.parseQuery(
                        "SELECT * FROM devices.jobs WHERE devices.jobs.jobId = 't1' AND devices.jobs.deviceId = 'd5'")
                .get());
        assertThat(twinRows.toJackson()).hasSize(1);
        assertThat(twinRows.toJackson().get(0).get("jobType").asText()).isEqualTo("scheduleUpdateTwin");
        var updated =
                ex.query(QueryParser.parseQuery("SELECT deviceId FROM devices WHERE properties.desired.fw = '2.0'")
                        .get());
        assertThat(updated.size()).isEqualTo(5);
    }
}
