package dev.hubjobs.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubjobs.json.JsonDocument;
import dev.hubjobs.json.JsonDocumentParser;
import dev.hubjobs.testing.TestFiles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Typed job requests read from documents, and their wire JSON. */
class JobJsonTest {

    private static List<JobRequest> requests(String text) {
        return JobJson.requests(JsonDocumentParser.parse(text));
    }

    private static JobRequest corpusJob(String name) {
        JsonDocument doc = JsonDocumentParser.parse(TestFiles.bytes("corpus/jobs/" + name + ".job.json"));
        return JobJson.requests(doc).get(0);
    }

    private static JobRequest withoutSource(JobRequest r) {
        return new JobRequest(
                r.jobId(),
                r.type(),
                r.queryCondition(),
                r.startTime(),
                r.maxExecutionTimeInSeconds(),
                r.cloudToDeviceMethod(),
                r.updateTwin(),
                null);
    }

    @Test
    void deviceMethodJobFieldsAreRead() {
        JobRequest r = corpusJob("reboot-building43");
        assertThat(r.jobId()).isEqualTo("reboot-b43-f3");
        assertThat(r.jobType()).contains(JobType.SCHEDULE_DEVICE_METHOD);
        assertThat(r.queryCondition()).isEqualTo("tags.building = '43' AND tags.floor = '3'");
        assertThat(r.startTime()).isEqualTo("2026-12-01T02:00:00Z");
        assertThat(r.maxExecutionTimeInSeconds()).isEqualTo(3600L);
        assertThat(r.updateTwin()).isNull();
        CloudToDeviceMethod m = r.cloudToDeviceMethod();
        assertThat(m.methodName()).isEqualTo("reboot");
        assertThat(m.payload().get("delaySeconds").asInt()).isEqualTo(30);
        assertThat(m.responseTimeoutInSeconds()).isEqualTo(30);
        assertThat(m.connectTimeoutInSeconds()).isNull();
        assertThat(m.effectiveConnectTimeout()).isZero();
        assertThat(r.sourceObject()).isPresent();
    }

    @Test
    void twinUpdateJobFieldsAreReadThroughComments() {
        JobRequest r = corpusJob("firmware-desired");
        assertThat(r.jobId()).isEqualTo("fw-2-1-canary");
        assertThat(r.jobType()).contains(JobType.SCHEDULE_UPDATE_TWIN);
        assertThat(r.cloudToDeviceMethod()).isNull();
        assertThat(r.updateTwin().at("/properties/desired/firmware/version").asText())
                .isEqualTo("2.1");
        assertThat(r.updateTwin().at("/tags/ring").asText()).isEqualTo("canary");
        assertThat(r.maxExecutionTimeInSeconds()).isEqualTo(1800L);
    }

    @Test
    void misspeltTypeIsKeptAsWrittenAndHasNoJobType() {
        JobRequest r = corpusJob("wrong-type");
        assertThat(r.type()).isEqualTo("scheduleDirectRequest");
        assertThat(r.jobType()).isEmpty();
        assertThat(r.queryCondition()).isNull(); // the file says "queryConditon"
        assertThat(r.cloudToDeviceMethod().responseTimeoutInSeconds()).isEqualTo(900);
    }

    @Test
    void fieldsOfTheWrongJsonTypeAreNull() {
        JobRequest r = requests(
                        "{\"jobId\": 7, \"maxExecutionTimeInSeconds\": 1.5, \"updateTwin\": [],"
                                + " \"cloudToDeviceMethod\": {\"methodName\": \"m\", \"responseTimeoutInSeconds\": 99999999999}}")
                .get(0);
        assertThat(r.jobId()).isNull();
        assertThat(r.maxExecutionTimeInSeconds()).isNull();
        assertThat(r.updateTwin()).isNull();
        assertThat(r.cloudToDeviceMethod().responseTimeoutInSeconds()).isNull();
    }

    @Test
    void rootArrayGivesOneRequestPerObject() {
        assertThat(requests("[{\"jobId\": \"a\"}, 1, {\"jobId\": \"b\"}]"))
                .extracting(JobRequest::jobId)
                .containsExactly("a", "b");
        assertThat(requests("\"x\"")).isEmpty();
        assertThat(requests("")).isEmpty();
    }

    @Test
    void wireJsonOmitsNullsAndTheSourceObject() throws Exception {
        JobRequest r = corpusJob("reboot-building43");
        JsonNode wire = JobJson.MAPPER.readTree(JobJson.toWire(r));
        assertThat(wire.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "jobId",
                        "type",
                        "queryCondition",
                        "startTime",
                        "maxExecutionTimeInSeconds",
                        "cloudToDeviceMethod");
        assertThat(wire.get("cloudToDeviceMethod").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("methodName", "payload", "responseTimeoutInSeconds");
        assertThat(JobJson.toWire(JobRequest.twinUpdate("j", "*", null)))
                .isEqualTo("{\"jobId\":\"j\",\"type\":\"scheduleUpdateTwin\",\"queryCondition\":\"*\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"charset", "firmware-desired", "reboot-building43", "seed-twin-sample", "wrong-type"})
    void corpusJobSurvivesTheWireRoundTrip(String name) throws Exception {
        JobRequest r = corpusJob(name);
        assertThat(JobJson.fromWire(JobJson.toWire(r))).isEqualTo(withoutSource(r));
    }

    @Test
    void numbersOfEverySizeSurviveTheWireRoundTrip() throws Exception {
        JobRequest r = requests("{\"jobId\": \"n\", \"updateTwin\": {\"properties\": {\"desired\": {"
                        + "\"i\": 30, \"l\": 12345678901, \"big\": 123456789012345678901234567890,"
                        + " \"neg\": -7, \"list\": [1, 2, 3],"
                        + " \"d\": 1.5, \"z\": 2.50, \"e\": 1.5e3, \"tiny\": -0.001}}}}")
                .get(0);
        assertThat(JobJson.fromWire(JobJson.toWire(r))).isEqualTo(withoutSource(r));
    }

    @Test
    void requestBuiltInCodeSurvivesTheWireRoundTrip() throws Exception {
        JobRequest r = JobRequest.deviceMethod(
                        "j",
                        "tags.x = 1",
                        "reboot",
                        JobJson.MAPPER.readTree("{\"delay\": 5, \"force\": true, \"why\": null}"))
                .withStartTime("2026-12-01T02:00:00Z")
                .withMaxExecutionTimeInSeconds(60L);
        assertThat(JobJson.fromWire(JobJson.toWire(r))).isEqualTo(r);
    }

    @Test
    void wireJsonIsBoundIgnoringUnknownFields() throws Exception {
        JobRequest r = JobJson.fromWire("{\"jobId\": \"j\", \"status\": \"queued\", \"type\": \"scheduleUpdateTwin\"}");
        assertThat(r.jobId()).isEqualTo("j");
        assertThat(r.jobType()).contains(JobType.SCHEDULE_UPDATE_TWIN);
        assertThat(r.sourceObject()).isEmpty();
    }
}
