package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.twin.FleetGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** match and query read the fleet as they evaluate: same output for every format, problems after. */
class StreamingCommandTest {

    @TempDir
    Path dir;

    @Test
    void matchAndQueryGiveTheSameOutputForNdjsonGzipAndArray() throws IOException {
        Path ndjson = Files.write(dir.resolve("f.ndjson"), FleetGenerator.ndjson(3_000, 42));
        Path gz = dir.resolve("f.ndjson.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(ndjson));
        }
        Path array = dir.resolve("f.json");
        try (OutputStream out = Files.newOutputStream(array)) {
            FleetGenerator.write(3_000, 42, false, out);
        }
        String condition = "tags.building = '43' AND properties.reported.battery < 20";
        String query = "SELECT tags.ring, COUNT() AS n FROM devices WHERE tags.building = '43' GROUP BY tags.ring";
        MatchAndQueryCommandTest.Run match =
                MatchAndQueryCommandTest.run("match", condition, "--fleet", ndjson.toString());
        MatchAndQueryCommandTest.Run rows = MatchAndQueryCommandTest.run("query", query, "--fleet", ndjson.toString());
        assertThat(match.exit()).isZero();
        assertThat(match.out()).startsWith("dev-").contains(" devices");
        assertThat(rows.out()).contains("\"n\":");
        for (Path p : new Path[] {gz, array}) {
            assertThat(MatchAndQueryCommandTest.run("match", condition, "--fleet", p.toString()))
                    .isEqualTo(match);
            assertThat(MatchAndQueryCommandTest.run("query", query, "--fleet", p.toString()))
                    .isEqualTo(rows);
        }
    }

    @Test
    void problemsAreReportedAfterTheRowsOnStderr() throws IOException {
        Path f = Files.writeString(dir.resolve("f.ndjson"), "{\"deviceId\":\"a\"}\nnot json\n{\"deviceId\":\"b\"}\n");
        MatchAndQueryCommandTest.Run r = MatchAndQueryCommandTest.run("match", "*", "--fleet", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(String.join(System.lineSeparator(), "a", "b", "2 devices", ""));
        assertThat(r.err()).contains(f + ":2: warning: invalid JSON").contains("1 fleet records skipped");
    }

    @Test
    void progressShowsBytesAndTwinsPerSecondAndIsErasedAtTheEnd() {
        StringWriter text = new StringWriter();
        long[] now = {0};
        FleetFile.ProgressLine line = new FleetFile.ProgressLine("f.ndjson", new PrintWriter(text), () -> now[0]);
        line.progress(1 << 20, 10 << 20, 1000);
        assertThat(text.toString()).isEmpty(); // not before a tenth of a second
        now[0] = 2_000_000_000L;
        line.progress(5 << 20, 10 << 20, 400_000);
        assertThat(text.toString())
                .isEqualTo("\rreading f.ndjson: 5 MB of 10 MB (50%), 400,000 twins, 200,000 twins/s");
        line.progress(10 << 20, 10 << 20, 800_000);
        assertThat(text.toString()).endsWith("\r" + " ".repeat(69) + "\r");
    }
}
