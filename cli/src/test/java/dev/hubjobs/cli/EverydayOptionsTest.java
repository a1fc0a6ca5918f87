package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --quiet, --fail-on, --color and the completion script. */
class EverydayOptionsTest {

    /** One warning (HJ301: '<' in a method name) and nothing else. */
    static final String WARNING_ONLY = """
            {"jobId": "j1", "type": "scheduleDeviceMethod", "queryCondition": "*",
             "cloudToDeviceMethod": {"methodName": "re<boot>"}}
            """;

    static final String ERROR_AND_WARNING = """
            {"jobId": "j1", "type": "scheduleDeviceMethod", "queryCondition": "tag.x = 1",
             "cloudToDeviceMethod": {"methodName": "re<boot>"}}
            """;

    @TempDir
    Path dir;

    String file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void failOnWarningTurnsWarningsIntoExit1() throws Exception {
        String f = file("w.job.json", WARNING_ONLY);
        Cli.Result plain = Cli.run("validate", f);
        assertThat(plain.exit()).isZero();
        assertThat(plain.out()).contains("warning:").contains("0 errors, 1 warnings");
        assertThat(Cli.run("validate", "--fail-on", "warning", f).exit()).isEqualTo(1);
        assertThat(Cli.run("validate", "--fail-on", "error", f).exit()).isZero();
        assertThat(Cli.run("validate", "--fail-on", "bogus", f).exit()).isEqualTo(2);
    }

    @Test
    void quietShowsErrorsOnlyAndStillCountsAll() throws Exception {
        String f = file("ew.job.json", ERROR_AND_WARNING);
        Cli.Result quiet = Cli.run("validate", "--quiet", f);
        assertThat(quiet.exit()).isEqualTo(1);
        assertThat(quiet.out())
                .contains("error:")
                .doesNotContain("warning:")
                .endsWith("1 files, 1 errors, 1 warnings\n");
        Cli.Result json = Cli.run("validate", "-q", "--format", "json", f);
        assertThat(json.out()).contains("\"HJ103\"").doesNotContain("\"HJ301\"");
    }

    @Test
    void colourOnlyWhenAskedOrOnATerminalWithoutNoColor() throws Exception {
        String f = file("ew.job.json", ERROR_AND_WARNING);
        // Tests run with stdout redirected: auto means no colour.
        assertThat(Cli.run("validate", f).out()).doesNotContain("\u001b");
        assertThat(Cli.run("validate", "--color", "never", f).out()).doesNotContain("\u001b");
        String coloured = Cli.run("validate", "--color", "always", f).out();
        assertThat(coloured).contains(": \u001b[1;31merror\u001b[0m: ").contains(": \u001b[1;33mwarning\u001b[0m: ");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", ""))
                .isEqualTo(Cli.run("validate", f).out());
        // Only the text format is ever coloured.
        assertThat(Cli.run("validate", "--color", "always", "--format", "json", f)
                        .out())
                .doesNotContain("\u001b");

        assertThat(TextReport.colourByDefault(Map.of(), true)).isTrue();
        assertThat(TextReport.colourByDefault(Map.of(), false)).isFalse();
        assertThat(TextReport.colourByDefault(Map.of("NO_COLOR", "1"), true)).isFalse();
        assertThat(TextReport.colourByDefault(Map.of("NO_COLOR", ""), true)).isTrue();
        assertThat(TextReport.colourByDefault(Map.of("TERM", "dumb"), true)).isFalse();
    }

    @Test
    void completionScriptCoversEveryCommandAndOption() {
        Cli.Result r = Cli.run("completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_hubjobs")
                .contains("validate", "match", "query", "dry-run", "rules", "schema", "parse", "completion")
                .contains("--fail-on", "--quiet", "--color", "--fix");
        assertThat(Cli.run("--help").err() + Cli.run("--help").out()).contains("completion");
    }
}
