package dev.hubjobs.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.config.ValidatorConfig;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.json.JsonDocument;
import dev.hubjobs.json.JsonDocumentParser;
import dev.hubjobs.testing.GeneratedFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated schema: committed copy up to date, a valid draft 2020-12 schema, and of one mind
 * with the validator's structural rules on every corpus job and rule fixture.
 *
 * <p>Regenerate {@code docs/job.schema.json} after changing the field rules with
 * {@code mvn -q -o -pl toolkit -am test -Dtest=JobSchemaTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dhubjobs.regenerateSchema=true}.
 */
class JobSchemaTest {

    private static final Path COMMITTED = Path.of("..", "docs", "job.schema.json");

    /** The codes whose errors the schema expresses too. */
    private static final Set<String> STRUCTURAL = Set.of(
            "HJ110", "HJ201", "HJ202", "HJ203", "HJ204", "HJ205", "HJ206", "HJ207", "HJ209", "HJ210", "HJ213", "HJ302",
            "HJ303");

    /** Files the schema cannot read as JSON: the parser had to repair or refuse them. */
    private static final Set<String> NOT_JSON = Set.of("HJ001", "HJ002", "HJ004", "HJ005");

    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(JobSchema.json(), InputFormat.JSON);

    private static final JobValidator VALIDATOR = JobValidator.builder()
            .clock(Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC))
            .config(ValidatorConfig.DEFAULT)
            .build();

    @Test
    void committedSchemaIsTheGeneratedOne() throws IOException {
        GeneratedFiles.assertCommitted(COMMITTED, JobSchema.json(), "hubjobs.regenerateSchema", "JobSchemaTest");
    }

    @Test
    void schemaIsAValidDraft202012Schema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema meta = registry.getSchema(SchemaLocation.of(JobSchema.DIALECT));
        assertThat(meta.validate(JobSchema.json(), InputFormat.JSON)).isEmpty();
        assertThat(JobSchema.build().get("$schema").asText()).isEqualTo(JobSchema.DIALECT);
    }

    @Test
    void schemaRejectsWhatItShould() {
        assertThat(errors("{\"jobId\": \"j1\", \"type\": \"scheduleDeviceMethod\", \"queryCondition\": \"*\", "
                        + "\"cloudToDeviceMethod\": {\"methodName\": \"reboot\"}}"))
                .isEmpty();
        assertThat(errors("{\"jobId\": \"j_1\", \"type\": \"scheduleDeviceMethod\", \"queryCondition\": \"*\", "
                        + "\"cloudToDeviceMethod\": {\"methodName\": \"reboot\"}}"))
                .isNotEmpty();
        assertThat(errors("{\"jobId\": \"j1\", \"type\": \"scheduleUpdateTwin\", \"queryCondition\": \"*\", "
                        + "\"updateTwin\": {\"etag\": \"*\"}, \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}"))
                .isNotEmpty();
        assertThat(errors("[{\"jobId\": \"j1\", \"type\": \"scheduleUpdateTwin\", \"queryCondition\": \"*\", "
                        + "\"updateTwin\": {\"etag\": \"x\"}}]"))
                .isNotEmpty();
    }

    private static List<Error> errors(String json) {
        return SCHEMA.validate(json, InputFormat.JSON);
    }

    static Stream<Path> jobFiles() throws IOException, URISyntaxException {
        Path corpus = Path.of(JobSchemaTest.class.getResource("/corpus/jobs").toURI());
        Path rules = Path.of(JobSchemaTest.class.getResource("/rules").toURI());
        try (Stream<Path> a = Files.walk(corpus);
                Stream<Path> b = Files.walk(rules)) {
            return Stream.concat(a.toList().stream(), b.toList().stream())
                    .filter(p -> p.getFileName().toString().endsWith(".job.json"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobFiles")
    void schemaAgreesWithTheStructuralRules(Path file) throws IOException {
        ValidationResult result = VALIDATOR.validate(file);
        if (result.diagnostics().stream().anyMatch(d -> NOT_JSON.contains(d.code()))) {
            return;
        }
        JsonDocument doc = JsonDocumentParser.parse(Files.readAllBytes(file));
        JsonNode tree = JobJson.toJackson(doc.root().orElseThrow());
        List<Error> schemaErrors = SCHEMA.validate(tree);
        List<Diagnostic> structural = result.diagnostics().stream()
                .filter(d -> d.isError() && STRUCTURAL.contains(d.code()))
                .toList();
        assertThat(schemaErrors.isEmpty())
                .as(
                        "%s: schema says %s, validator says %s",
                        file.getFileName(),
                        schemaErrors,
                        structural.stream()
                                .map(d -> d.code() + " " + d.message())
                                .toList())
                .isEqualTo(structural.isEmpty());
    }
}
