package dev.hubjobs.bench;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.hubjobs.JobValidator;
import dev.hubjobs.config.ValidatorConfig;
import dev.hubjobs.schema.JobSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Full validation of a typical 2 KB twin-update job, from its text: hubjobs (JSON with comments,
 * every rule, the query parsed and checked) against networknt's JSON Schema validator on the
 * generated {@code job.schema.json} (structure only, no query). Both start from the same string.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class ValidationBenchmark {

    private String job;
    private JobValidator validator;
    private Schema schema;

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = ValidationBenchmark.class.getResourceAsStream("/twin-update.job.json")) {
            // Strict JSON for both: the schema validator's parser does not take the comment line.
            job = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.stripLeading().startsWith("//"))
                    .collect(java.util.stream.Collectors.joining("\n"));
        }
        validator = JobValidator.builder()
                .clock(Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC))
                .config(ValidatorConfig.DEFAULT)
                .build();
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(JobSchema.json(), InputFormat.JSON);
        // Both must accept the job, or the comparison would time the error paths.
        if (validator.validate(job).hasErrors()
                || !schema.validate(job, InputFormat.JSON).isEmpty()) {
            throw new IllegalStateException("the benchmark job must be valid for both validators");
        }
    }

    @Benchmark
    public Object hubjobsValidator() {
        return validator.validate(job);
    }

    @Benchmark
    public Object jsonSchemaValidator() {
        return schema.validate(job, InputFormat.JSON);
    }
}
