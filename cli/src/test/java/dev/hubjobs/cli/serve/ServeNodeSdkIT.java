package dev.hubjobs.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubjobs.cli.Processes;
import dev.hubjobs.cli.Processes.Result;
import dev.hubjobs.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Node service SDK {@code azure-iothub} 1.16.6, unmodified, against a real
 * {@code hubjobs serve} process. The SDK is installed with {@code npm ci} from
 * {@code src/test/node-sdk/package-lock.json} into a copy under {@code target/node-sdk}. The SDK
 * only connects to port 443, so {@code node} runs with the preload {@code redirect443.js} taken
 * from docs/emulator.md (the recipe users are given), and trusts the emulator's CA through
 * {@code NODE_EXTRA_CA_CERTS}. The script {@code flow.js} prints one JSON line per step; each
 * test below checks one step, so a failure names it.
 */
class ServeNodeSdkIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    @TempDir
    static Path dir;

    static ServeProcess serve;
    static final Map<String, JsonNode> steps = new LinkedHashMap<>();
    static String flowOutput = "";
    static int flowExit = -1;

    static Path source() {
        return Path.of(System.getProperty("hubjobs.nodeSdk.source", "src/test/node-sdk"));
    }

    static Path work() {
        return Path.of(System.getProperty("hubjobs.nodeSdk.work", "target/node-sdk"));
    }

    /** The preload of docs/emulator.md: the {@code js} block that starts with {@code // redirect443.js}. */
    static String documentedPreload() throws IOException {
        List<String> lines = Files.readAllLines(Processes.root().resolve("docs/emulator.md"));
        List<String> block = null;
        String indent = "";
        for (String line : lines) {
            String t = line.strip();
            if (block == null && t.startsWith("// redirect443.js")) {
                block = new ArrayList<>();
                indent = line.substring(0, line.indexOf("//"));
            }
            if (block != null) {
                if (t.equals("```")) {
                    break;
                }
                block.add(line.startsWith(indent) ? line.substring(indent.length()) : line);
            }
        }
        assertThat(block)
                .as("docs/emulator.md shows redirect443.js in a js block")
                .isNotNull();
        return String.join("\n", block) + "\n";
    }

    /** {@code npm ci} into target/node-sdk, unless that copy already holds what the lock file pins. */
    static void install() throws Exception {
        Path src = source();
        Path work = work();
        Files.createDirectories(work);
        byte[] lock = Files.readAllBytes(src.resolve("package-lock.json"));
        Path installedLock = work.resolve("node_modules/.package-lock.json");
        boolean current = Files.exists(installedLock)
                && Files.exists(work.resolve("package-lock.json"))
                && java.util.Arrays.equals(lock, Files.readAllBytes(work.resolve("package-lock.json")));
        for (String f : List.of("package.json", "package-lock.json", "flow.js")) {
            Files.copy(src.resolve(f), work.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(work.resolve("redirect443.js"), documentedPreload());
        if (current) {
            return;
        }
        Result ci = Processes.run(
                work,
                Map.of(),
                null,
                300,
                List.of(WINDOWS ? "npm.cmd" : "npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"));
        assertThat(ci.exit())
                .as("npm ci in %s:\n%s%s", work, ci.out(), ci.err())
                .isZero();
    }

    @BeforeAll
    static void runFlow() throws Exception {
        Prerequisites.require(
                Processes.onPath("node") && Processes.onPath(WINDOWS ? "npm.cmd" : "npm"),
                "node and npm are not installed: the Node SDK test (azure-iothub) needs them");
        install();
        Path fleet = dir.resolve("fleet.ndjson");
        Files.writeString(
                fleet,
                "{\"deviceId\":\"slow-1\",\"tags\":{\"kind\":\"slow\"},\"$behaviour\":{\"status\":201,"
                        + "\"payload\":{\"rebooted\":true},\"latencyMs\":50}}\n");
        Path data = dir.resolve("data");
        serve = ServeProcess.start(data, "--fleet", fleet.toString(), "--clock-speed", "20");
        Result flow = Processes.run(
                work(),
                Map.of(
                        "IOTHUB_CONNECTION_STRING", serve.connectionString(),
                        "IOTHUB_EMULATOR_PORT", Integer.toString(serve.port),
                        "NODE_EXTRA_CA_CERTS", data.resolve("certs/ca.pem").toString()),
                null,
                120,
                List.of("node", "-r", "./redirect443.js", "flow.js"));
        flowOutput = flow.out() + flow.err();
        for (String line : flow.out().split("\n")) {
            if (line.startsWith("{\"step\"")) {
                JsonNode n = JSON.readTree(line);
                steps.put(n.get("step").asText(), n);
            }
        }
        flowExit = flow.exit();
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.close();
        }
    }

    /** The result of a step that must have succeeded. */
    static JsonNode step(String name) {
        JsonNode s = steps.get(name);
        assertThat(s).as("step %s in the flow's output:\n%s", name, flowOutput).isNotNull();
        assertThat(s.path("ok").asBoolean()).as("step %s: %s", name, s).isTrue();
        return s.get("result");
    }

    /** A step that expected the SDK to throw: the error's class, an instance of the SDK's type. */
    static void typedError(String name, String errorClass, int status) {
        JsonNode r = step(name);
        assertThat(r.path("error").path("name").asText()).as("%s: %s", name, r).isEqualTo(errorClass);
        assertThat(r.path("typed").asBoolean())
                .as("%s: instanceof %s", name, errorClass)
                .isTrue();
        assertThat(r.path("error").path("status").asInt())
                .as("%s: HTTP status", name)
                .isEqualTo(status);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void flowRanToItsEnd() {
        assertThat(steps).as("flow.js ran to its end:\n%s", flowOutput).containsKey("end");
        assertThat(flowExit).as("flow.js exit:\n%s", flowOutput).isZero();
    }

    @Test
    void createDevices() {
        JsonNode r = step("createDevices");
        assertThat(r).hasSize(5);
        r.forEach(d -> assertThat(d.path("hasKey").asBoolean()).as("%s", d).isTrue());
        assertThat(r.get(4).path("deviceId").asText()).isEqualTo("node-4");
    }

    @Test
    void listDevices() {
        assertThat(texts(step("listDevices"))).contains("node-0", "node-1", "node-2", "node-3", "node-4");
    }

    @Test
    void getTwin() {
        JsonNode r = step("getTwin");
        assertThat(r.path("deviceId").asText()).isEqualTo("node-0");
        assertThat(r.path("etag").asText()).isNotEmpty();
    }

    @Test
    void patchTwins() {
        JsonNode r = step("patchTwins");
        assertThat(r).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(r.get(i).path("building").asText()).isEqualTo(i < 3 ? "43" : "44");
            assertThat(r.get(i).path("etagChanged").asBoolean()).isTrue();
        }
    }

    @Test
    void twinQueryIsPaged() {
        JsonNode r = step("twinQuery");
        assertThat(texts(r.path("deviceIds"))).containsExactly("node-0", "node-1", "node-2");
        assertThat(r.path("pages").asInt()).isEqualTo(2);
    }

    @Test
    void twinJobCompletes() {
        JsonNode r = step("twinJob");
        assertThat(r.path("scheduled").asText()).isIn("queued", "scheduled", "running", "completed");
        assertThat(r.path("type").asText()).isEqualTo("scheduleUpdateTwin");
        assertThat(r.path("status").asText()).isEqualTo("completed");
        assertThat(r.path("statistics").path("deviceCount").asInt()).isEqualTo(3);
        assertThat(r.path("statistics").path("succeededCount").asInt()).isEqualTo(3);
        assertThat(r.path("fw").asText()).isEqualTo("2.0");
        assertThat(r.path("otherFw").isNull()).isTrue();
    }

    @Test
    void methodJobCompletes() {
        JsonNode r = step("methodJob");
        assertThat(r.path("type").asText()).isEqualTo("scheduleDeviceMethod");
        assertThat(r.path("status").asText()).isEqualTo("completed");
        assertThat(r.path("statistics").path("succeededCount").asInt()).isEqualTo(1);
    }

    @Test
    void deviceJobsQuery() {
        JsonNode r = step("deviceJobsQuery");
        JsonNode rows = r.path("methodRows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("deviceId").asText()).isEqualTo("slow-1");
        assertThat(rows.get(0).path("jobType").asText()).isEqualTo("scheduleDeviceMethod");
        assertThat(rows.get(0).path("status").asText()).isEqualTo("completed");
        assertThat(rows.get(0).path("response").toString())
                .isEqualTo("{\"status\":201,\"payload\":{\"rebooted\":true}}");
        assertThat(r.path("twinRows").toString())
                .isEqualTo("[{\"deviceId\":\"node-0\",\"status\":\"completed\"},"
                        + "{\"deviceId\":\"node-1\",\"status\":\"completed\"},"
                        + "{\"deviceId\":\"node-2\",\"status\":\"completed\"}]");
        assertThat(r.path("twinPages").asInt()).isEqualTo(2);
    }

    @Test
    void theSixthActiveJobIsThrottled() {
        assertThat(step("scheduleLater")).hasSize(5);
        typedError("throttled", "ThrottlingError", 429);
    }

    @Test
    void cancelAScheduledJob() {
        JsonNode r = step("cancel");
        assertThat(r.path("status").asText()).isEqualTo("cancelled");
        assertThat(r.path("afterwards").asText()).isEqualTo("cancelled");
    }

    @Test
    void jobQueryByTypeAndStatus() {
        JsonNode r = step("jobQuery");
        assertThat(texts(r.path("cancelled"))).containsExactly("node-later-0");
        assertThat(texts(r.path("completedMethods"))).containsExactly("node-method-job");
        assertThat(texts(r.path("scheduled")))
                .containsExactly("node-later-1", "node-later-2", "node-later-3", "node-later-4");
        assertThat(r.path("scheduledPages").asInt()).isEqualTo(2);
    }

    @Test
    void notFound() {
        typedError("notFound", "DeviceNotFoundError", 404);
    }

    @Test
    void alreadyExists() {
        typedError("alreadyExists", "DeviceAlreadyExistsError", 409);
    }

    @Test
    void preconditionFailedIsTheSdksInvalidEtagError() {
        typedError("preconditionFailed", "InvalidEtagError", 412);
    }

    @Test
    void wrongKeyIsUnauthorizedAndCreatesNothing() {
        typedError("unauthorized", "UnauthorizedError", 401);
        assertThat(step("unauthorized").path("intruderCreated").asBoolean()).isFalse();
    }
}
