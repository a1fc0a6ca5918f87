package dev.hubjobs.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.emulator.store.JdbcStore;
import dev.hubjobs.exec.DeviceBehaviour;
import dev.hubjobs.exec.JobServiceException;
import dev.hubjobs.exec.Throttle;
import dev.hubjobs.job.JobJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jobs on the hub: the order of the refusals when a job is created, and the devices.jobs rows. */
class HubJobsTest {

    static JsonNode json(String text) {
        try {
            return JobJson.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final String LATER = "{\"type\":\"scheduleUpdateTwin\",\"queryCondition\":\"*\",\"startTime\":"
            + "\"2099-01-01T00:00:00Z\",\"updateTwin\":{\"etag\":\"*\",\"properties\":{\"desired\":{\"fw\":\"2\"}}}}";

    static int status(Runnable r) {
        try {
            r.run();
        } catch (JobServiceException e) {
            return e.error().httpStatus();
        }
        return 200;
    }

    @Test
    void aMalformedJobIsRefusedWith400EvenAtTheActiveJobLimit() throws Exception {
        try (Hub hub = new Hub(
                JdbcStore.inMemory(), null, DeviceBehaviour.ALWAYS_OK, Throttle.UNTHROTTLED, 1, 1, line -> {})) {
            hub.createJob("later-1", json(LATER));
            JsonNode unknownType = json("{\"type\":\"scheduleTwinUpdate\",\"queryCondition\":\"*\"}");
            assertThat(status(() -> hub.createJob("bad-type", unknownType))).isEqualTo(400);
            // the job id's characters are checked before the limit too
            assertThat(status(() -> hub.createJob("bad_id", json(LATER)))).isEqualTo(400);
            assertThat(status(() -> hub.createJob("later-1", json(LATER)))).isEqualTo(409);
            assertThatThrownBy(() -> hub.createJob("later-2", json(LATER)))
                    .isInstanceOfSatisfying(
                            JobServiceException.class,
                            e -> assertThat(e.error().name()).isEqualTo("ThrottlingMaxActiveJobCountExceeded"));
        }
    }

    @Test
    void whatTheServiceOnlyWarnsAboutIsLoggedNotRefused() throws Exception {
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Hub hub =
                new Hub(JdbcStore.inMemory(), null, DeviceBehaviour.ALWAYS_OK, Throttle.UNTHROTTLED, 5, 1, log::add)) {
            hub.createJob("past", json(LATER.replace("2099-01-01T00:00:00Z", "2000-01-01T00:00:00Z")));
            hub.createJob("later", json(LATER));
            assertThat(log).anySatisfy(line -> assertThat(line).startsWith("job past: warning [HJ208] "));
            assertThat(log).noneMatch(line -> line.startsWith("job later:"));
        }
    }

    @Test
    void aMethodJobsRowCarriesTheDevicesAnswerForTheJavaSdk() throws Exception {
        DeviceBehaviour answers = DeviceBehaviour.respond(201, json("{\"rebooted\":true}"), Duration.ZERO);
        try (Hub hub = new Hub(JdbcStore.inMemory(), null, answers, Throttle.UNTHROTTLED, 5, 1, line -> {})) {
            hub.putDevice("d1", (ObjectNode) json("{}"), null);
            hub.createJob(
                    "m1",
                    json("{\"type\":\"scheduleDeviceMethod\",\"queryCondition\":\"*\","
                            + "\"cloudToDeviceMethod\":{\"methodName\":\"reboot\",\"payload\":{\"delay\":1}}}"));
            hub.createJob("t1", json(LATER.replace("2099-01-01T00:00:00Z", "2000-01-01T00:00:00Z")));
            long until = System.currentTimeMillis() + 20_000;
            while (!(hub.getJob("m1").status().equals("completed")
                            && hub.getJob("t1").status().equals("completed"))
                    && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            List<ObjectNode> method = hub.query(
                            "SELECT * FROM devices.jobs WHERE devices.jobs.jobId = 'm1'", null, null)
                    .items();
            assertThat(method).hasSize(1);
            String answer = "{\"status\":201,\"payload\":{\"rebooted\":true}}";
            assertThat(method.get(0)
                            .path("outcome")
                            .path("deviceMethodResponse")
                            .toString())
                    .isEqualTo(answer);
            assertThat(method.get(0).path("cloudToDeviceMethod").toString()).isEqualTo(answer);

            List<ObjectNode> twin = hub.query("SELECT * FROM devices.jobs WHERE devices.jobs.jobId = 't1'", null, null)
                    .items();
            assertThat(twin).hasSize(1);
            assertThat(twin.get(0).has("cloudToDeviceMethod")).isFalse();
        }
    }
}
