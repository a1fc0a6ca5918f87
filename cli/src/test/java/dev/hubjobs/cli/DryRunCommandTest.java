package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunCommandTest {

    private static final String DIR = "src/test/resources/dryrun/";
    private static final String FLEET = DIR + "fleet.ndjson";

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString().replace("\r\n", "\n"), err.toString());
    }

    @Test
    void twinJobText() {
        Run r = run(
                "dry-run",
                DIR + "firmware.job.json",
                "--fleet",
                FLEET,
                "--tier",
                "S1",
                "--now",
                "2026-01-01T00:00:00Z");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""

                job fw-b43 (scheduleUpdateTwin)
                  matched 3 of 4 devices: d1, d2, d3
                    d1
                      properties.desired.fw: "1.0" -> "2.0"
                      tags.floor: "1" -> (absent)
                    d2
                      properties.desired.fw: (absent) -> "2.0"
                      tags.floor: "2" -> (absent)
                    d3
                      properties.desired.fw: (absent) -> "2.0"
                      tags.floor: "3" -> (absent)
                  result: completed; 3 devices: 3 succeeded, 0 failed
                  duration: about 0.3 s at S1 (10 device operations/s); simulated 0.2 s; maxExecutionTimeInSeconds 3600: fits
                """);
    }

    @Test
    void aBodyWithoutJobIdRunsUnderTheIdThePathWouldGive(@TempDir Path dir) throws IOException {
        Path job = dir.resolve("no-id.job.json");
        Files.writeString(
                job,
                "{\"type\": \"scheduleUpdateTwin\", \"queryCondition\": \"*\","
                        + " \"cloudToDeviceMethod\": null, \"updateTwin\": {\"etag\": \"*\", \"tags\": {\"a\": 1}}}");
        Run r = run("dry-run", job.toString(), "--fleet", FLEET, "--now", "2026-01-01T00:00:00Z");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("job dry-run (scheduleUpdateTwin)", "result: completed");
    }

    @Test
    void methodJobTextUsesFleetDeclaredBehaviours() {
        Run r = run("dry-run", DIR + "reboot.job.json", "--fleet", FLEET, "--now", "2026-01-01T00:00:00Z");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("  calls reboot({\"delay\":5}) with responseTimeoutInSeconds 30, connectTimeoutInSeconds 10\n"
                        + "    d1: completed 200 {\"rebooted\":true}\n"
                        + "    d2: failed DeviceNotOnline (Timed out waiting for device to connect)\n"
                        + "    d3: failed GatewayTimeout (Timed out waiting for the response from device after 30 seconds)\n"
                        + "  result: completed; 3 devices: 1 succeeded, 2 failed\n"
                        + "  duration: unthrottled (no --tier); simulated 30 s; maxExecutionTimeInSeconds 600: fits\n");
    }

    @Test
    void methodJobJson() throws Exception {
        Run r = run(
                "dry-run",
                DIR + "reboot.job.json",
                "--fleet",
                FLEET,
                "--tier",
                "S3",
                "--units",
                "2",
                "--format",
                "json",
                "--limit",
                "2",
                "--now",
                "2026-01-01T00:00:00Z");
        assertThat(r.exit()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("version").asInt()).isEqualTo(1);
        assertThat(doc.get("diagnostics")).isEmpty();
        JsonNode job = doc.get("jobs").get(0);
        assertThat(job.get("matched").toString())
                .isEqualTo("{\"count\":3,\"fleetSize\":4,\"deviceIds\":[\"d1\",\"d2\"]}");
        assertThat(job.get("deviceJobs")).hasSize(2);
        assertThat(job.get("deviceJobs").get(1).get("error").get("code").asText())
                .isEqualTo("DeviceNotOnline");
        assertThat(job.get("job").get("status").asText()).isEqualTo("completed");
        assertThat(job.get("job").get("deviceJobStatistics").toString())
                .isEqualTo(
                        "{\"deviceCount\":3,\"failedCount\":2,\"succeededCount\":1,\"runningCount\":0,\"pendingCount\":0}");
        assertThat(job.get("estimate").toString())
                .isEqualTo("{\"tier\":\"S3\",\"units\":2,\"operationsPerSecond\":100,"
                        + "\"seconds\":0.03,\"simulatedSeconds\":30.02,\"maxExecutionTimeInSeconds\":600,\"devicesInTime\":3,"
                        + "\"timedOut\":0,\"withinLimit\":true}");
        assertThat(job.has("changes")).isFalse();
    }

    @Test
    void twinJobJsonHasChanges() throws Exception {
        Run r = run("dry-run", DIR + "firmware.job.json", "--fleet", FLEET, "--format", "json", "--limit", "1");
        JsonNode changes =
                new ObjectMapper().readTree(r.out()).get("jobs").get(0).get("changes");
        assertThat(changes.toString())
                .isEqualTo("[{\"deviceId\":\"d1\",\"changes\":["
                        + "{\"path\":\"properties.desired.fw\",\"before\":\"1.0\",\"after\":\"2.0\"},"
                        + "{\"path\":\"tags.floor\",\"before\":\"1\"}]}]");
    }

    @Test
    void throttleWarningComesFromTheSameComputation() {
        Run r = run("dry-run", DIR + "slow.job.json", "--fleet", FLEET, "--tier", "F1", "--limit", "1");
        assertThat(r.exit()).isZero();
        // other rules may also flag a zero maxExecutionTimeInSeconds at the same place
        assertThat(r.out())
                .contains(
                        DIR + "slow.job.json:5:32: warning: at 10 device operations/s the 4 matched "
                                + "devices need about 0.4 s; maxExecutionTimeInSeconds is 0, so 4 of them would fail with JobRunTimeout [HJ402]\n");
        assertThat(r.out())
                .contains(
                        "    d1: failed JobRunTimeout",
                        "    (3 more; --limit to see more)",
                        "result: completed; 4 devices: 0 succeeded, 4 failed",
                        "maxExecutionTimeInSeconds 0: 4 devices would fail with JobRunTimeout");
    }

    @Test
    void errorsAreReportedAndNothingIsSimulated() throws Exception {
        Run text = run("dry-run", DIR + "broken.job.json", "--fleet", FLEET);
        assertThat(text.exit()).isEqualTo(Main.FINDINGS);
        assertThat(text.out())
                .startsWith(DIR + "broken.job.json:4:38: error: ")
                .contains("[HJ010]")
                .endsWith("not simulated: the job has errors\n")
                .doesNotContain("matched");
        Run json = run("dry-run", DIR + "broken.job.json", "--fleet", FLEET, "--format", "json");
        assertThat(json.exit()).isEqualTo(Main.FINDINGS);
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.get("jobs")).isEmpty();
        assertThat(doc.get("diagnostics").get(0).get("code").asText()).isEqualTo("HJ010");
        assertThat(doc.get("diagnostics").get(0).get("range").toString())
                .isEqualTo("{\"start\":{\"line\":4,\"column\":38},\"end\":{\"line\":4,\"column\":39}}");
    }

    @Test
    void usageMistakesExitTwoWithoutStackTrace() {
        Run noFleet = run("dry-run", DIR + "firmware.job.json", "--fleet", DIR + "missing.ndjson");
        assertThat(noFleet.exit()).isEqualTo(Main.USAGE);
        assertThat(noFleet.err()).startsWith("hubjobs: fleet file not found").doesNotContain("\tat ");
        Run tier = run("dry-run", DIR + "firmware.job.json", "--fleet", FLEET, "--tier", "B1");
        assertThat(tier.exit()).isEqualTo(Main.USAGE);
        assertThat(tier.err()).contains("unknown tier 'B1'");
        Run noJob = run("dry-run", DIR + "nope.job.json", "--fleet", FLEET);
        assertThat(noJob.exit()).isEqualTo(Main.USAGE);
        assertThat(run("dry-run", DIR + "firmware.job.json").exit()).isEqualTo(Main.USAGE); // --fleet is required
        assertThat(run("dry-run", DIR + "firmware.job.json", "--fleet", FLEET, "--format", "xml")
                        .exit())
                .isEqualTo(Main.USAGE);
    }
}
