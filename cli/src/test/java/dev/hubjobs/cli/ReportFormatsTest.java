package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubjobs.rules.Rule;
import dev.hubjobs.rules.Rules;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Golden comparisons of every output format on the same small fixtures. */
class ReportFormatsTest {

    static final String[] FILES = {ValidateCommandTest.JSON5, ValidateCommandTest.WARNINGS, ValidateCommandTest.GOOD};
    static final ObjectMapper MAPPER = new ObjectMapper();

    static String[] args(String... options) {
        String[] all = new String[1 + options.length + FILES.length];
        all[0] = "validate";
        System.arraycopy(options, 0, all, 1, options.length);
        System.arraycopy(FILES, 0, all, 1 + options.length, FILES.length);
        return all;
    }

    @Test
    void text() throws Exception {
        Cli.Result r = Cli.run(args());
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
        Golden.assertMatches("report.txt", r.out());
    }

    @Test
    void json() throws Exception {
        Cli.Result r = Cli.run(args("--format", "json"));
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
        Golden.assertMatches("report.json", r.out());
        JsonNode doc = MAPPER.readTree(r.out());
        assertThat(doc.get("version").asInt()).isEqualTo(1);
        assertThat(doc.at("/summary").toString()).isEqualTo("{\"files\":3,\"errors\":7,\"warnings\":0,\"infos\":1}");
        JsonNode first = doc.at("/files/0/diagnostics/0");
        assertThat(first.at("/range").toString())
                .isEqualTo("{\"start\":{\"line\":2,\"column\":3},\"end\":{\"line\":2,\"column\":8}}");
        assertThat(first.at("/fix/edits/0/newText").asText()).isEqualTo("\"jobId\"");
        assertThat(doc.at("/files/2/diagnostics").size()).isZero();
    }

    @Test
    void checkstyle() throws Exception {
        Cli.Result r = Cli.run(args("--format", "checkstyle"));
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
        Golden.assertMatches("report.checkstyle.xml", r.out());
        Document xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getElementsByTagName("file").getLength()).isEqualTo(3);
        Element error = (Element) xml.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("line")).isEqualTo("2");
        assertThat(error.getAttribute("column")).isEqualTo("3");
        assertThat(error.getAttribute("source")).isEqualTo("hubjobs.HJ002");
    }

    @Test
    void sarifResultsAndRuleCatalogue() throws Exception {
        Cli.Result r = Cli.run(args("--format", "sarif"));
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
        JsonNode log = MAPPER.readTree(r.out());
        JsonNode run = log.at("/runs/0");
        // Results are golden; the rule list grows with the catalogue, so it is checked against it.
        Golden.assertMatches(
                "report.sarif-results.json",
                MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(run.get("results")) + "\n");
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("runs").size()).isEqualTo(1);
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("hubjobs");
        JsonNode rules = run.at("/tool/driver/rules");
        assertThat(rules.size()).isEqualTo(Rules.all().size());
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = Rules.all().get(i);
            JsonNode node = rules.get(i);
            assertThat(node.get("id").asText()).isEqualTo(rule.code());
            assertThat(node.get("name").asText()).isEqualTo(rule.name());
            assertThat(node.at("/shortDescription/text").asText()).isEqualTo(rule.summary());
            assertThat(node.at("/help/text").asText()).isNotBlank();
            assertThat(node.get("helpUri").asText()).endsWith("/docs/rules/" + rule.code() + ".md");
            assertThat(node.at("/defaultConfiguration/level").asText())
                    .isEqualTo(SarifReport.level(rule.defaultSeverity()));
        }
        JsonNode first = run.at("/results/0");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo(ValidateCommandTest.JSON5);
        assertThat(first.at("/locations/0/physicalLocation/region").toString())
                .isEqualTo("{\"startLine\":2,\"startColumn\":3,\"endLine\":2,\"endColumn\":8}");
        assertThat(first.at("/fixes/0/artifactChanges/0/replacements/0/insertedContent/text")
                        .asText())
                .isEqualTo("\"jobId\"");
        assertThat(rules.get(first.get("ruleIndex").asInt()).get("id").asText()).isEqualTo("HJ002");
    }

    @Test
    void sarifUrisAreRelativeReferencesOrFileUris() {
        assertThat(SarifReport.uri("jobs/a b.job.json")).isEqualTo("jobs/a%20b.job.json");
        assertThat(SarifReport.uri("c:d.job.json")).isEqualTo("./c:d.job.json");
        assertThat(SarifReport.uri("/tmp/x.job.json")).isEqualTo("file:///tmp/x.job.json");
        assertThat(SarifReport.uri("<stdin>")).isEqualTo("%3Cstdin%3E");
    }

    @Test
    void rulesCommandListsTheCatalogue() throws Exception {
        Cli.Result text = Cli.run("rules");
        assertThat(text.exit()).isEqualTo(Main.OK);
        assertThat(text.out().lines()).hasSize(Rules.all().size());
        assertThat(text.out().lines().filter(l -> l.startsWith("HJ002  error    JsonNonStandard ")))
                .hasSize(1);
        Cli.Result json = Cli.run("rules", "--format", "json");
        JsonNode doc = MAPPER.readTree(json.out());
        assertThat(doc.get("version").asInt()).isEqualTo(1);
        assertThat(doc.get("rules").size()).isEqualTo(Rules.all().size());
        assertThat(doc.at("/rules/1").toString())
                .contains("\"code\":\"HJ002\"", "\"severity\":\"error\"", "\"hasFix\":true");
    }
}
