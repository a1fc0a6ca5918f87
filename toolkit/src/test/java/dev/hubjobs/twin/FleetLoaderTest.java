package dev.hubjobs.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetLoaderTest {

    @Test
    void ndjsonSkipsAndReportsBadRecordsByLine() {
        FleetLoad load = FleetLoader.parse(String.join(
                "\n",
                "{\"deviceId\":\"a\",\"tags\":{\"x\":1}}",
                "",
                "{\"deviceId\":\"b\",",
                "[1,2]",
                "{\"tags\":{}}",
                "{\"deviceId\":\"c\"} {\"deviceId\":\"d\"}",
                "{\"deviceId\":\"e\",\"moduleId\":\"m\"}",
                "{\"deviceId\":42}",
                "{\"deviceId\":\"f\"}"));
        assertThat(load.fleet().devices()).extracting(Fleet::id).containsExactly("a", "f");
        assertThat(load.fleet().modules()).extracting(Fleet::id).containsExactly("e/m");
        assertThat(load.problems()).extracting(LoadProblem::line).containsExactly(3L, 4L, 5L, 6L, 8L);
        assertThat(load.problems().get(0).message()).startsWith("invalid JSON");
        assertThat(load.problems().get(1).message()).contains("must be a JSON object, found an array");
        assertThat(load.problems().get(2).message()).contains("no \"deviceId\"");
        assertThat(load.problems().get(3).message()).contains("one twin per line");
        assertThat(load.problems().get(4).message()).contains("non-empty string");
    }

    @Test
    void arrayReportsBadElementsByLineAndStopsAtSyntaxErrors() {
        FleetLoad load = FleetLoader.parse(String.join(
                "\n",
                "[",
                "  {\"deviceId\":\"a\"},",
                "  \"not a twin\",",
                "  {\"status\":\"enabled\"},",
                "  {\"deviceId\":\"b\",",
                "   \"moduleId\":\"m\"},",
                "  {\"deviceId\":\"c\" \"oops\": 1},",
                "  {\"deviceId\":\"d\"}",
                "]"));
        assertThat(load.fleet().devices()).extracting(Fleet::id).containsExactly("a");
        assertThat(load.fleet().modules()).extracting(Fleet::id).containsExactly("b/m");
        assertThat(load.problems()).extracting(LoadProblem::line).containsExactly(3L, 4L, 7L);
        assertThat(load.problems().get(2).message()).startsWith("invalid JSON, stopped reading here");
    }

    @Test
    void arrayAndNdjsonOfTheSameTwinsLoadAlike(@TempDir Path dir) throws IOException {
        Path nd = dir.resolve("f.ndjson");
        Path arr = dir.resolve("f.json");
        try (var out = Files.newOutputStream(nd)) {
            FleetGenerator.write(500, 7, 10, true, out);
        }
        try (var out = Files.newOutputStream(arr)) {
            FleetGenerator.write(500, 7, 10, false, out);
        }
        List<long[]> progress = new ArrayList<>();
        FleetLoad a = FleetLoader.load(nd, (read, total) -> progress.add(new long[] {read, total}));
        FleetLoad b = FleetLoader.load(arr, ProgressListener.NONE);
        assertThat(a.problems()).isEmpty();
        assertThat(b.problems()).isEmpty();
        assertThat(a.fleet().size()).isEqualTo(500);
        assertThat(a.fleet().modules()).hasSize(50);
        assertThat(a.fleet().devices()).isEqualTo(b.fleet().devices());
        assertThat(a.fleet().modules()).isEqualTo(b.fleet().modules());
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).containsExactly(Files.size(nd), Files.size(nd));
    }

    @Test
    void generatorIsDeterministicAndTwinsRoundTrip() {
        byte[] one = FleetGenerator.ndjson(200, 42);
        assertThat(one).isEqualTo(FleetGenerator.ndjson(200, 42));
        assertThat(one).isNotEqualTo(FleetGenerator.ndjson(200, 43));
        double average = one.length / 200.0;
        assertThat(average).isBetween(300.0, 420.0);
        String first =
                new String(one, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        TwinObject twin = FleetLoader.parse(first).fleet().devices().get(0);
        assertThat(TwinJson.toJson(twin)).isEqualTo(first);
    }

    @Test
    void sharesShapesAndShortStringsBetweenTwins() throws IOException {
        byte[] bytes = FleetGenerator.ndjson(100, 1);
        Fleet fleet = FleetLoader.load(new ByteArrayInputStream(bytes), bytes.length, ProgressListener.NONE)
                .fleet();
        TwinObject a = fleet.devices().get(0);
        TwinObject b = fleet.devices().get(1);
        TwinObject pa = (TwinObject) a.get("properties");
        TwinObject pb = (TwinObject) b.get("properties");
        assertThat(pa.shape()).isSameAs(pb.shape());
        assertThat(a.get("status")).isSameAs(b.get("status"));
    }

    @Test
    void byteOrderMarkAndWindowsLineEndsAreAccepted() {
        assertThat(FleetLoader.parse("\uFEFF{\"deviceId\":\"a\"}\r\n{\"deviceId\":\"b\"}\r\n")
                        .fleet()
                        .devices())
                .extracting(Fleet::id)
                .containsExactly("a", "b");
        assertThat(FleetLoader.parse("\uFEFF[{\"deviceId\":\"a\"}]").fleet().devices())
                .extracting(Fleet::id)
                .containsExactly("a");
    }

    @Test
    void emptyInputIsAnEmptyFleet() {
        assertThat(FleetLoader.parse("").fleet().size()).isZero();
        assertThat(FleetLoader.parse("  \n").problems()).isEmpty();
        assertThat(FleetLoader.parse("[]").fleet().size()).isZero();
    }

    @Test
    void textThatJacksonReadsAsUtf32AndCannotDecodeIsAProblemNotAnException() throws IOException {
        // Four bytes 00 00 00 xx start UTF-32 for Jackson; 0x00210000 is no character.
        byte[] line = {
            0, 0, 0, '{', 0, 0, 0, '"', 0, 0x21, 0, 0, 0, 0, 0, '"', 0, 0, 0, '}', '\n', '{', '"', 'd', 'e', 'v', 'i',
            'c', 'e', 'I', 'd', '"', ':', '"', 'b', '"', '}'
        };
        FleetLoad lines = FleetLoader.load(new ByteArrayInputStream(line), line.length, ProgressListener.NONE);
        assertThat(lines.fleet().devices()).extracting(Fleet::id).containsExactly("b");
        assertThat(lines.problems()).extracting(LoadProblem::line).containsExactly(1L);
        // Fleets are UTF-8: the line is no text, whatever Jackson would make of it.
        assertThat(lines.problems().get(0).message())
                .isEqualTo("the line is not UTF-8 JSON text (it holds a NUL byte)");

        // '[' then three zero bytes: UTF-32LE, from the stream.
        byte[] array = {'[', 0, 0, 0, '{', 0, 0, 0, 0, 0, 0x21, 0};
        FleetLoad load = FleetLoader.load(new ByteArrayInputStream(array), array.length, ProgressListener.NONE);
        assertThat(load.fleet().size()).isZero();
        assertThat(load.problems())
                .singleElement()
                .extracting(LoadProblem::message)
                .asString()
                .isEqualTo("the file is not UTF-8 JSON text (it holds NUL bytes); nothing read");
        assertThat(FleetLoader.parse(new String(line, StandardCharsets.ISO_8859_1))
                        .problems())
                .isNotEmpty();
    }
}
