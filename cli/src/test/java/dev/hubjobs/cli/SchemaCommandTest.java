package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubjobs.job.JobJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemaCommandTest {

    @Test
    void printsTheCommittedJobSchema() throws Exception {
        Cli.Result r = Cli.run("schema");
        assertThat(r.exit()).isEqualTo(Main.OK);
        assertThat(r.err()).isEmpty();
        // docs/job.schema.json is kept current by the toolkit's schema test.
        assertThat(r.out()).isEqualTo(Files.readString(Path.of("../docs/job.schema.json")));
        JsonNode schema = JobJson.MAPPER.readTree(r.out());
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/$defs/job/properties").has("queryCondition")).isTrue();
    }
}
