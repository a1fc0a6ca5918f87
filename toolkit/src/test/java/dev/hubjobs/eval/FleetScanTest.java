package dev.hubjobs.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.Query;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetGenerator;
import dev.hubjobs.twin.FleetLoad;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.FleetReader;
import dev.hubjobs.twin.ProgressListener;
import dev.hubjobs.twin.TwinJson;
import dev.hubjobs.twin.TwinObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evaluating while reading gives what the in-memory engine gives: the shared test vectors in every
 * input format, gzip or not, on one thread and on several; random conditions against the
 * reference interpreter; grouped, projected and TOP queries.
 */
class FleetScanTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;

    /** The small fleet as each format: array, NDJSON and export records, each plain and gzip. */
    static Path array;

    static Path ndjson;
    static Path export;

    @BeforeAll
    static void formats() throws IOException {
        String text = CorpusMatchTest.resource("fleet-small.json");
        array = Files.writeString(dir.resolve("fleet.json"), text);
        StringBuilder lines = new StringBuilder();
        StringBuilder exports = new StringBuilder();
        for (JsonNode twin : MAPPER.readTree(text)) {
            lines.append(MAPPER.writeValueAsString(twin)).append('\n');
            exports.append(MAPPER.writeValueAsString(exportRecord((ObjectNode) twin)))
                    .append("\r\n");
        }
        ndjson = Files.writeString(dir.resolve("fleet.ndjson"), lines);
        export = Files.writeString(dir.resolve("export.txt"), exports);
        for (Path p : List.of(array, ndjson, export)) {
            gzip(p);
        }
    }

    /** The record the export-devices job writes for a twin (keys made up, never read back). */
    static ObjectNode exportRecord(ObjectNode twin) {
        ObjectNode r = MAPPER.createObjectNode();
        r.set("id", twin.get("deviceId"));
        if (twin.has("moduleId")) {
            r.set("moduleId", twin.get("moduleId"));
        }
        r.put("eTag", "MA==");
        if (twin.has("etag")) {
            r.set("twinETag", twin.get("etag"));
        }
        if (twin.has("status")) {
            r.set("status", twin.get("status"));
        }
        ObjectNode auth = r.putObject("authentication");
        auth.putObject("symmetricKey").put("primaryKey", "c2VjcmV0").put("secondaryKey", "c2VjcmV0");
        auth.put("type", "sas");
        for (String same : new String[] {"tags", "properties", "capabilities"}) {
            if (twin.has(same)) {
                r.set(same, twin.get(same));
            }
        }
        return r;
    }

    static Path gzip(Path p) throws IOException {
        Path gz = p.resolveSibling(p.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(p));
        }
        return gz;
    }

    static Stream<Arguments> vectorsByInput() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (Arguments v : CorpusMatchTest.vectors().toList()) {
            for (String file : List.of("fleet.json", "fleet.json.gz", "fleet.ndjson", "fleet.ndjson.gz")) {
                for (int threads : new int[] {1, 3}) {
                    all.add(Arguments.of(v.get()[0], v.get()[1], file, threads));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} in {2} on {3} threads")
    @MethodSource("vectorsByInput")
    void theTestVectorsMatchInEveryFormat(String condition, List<String> expected, String file, int threads)
            throws IOException {
        List<String> ids = new ArrayList<>();
        FleetReader.Summary read = FleetScan.of(condition(condition))
                .match(dir.resolve(file), null, ProgressListener.NONE, threads, ids::add);
        assertThat(read.problems()).isEmpty();
        assertThat(ids).isEqualTo(expected);
    }

    @Test
    void exportRecordsMatchAsTheirLoadedFleetDoesPlainOrGzip() throws IOException {
        Fleet fleet = FleetLoader.load(export, ProgressListener.NONE).fleet();
        assertThat(fleet.size()).isEqualTo(5);
        QueryEngine engine = new QueryEngine(fleet);
        int splitting = 0;
        for (Arguments v : CorpusMatchTest.vectors().toList()) {
            Condition c = condition((String) v.get()[0]);
            List<String> expected = engine.match(c).stream().map(Fleet::id).toList();
            splitting += expected.isEmpty() || expected.size() == 5 ? 0 : 1;
            for (Path p : List.of(export, dir.resolve("export.txt.gz"))) {
                for (int threads : new int[] {1, 2}) {
                    List<String> ids = new ArrayList<>();
                    FleetScan.of(c).match(p, FleetReader.Format.EXPORT, ProgressListener.NONE, threads, ids::add);
                    assertThat(ids).as("%s in %s", v.get()[0], p.getFileName()).isEqualTo(expected);
                }
            }
        }
        assertThat(splitting).isGreaterThan(5);
    }

    @Test
    void randomConditionsAgreeWithTheReferenceStreamedParallelAndInMemory() throws IOException {
        int twins = 20_000;
        byte[] bytes = FleetGenerator.ndjson(twins, 7);
        Path file = Files.write(dir.resolve("generated.ndjson"), bytes);
        Path gz = gzip(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<JsonNode> trees = new ArrayList<>();
        for (String line : (Iterable<String>) text.lines()::iterator) {
            trees.add(MAPPER.readTree(line));
        }
        QueryEngine engine = new QueryEngine(FleetLoader.parse(text).fleet());
        SplittableRandom random = new SplittableRandom(20261205L);
        int nonTrivial = 0;
        for (int c = 0; c < 40; c++) {
            String condition = ReferenceAgreementTest.condition(random, 0);
            Condition parsed = condition(condition);
            List<String> expected = new ArrayList<>();
            for (JsonNode tree : trees) {
                if (ReferenceAgreementTest.Reference.eval(parsed.expression().orElseThrow(), tree) == Boolean.TRUE) {
                    expected.add(tree.get("deviceId").textValue());
                }
            }
            assertThat(engine.match(parsed).stream().map(Fleet::id).toList())
                    .as(condition)
                    .isEqualTo(expected);
            for (Path p : List.of(file, gz)) {
                for (int threads : new int[] {1, 4}) {
                    List<String> ids = new ArrayList<>();
                    FleetScan.of(parsed).match(p, null, ProgressListener.NONE, threads, ids::add);
                    assertThat(ids)
                            .as("%s, %s on %d threads", condition, p.getFileName(), threads)
                            .isEqualTo(expected);
                }
            }
            nonTrivial += expected.isEmpty() || expected.size() == twins ? 0 : 1;
        }
        assertThat(nonTrivial).isGreaterThan(10);
    }

    static Stream<String> queries() {
        return Stream.of(
                "SELECT * FROM devices",
                "SELECT * FROM devices.modules WHERE tags.ring = 'canary'",
                "SELECT deviceId, moduleId FROM devices.modules",
                "SELECT TOP 7 deviceId, tags.ring, properties.reported.battery FROM devices WHERE tags.floor = '3'",
                "SELECT TOP 0 * FROM devices",
                "SELECT COUNT() AS n FROM devices",
                "SELECT COUNT() AS n FROM devices WHERE tags.building = 'none'",
                "SELECT tags.building, COUNT() AS n FROM devices GROUP BY tags.building",
                "SELECT tags.floor, AVG(properties.reported.battery) AS b, MIN(properties.reported.battery) AS lo,"
                        + " MAX(properties.reported.firmware.version) AS fw, SUM(version) AS v, COUNT() AS n"
                        + " FROM devices WHERE status = 'enabled' GROUP BY tags.floor",
                "SELECT * FROM devices GROUP BY tags.ring, connectionState",
                "SELECT TOP 3 tags.ring, COUNT() FROM devices GROUP BY tags.ring",
                "SELECT properties.reported AS r, STARTSWITH(deviceId, 'dev-00001') AS early FROM devices"
                        + " WHERE properties.reported.battery < 3",
                "SELECT moduleId, COUNT() AS n FROM devices.modules GROUP BY moduleId",
                "SELECT COUNT() AS n FROM devices.jobs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void queriesGiveTheEngineRowsInEveryWay(String text) throws IOException {
        Path file = dir.resolve("modules.ndjson");
        if (!Files.exists(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FleetGenerator.write(5_000, 11, 7, true, out);
            Files.write(file, out.toByteArray());
            gzip(file);
            out.reset();
            FleetGenerator.write(5_000, 11, 7, false, out);
            Files.write(dir.resolve("modules.json"), out.toByteArray());
        }
        ParseResult<Query> parsed = QueryParser.parseQuery(text);
        assertThat(parsed.hasErrors()).as(parsed.diagnostics().toString()).isFalse();
        FleetLoad load = FleetLoader.load(file, ProgressListener.NONE);
        List<String> expected =
                json(new QueryEngine(load.fleet()).run(parsed.get()).rows());
        for (String name : List.of("modules.ndjson", "modules.ndjson.gz", "modules.json")) {
            for (int threads : new int[] {1, 3}) {
                List<TwinObject> rows = new ArrayList<>();
                FleetScan.of(parsed.get()).run(dir.resolve(name), null, ProgressListener.NONE, threads, rows::add);
                assertThat(json(rows)).as("%s on %d threads", name, threads).isEqualTo(expected);
            }
        }
    }

    @Test
    void aTopQueryStopsReading() throws IOException {
        byte[] bytes = FleetGenerator.ndjson(50_000, 3);
        Path file = Files.write(dir.resolve("top.ndjson"), bytes);
        List<TwinObject> rows = new ArrayList<>();
        FleetReader.Summary read = FleetScan.of(QueryParser.parseQuery("SELECT TOP 2 deviceId FROM devices")
                        .get())
                .run(file, null, ProgressListener.NONE, 2, rows::add);
        assertThat(json(rows)).containsExactly("{\"deviceId\":\"dev-0000000\"}", "{\"deviceId\":\"dev-0000001\"}");
        assertThat(read.twins()).isLessThan(50_000);
    }

    @Test
    void aConditionThatCannotBeEvaluatedFailsBeforeReading() {
        Condition c = condition("NOSUCH(tags.x) = 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FleetScan.of(c))
                .isInstanceOf(CompileException.class);
    }

    private static List<String> json(List<TwinObject> rows) {
        return rows.stream().map(TwinJson::toJson).toList();
    }

    private static Condition condition(String text) {
        ParseResult<Condition> parsed = QueryParser.parseCondition(text);
        assertThat(parsed.hasErrors()).as(text + " " + parsed.diagnostics()).isFalse();
        return parsed.get();
    }
}
