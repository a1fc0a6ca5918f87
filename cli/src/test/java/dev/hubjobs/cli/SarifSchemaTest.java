package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validates the SARIF output against the SARIF 2.1.0 JSON schema (the OASIS standard's final
 * schema, "2.1.0-rtm.5", kept under src/test/resources/sarif).
 */
class SarifSchemaTest {

    static Schema schema;
    static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(in);
        }
    }

    static List<Error> errors(JsonNode log) {
        return schema.validate(log);
    }

    @Test
    void logWithErrorsWarningsInfosAndFixesIsValid() throws Exception {
        Cli.Result r = Cli.run(ReportFormatsTest.args("--format", "sarif"));
        JsonNode log = MAPPER.readTree(r.out());
        assertThat(log.at("/runs/0/results").size()).isEqualTo(8);
        assertThat(errors(log)).isEmpty();
    }

    @Test
    void logWithoutResultsAndWithStdinAndAbsolutePathsIsValid(@TempDir Path dir) throws Exception {
        assertThat(errors(MAPPER.readTree(Cli.run("validate", "--format", "sarif", ValidateCommandTest.GOOD)
                        .out())))
                .isEmpty();
        assertThat(errors(MAPPER.readTree(Cli.runWithStdin("{'a': 1,}", "validate", "--format", "sarif", "-")
                        .out())))
                .isEmpty();
        Path file = Files.writeString(dir.resolve("insert point.job.json"), "{\"a\": [1,]}");
        JsonNode log = MAPPER.readTree(
                Cli.run("validate", "--format", "sarif", file.toString()).out());
        assertThat(log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .startsWith("file:///")
                .endsWith("insert%20point.job.json");
        assertThat(errors(log)).isEmpty();
    }

    @Test
    void theSchemaCatchesABrokenLog() throws Exception {
        // Proves the check can fail: a result without its message, a region with line 0.
        ObjectNode log = (ObjectNode) MAPPER.readTree(
                Cli.run(ReportFormatsTest.args("--format", "sarif")).out());
        ObjectNode result = (ObjectNode) log.at("/runs/0/results/0");
        result.remove("message");
        ((ObjectNode) result.at("/locations/0/physicalLocation/region")).put("startLine", 0);
        assertThat(errors(log)).hasSizeGreaterThanOrEqualTo(2);
    }
}
