package dev.hubjobs.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL during a running 10,000-device twin job and a burst of twin patches, then a restart on
 * the same data directory: every acknowledged patch is there, the job finishes, its statistics add
 * up, and every device was patched exactly once (its twin version went up by one).
 */
class ServeCrashIT {

    private static final String V = "?api-version=2021-04-12";
    private static final int DEVICES = 10_000;
    private static final int PATCHERS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void killDuringJobAndPatchesLosesNothingAndRunsNoDeviceTwice() throws Exception {
        Path fleet = dir.resolve("fleet.ndjson");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < DEVICES; i++) {
            b.append("{\"deviceId\":\"job-").append(i).append("\",\"version\":1,\"tags\":{\"kind\":\"job\"}}\n");
        }
        for (int i = 0; i < PATCHERS; i++) {
            b.append("{\"deviceId\":\"patch-").append(i).append("\",\"version\":1,\"tags\":{\"kind\":\"patch\"}}\n");
        }
        Files.writeString(fleet, b);
        Path data = dir.resolve("data");
        // S1 at clock speed 100: 1,000 devices a second of wall-clock time, about 10 s for the job
        ServeProcess first = ServeProcess.start(data, "--fleet", fleet.toString(), "--clock-speed", "100");
        Map<Integer, Integer> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread[] patchers = new Thread[PATCHERS];
        try {
            HttpResponse<String> created = first.send(
                    "PUT",
                    "/jobs/v2/crash" + V,
                    "{\"jobId\":\"crash\","
                            + "\"type\":\"scheduleUpdateTwin\",\"queryCondition\":\"tags.kind = 'job'\",\"updateTwin\":"
                            + "{\"etag\":\"*\",\"properties\":{\"desired\":{\"fw\":\"2.0\"}}},\"maxExecutionTimeInSeconds\":86400}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            for (int p = 0; p < PATCHERS; p++) {
                int id = p;
                patchers[p] = new Thread(() -> {
                    for (int n = 1; !stop.get(); n++) {
                        try {
                            HttpResponse<String> r =
                                    first.send("PATCH", "/twins/patch-" + id + V, "{\"tags\":{\"n\":" + n + "}}");
                            if (r.statusCode() != 200) {
                                return;
                            }
                            acknowledged.put(id, n);
                        } catch (Exception e) {
                            return; // the server is gone
                        }
                    }
                });
                patchers[p].start();
            }
            long until = System.currentTimeMillis() + 120_000;
            while (true) {
                JsonNode job = JSON.readTree(
                        first.send("GET", "/jobs/v2/crash" + V, null).body());
                if (job.path("deviceJobStatistics").path("succeededCount").asInt() >= 1_500) {
                    assertThat(job.path("status").asText()).isEqualTo("running");
                    break;
                }
                assertThat(System.currentTimeMillis()).as("job progress").isLessThan(until);
                Thread.sleep(50);
            }
        } finally {
            first.kill();
            stop.set(true);
            for (Thread t : patchers) {
                if (t != null) {
                    t.join(30_000);
                }
            }
        }
        assertThat(acknowledged).hasSize(PATCHERS);

        try (ServeProcess second = ServeProcess.start(data, "--clock-speed", "100")) {
            for (int p = 0; p < PATCHERS; p++) {
                JsonNode twin = JSON.readTree(
                        second.send("GET", "/twins/patch-" + p + V, null).body());
                int stored = twin.path("tags").path("n").asInt();
                // the acknowledged value, or the one in flight at the kill if it was committed
                assertThat(stored).as("patch-%s", p).isBetween(acknowledged.get(p), acknowledged.get(p) + 1);
                assertThat(twin.path("version").asInt()).isEqualTo(1 + stored);
            }
            JsonNode job;
            long until = System.currentTimeMillis() + 120_000;
            do {
                Thread.sleep(200);
                job = JSON.readTree(
                        second.send("GET", "/jobs/v2/crash" + V, null).body());
                JsonNode s = job.path("deviceJobStatistics");
                assertThat(s.path("deviceCount").asInt())
                        .isEqualTo(s.path("pendingCount").asInt()
                                + s.path("runningCount").asInt()
                                + s.path("succeededCount").asInt()
                                + s.path("failedCount").asInt());
                assertThat(System.currentTimeMillis()).as("job completion").isLessThan(until);
            } while (!job.path("status").asText().equals("completed"));
            assertThat(job.path("deviceJobStatistics").path("succeededCount").asInt())
                    .isEqualTo(DEVICES);

            Map<String, Integer> versions = new HashMap<>();
            Map<String, String> noFirmware = new java.util.TreeMap<>();
            int rows = 0;
            for (String q : new String[] {
                "SELECT * FROM devices WHERE tags.kind = 'job'",
                "SELECT * FROM devices.jobs WHERE devices.jobs.jobId = 'crash'"
            }) {
                String token = null;
                do {
                    HttpResponse<String> page = token == null
                            ? second.send(
                                    "POST",
                                    "/devices/query" + V,
                                    JSON.createObjectNode().put("query", q).toString())
                            : second.send(
                                    "POST",
                                    "/devices/query" + V,
                                    JSON.createObjectNode().put("query", q).toString(),
                                    "x-ms-continuation",
                                    token);
                    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                    for (JsonNode row : JSON.readTree(page.body())) {
                        if (row.has("jobId")) {
                            assertThat(row.path("status").asText()).isEqualTo("completed");
                            rows++;
                        } else {
                            versions.put(
                                    row.path("deviceId").asText(),
                                    row.path("version").asInt());
                            if (!row.path("properties")
                                    .path("desired")
                                    .path("fw")
                                    .asText()
                                    .equals("2.0")) {
                                noFirmware.put(row.path("deviceId").asText(), row.toString());
                            }
                        }
                    }
                    token = page.headers().firstValue("x-ms-continuation").orElse(null);
                } while (token != null);
            }
            assertThat(noFirmware).as("twins without the job's patch").isEmpty();
            assertThat(rows).isEqualTo(DEVICES);
            assertThat(versions).hasSize(DEVICES);
            assertThat(versions.values()).as("each device patched exactly once").containsOnly(2);
        }
    }
}
