package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchAndQueryCommandTest {

    @TempDir
    static Path dir;

    static Path fleet;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void copyFleet() throws IOException {
        fleet = dir.resolve("fleet-small.json");
        try (InputStream in = MatchAndQueryCommandTest.class.getResourceAsStream("/fleet-small.json")) {
            Files.copy(in, fleet);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void matchText() {
        Run r = run("match", "tags.building = '43'", "--fleet", fleet.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(String.join(System.lineSeparator(), "d1", "d2", "D5", "3 devices", ""));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void deviceIdsAndValuesFromAFleetAreEscapedInTextOutput() throws IOException {
        Path f = dir.resolve("hostile.ndjson");
        Files.writeString(f, "{\"deviceId\":\"d\\u001b]0;x\\u0007\\nforged\", \"tags\": {\"n\": \"\\u202e1\"}}\n");
        Run match = run("match", "*", "--fleet", f.toString());
        assertThat(match.out())
                .isEqualTo(String.join(System.lineSeparator(), "d\\e]0;x\\u0007\\nforged", "1 devices", ""));
        Run query =
                run("query", "SELECT deviceId, tags.n AS n FROM devices", "--fleet", f.toString(), "--format", "table");
        assertThat(query.out())
                .contains("\"d\\u001B]0;x\\u0007\\nforged\"  \"\\u202e1\"")
                .doesNotContain("\u001b")
                .doesNotContain("\u202e");
    }

    @Test
    void whatTheServiceRefusesIsNotEvaluatedAndGetsValidatesFinding() {
        // tags.group is refused by the service (it wants tags.[[group]]); STARTS_WITH is the routing spelling.
        Run group = run("match", "tags.group = 'a'", "--fleet", fleet.toString());
        assertThat(group.exit()).isEqualTo(1);
        assertThat(group.out()).isEmpty();
        assertThat(group.err()).contains("error:").contains("[HJ108]");
        Run startsWith =
                run("query", "SELECT * FROM devices WHERE STARTS_WITH(deviceId, 'd')", "--fleet", fleet.toString());
        assertThat(startsWith.exit()).isEqualTo(1);
        assertThat(startsWith.out()).isEmpty();
        assertThat(startsWith.err()).contains("did you mean STARTSWITH?").contains("[HJ104]");
        Run prefix = run("match", "SELECT * FROM devices WHERE deviceId = 'd1'", "--fleet", fleet.toString());
        assertThat(prefix.exit()).isEqualTo(1);
        assertThat(prefix.err()).contains("[HJ101]");
    }

    @Test
    void aHyphenatedNameMatchesItsKey() throws IOException {
        Path f = dir.resolve("rings.ndjson");
        Files.writeString(
                f,
                "{\"deviceId\":\"a\",\"tags\":{\"deploy-ring\":\"canary\"}}\n"
                        + "{\"deviceId\":\"b\",\"tags\":{\"deploy-ring\":\"broad\"}}\n");
        Run r = run("match", "tags.deploy-ring = 'canary'", "--fleet", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(String.join(System.lineSeparator(), "a", "1 devices", ""));
    }

    @Test
    void matchJson() {
        Run r = run(
                "match",
                "status = 'enabled' AND connectionState = 'Connected'",
                "--fleet",
                fleet.toString(),
                "--format",
                "json");
        assertThat(r.exit()).isZero();
        assertThat(r.out().trim()).isEqualTo("{\"version\":1,\"count\":3,\"deviceIds\":[\"d1\",\"test-7\",\"D5\"]}");
    }

    @Test
    void matchModulesPrintDeviceSlashModule() throws IOException {
        Path f = dir.resolve("modules.ndjson");
        Files.writeString(f, "{\"deviceId\":\"d1\"}\n{\"deviceId\":\"d1\",\"moduleId\":\"$edgeAgent\"}\n");
        Run r = run("match", "FROM devices.modules WHERE moduleId = '$edgeAgent'", "--fleet", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("d1/$edgeAgent" + System.lineSeparator()).contains("1 devices");
    }

    @Test
    void syntaxErrorPrintsDiagnosticsAndExits1() {
        Run r = run("match", "tags.building = ", "--fleet", fleet.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("<query>:1:").contains("error:").contains("[HJ010]");
    }

    @Test
    void unknownFunctionExits1() {
        Run r = run("query", "SELECT * FROM devices WHERE NOPE(deviceId)", "--fleet", fleet.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("<query>:1:29: error: function NOPE is not available in twin and job queries")
                .endsWith("[HJ104]" + System.lineSeparator());
    }

    @Test
    void missingFleetFileIsOneLineAndExit2() {
        Run r = run("match", "*", "--fleet", dir.resolve("nope.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("hubjobs: fleet file not found: ").doesNotContain("Exception");
        Run none = run("match", "*");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--fleet PATH is required");
    }

    @Test
    void aDirectoryAPipeAndGzipAreFleetsToo() throws Exception {
        Path fleets = Files.createDirectories(dir.resolve("fleets"));
        Files.writeString(fleets.resolve("a.ndjson"), "{\"deviceId\":\"a\"}\n");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(fleets.resolve("b.json.gz")))) {
            out.write("[{\"deviceId\":\"b\"}]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Run d = run("match", "*", "--fleet", fleets.toString());
        assertThat(d.exit()).isZero();
        assertThat(d.out()).isEqualTo(String.join(System.lineSeparator(), "a", "b", "2 devices", ""));
        // A pipe, as with --fleet <(zcat fleet.ndjson.gz): no seeking, no size.
        Path fifo = dir.resolve("fleet.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "{\"deviceId\":\"p\"}\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        Run p = run("match", "*", "--fleet", fifo.toString());
        writer.join();
        assertThat(p.exit()).isZero();
        assertThat(p.out()).isEqualTo(String.join(System.lineSeparator(), "p", "1 devices", ""));
    }

    @Test
    void exportDevicesFormatIsDetectedOrNamed() throws IOException {
        Path f = dir.resolve("export.ndjson");
        Files.writeString(
                f,
                "{\"id\":\"e1\",\"eTag\":\"x\",\"status\":\"enabled\",\"authentication\":"
                        + "{\"symmetricKey\":{\"primaryKey\":\"c2VjcmV0\"},\"type\":\"sas\"},\"tags\":{\"ring\":\"1\"}}\n");
        Run r = run("match", "tags.ring = '1'", "--fleet", f.toString());
        assertThat(r.out()).isEqualTo(String.join(System.lineSeparator(), "e1", "1 devices", ""));
        Run q = run("query", "SELECT * FROM devices", "--fleet", f.toString(), "--fleet-format", "export");
        assertThat(q.out()).contains("\"deviceId\":\"e1\"").doesNotContain("c2VjcmV0");
        Run bad = run("match", "*", "--fleet", f.toString(), "--fleet-format", "csv");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown --fleet-format 'csv'");
    }

    @Test
    void badRecordsAreReportedOnStderrAndSkipped() throws IOException {
        Path f = dir.resolve("bad.ndjson");
        Files.writeString(f, "{\"deviceId\":\"a\"}\n{oops\n{\"deviceId\":\"b\"}\n");
        Run r = run("match", "*", "--fleet", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("a").contains("b").contains("2 devices");
        assertThat(r.err()).contains(f + ":2: warning: invalid JSON").contains("1 fleet records skipped");
    }

    @Test
    void queryJson() {
        Run r = run(
                "query",
                "SELECT tags.floor AS floor, COUNT() AS n FROM devices GROUP BY tags.floor",
                "--fleet",
                fleet.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .isEqualTo(String.join(
                        System.lineSeparator(), "[", "{\"floor\":\"3\",\"n\":2},", "{\"floor\":3,\"n\":1}", "]", ""));
    }

    @Test
    void queryTable() {
        Run r = run(
                "query",
                "SELECT deviceId, properties.reported.battery FROM devices WHERE IS_DEFINED(tags.floor)",
                "--fleet",
                fleet.toString(),
                "--format",
                "table");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .isEqualTo(String.join(
                        System.lineSeparator(),
                        "deviceId  battery",
                        "--------  -------",
                        "\"d1\"      55",
                        "\"d2\"      12",
                        "\"d3\"      80",
                        "3 rows",
                        ""));
    }

    @Test
    void queryTableShowsTheString3AndTheNumber3Differently() {
        Run r = run(
                "query",
                "SELECT tags.floor AS floor, COUNT() AS n FROM devices GROUP BY tags.floor",
                "--fleet",
                fleet.toString(),
                "--format",
                "table");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"3\"    2").contains("3      1");
    }

    @Test
    void queryParseErrorExits1AndEmptyResultIsEmptyArray() {
        assertThat(run("query", "SELECT FROM devices", "--fleet", fleet.toString())
                        .exit())
                .isEqualTo(1);
        Run r = run("query", "SELECT * FROM devices WHERE deviceId = 'zz'", "--fleet", fleet.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().trim()).isEqualTo("[]");
    }
}
