package dev.hubjobs.bench;

import dev.hubjobs.job.JobJson;
import dev.hubjobs.job.JobRequest;
import dev.hubjobs.json.JsonDocument;
import dev.hubjobs.json.JsonDocumentParser;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.QueryParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse cost of job conditions of three sizes and of a realistic ~2 KB twin-update job document.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ParseBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParseBenchmark {

    /** Conditions keyed by their exact length in characters. */
    static final Map<Integer, String> CONDITIONS = Map.of(
            17, "deviceId = 'd-01'",
            63, "tags.building = '43' AND properties.reported.firmware != '2.10'",
            187,
                    "tags.site = 'plant-7-north' AND tags.line IN ['A', 'B', 'C'] AND"
                            + " (properties.reported.fw.version < '2.1' OR NOT is_defined(properties.reported.fw))"
                            + " AND properties.reported.battery >= 20.5");

    @State(Scope.Benchmark)
    public static class ConditionText {
        @Param({"17", "63", "187"})
        public int length;

        String text;

        @Setup
        public void setUp() {
            text = CONDITIONS.get(length);
            if (text == null || text.length() != length) {
                throw new IllegalStateException("no condition of exactly " + length + " characters");
            }
            if (QueryParser.parseCondition(text).hasErrors()) {
                throw new IllegalStateException("benchmark condition does not parse: " + text);
            }
        }
    }

    /** A realistic twin-update job of about 2 KB: tags, desired properties and a query. */
    @State(Scope.Benchmark)
    public static class JobDocument {
        byte[] bytes;

        @Setup
        public void setUp() {
            bytes = resource("twin-update.job.json");
            JsonDocument doc = JsonDocumentParser.parse(bytes);
            List<JobRequest> requests = JobJson.requests(doc);
            if (doc.hasErrors() || requests.size() != 1 || requests.get(0).updateTwin() == null) {
                throw new IllegalStateException("benchmark job document does not parse: " + doc.diagnostics());
            }
        }
    }

    @Benchmark
    public ParseResult<Condition> parseCondition(ConditionText condition) {
        return QueryParser.parseCondition(condition.text);
    }

    @Benchmark
    public List<JobRequest> parseJobDocument(JobDocument job) {
        return JobJson.requests(JsonDocumentParser.parse(job.bytes));
    }

    static byte[] resource(String name) {
        try (InputStream in = ParseBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
