package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Job content and file names never reach a terminal or a report raw: an ESC sequence could
 * retitle or clear the terminal, a newline forge a report line, a bidirectional override reorder
 * what is shown, a control character make the checkstyle XML ill-formed. And a file's findings
 * are capped.
 */
class OutputSafetyTest {

    /** An unknown field whose name has all of that; HJ204 quotes it. In the file, JSON escapes. */
    static final String KEY_IN_JSON = "x\\u001b]0;pwned\\u0007\\u001b[2J\\nfake.job.json:1:1: error: forged [HJ001]"
            + "\\u0085\\u009b\\u007f\u202e\u2066";

    static final String KEY = "x\u001b]0;pwned\u0007\u001b[2J\nfake.job.json:1:1: error: forged [HJ001]"
            + "\u0085\u009b\u007f\u202e\u2066";
    static final String KEY_ESCAPED = "x\\e]0;pwned\\u0007\\e[2J\\nfake.job.json:1:1: error: forged [HJ001]"
            + "\\u0085\\u009b\\u007f\\u202e\\u2066";
    static final String NAME = "a\u001b[31m\nb.job.json";
    static final String NAME_ESCAPED = "a\\e[31m\\nb.job.json";

    @TempDir
    Path dir;

    Path file;

    @BeforeEach
    void job() throws IOException {
        file = Files.writeString(
                dir.resolve(NAME),
                "{\"jobId\": \"j1\", \"type\": \"scheduleDeviceMethod\","
                        + " \"queryCondition\": \"*\",\n \"cloudToDeviceMethod\": {\"methodName\": 'm'}, \""
                        + KEY_IN_JSON + "\": 1}\n");
    }

    static void assertPrintable(String output) {
        assertThat(output.chars()
                        .filter(c -> (c < 0x20 && c != '\n')
                                || (c >= 0x7f && c <= 0x9f)
                                || (c >= 0x202a && c <= 0x202e)
                                || (c >= 0x2066 && c <= 0x2069)))
                .isEmpty();
    }

    @Test
    void textEscapesControlCharactersInMessagesAndFileNames() {
        Cli.Result r = Cli.run("validate", dir.toString());
        assertPrintable(r.out());
        String shownName = dir.resolve(NAME).toString().replace(NAME, NAME_ESCAPED);
        assertThat(r.out().lines())
                .containsExactly(
                        shownName + ":2:40: error: single-quoted string; JSON strings must be in double quotes [HJ002]",
                        shownName + ":2:46: error: unknown field '" + KEY_ESCAPED + "' in the job [HJ204]",
                        "1 files, 2 errors, 0 warnings");
    }

    @Test
    void jsonAndSarifEscapeThemTooAndReadBackToTheSameText() throws IOException {
        Cli.Result json = Cli.run("validate", "--format", "json", dir.toString());
        assertPrintable(json.out());
        JsonNode doc = ReportFormatsTest.MAPPER.readTree(json.out());
        assertThat(doc.at("/files/0/path").asText()).isEqualTo(file.toString());
        assertThat(doc.at("/files/0/diagnostics/1/message").asText())
                .isEqualTo("unknown field '" + KEY + "' in the job");

        Cli.Result sarif = Cli.run("validate", "--format", "sarif", dir.toString());
        assertPrintable(sarif.out());
        JsonNode log = ReportFormatsTest.MAPPER.readTree(sarif.out());
        assertThat(log.at("/runs/0/results/1/message/text").asText())
                .isEqualTo("unknown field '" + KEY + "' in the job");
        assertThat(log.at("/runs/0/results/1/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .endsWith("/a%1B%5B31m%0Ab.job.json");
    }

    @Test
    void checkstyleXmlStaysWellFormed() throws Exception {
        Cli.Result r = Cli.run("validate", "--format", "checkstyle", dir.toString());
        assertPrintable(r.out());
        Document xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        Element f = (Element) xml.getElementsByTagName("file").item(0);
        assertThat(f.getAttribute("name")).endsWith(NAME_ESCAPED);
        Element error = (Element) xml.getElementsByTagName("error").item(1);
        assertThat(error.getAttribute("message")).isEqualTo("unknown field '" + KEY_ESCAPED + "' in the job");
    }

    @Test
    void linesOnStandardErrorEscapeFileNamesAndArguments() {
        Cli.Result fix = Cli.run("validate", "--fix", file.toString());
        assertThat(fix.err())
                .isEqualTo("fixed: " + dir.resolve(NAME).toString().replace(NAME, NAME_ESCAPED) + ": 1 edit (HJ002)\n");
        Cli.Result missing = Cli.run("validate", "no\u001b]0;such\u0007.job.json");
        assertThat(missing.err()).isEqualTo("hubjobs: no such file or directory: no\\e]0;such\\u0007.job.json\n");
        Cli.Result option = Cli.run("validate", "--\u001b[2J");
        assertPrintable(option.err());
        assertThat(option.exit()).isEqualTo(Main.USAGE);
    }

    @Test
    void aFileShowsItsFirstThousandFindingsAndOneSayingHowManyMore() throws IOException {
        // 1,500 single-quoted strings, each an HJ002 error; an 800 KB document can have 500,000 findings.
        String values = String.join(",", Collections.nCopies(1500, "'a'"));
        Path many = Files.writeString(
                dir.resolve("many.job.json"),
                "{\"jobId\": \"j1\", \"type\": \"scheduleDeviceMethod\","
                        + " \"queryCondition\": \"*\", \"cloudToDeviceMethod\": {\"methodName\": \"m\", \"payload\": ["
                        + values + "]}}");
        Cli.Result text = Cli.run("validate", many.toString());
        List<String> lines = text.out().lines().toList();
        assertThat(lines).hasSize(FileResult.MAX_SHOWN + 2);
        assertThat(lines.get(FileResult.MAX_SHOWN))
                .isEqualTo(many + ":1:" + (1 + text(many).indexOf("'a'", 0) + 4 * 1000)
                        + ": error: 500 more findings in this file are not shown (500 errors, 0 warnings, 0 infos);"
                        + " the report shows the first 1000 of a file [HJ005]");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("1 files, 1500 errors, 0 warnings");
        assertThat(text.exit()).isEqualTo(Main.FINDINGS);

        JsonNode json = ReportFormatsTest.MAPPER.readTree(
                Cli.run("validate", "--format", "json", many.toString()).out());
        assertThat(json.at("/files/0/diagnostics").size()).isEqualTo(FileResult.MAX_SHOWN + 1);
        assertThat(json.at("/summary/errors").asInt()).isEqualTo(1500);
    }

    private static String text(Path p) throws IOException {
        return Files.readString(p);
    }
}
