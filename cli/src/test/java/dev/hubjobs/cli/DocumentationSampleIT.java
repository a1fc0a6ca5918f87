package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documentation's JavaScript-style job samples end to end: through the command line (the
 * finding counts of docs/decisions.md, before and after --fix) and through pre-commit in a new git
 * repository configured as docs/pre-commit.md shows ({@code repo: local}, hubjobs on PATH).
 */
class DocumentationSampleIT {

    static final Path SAMPLES = Processes.root().resolve("toolkit/src/test/resources/rules/HJ002");
    static final String METHOD = "bad-docs-method-sample.job.json";
    static final String TWIN = "bad-docs-twin-sample.job.json";

    @TempDir
    Path dir;

    /** A directory with a {@code hubjobs} command that runs the built jar, as the distribution's does. */
    Path binDirectory() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path hubjobs = bin.resolve("hubjobs");
        Files.writeString(hubjobs, "#!/bin/sh\nexec java -jar '" + Processes.jar() + "' \"$@\"\n");
        Files.setPosixFilePermissions(hubjobs, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    Map<String, String> env() throws Exception {
        return Map.of(
                "PATH",
                binDirectory() + ":" + Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin",
                "HOME",
                dir.toString(),
                "PRE_COMMIT_HOME",
                dir.resolve("pre-commit-cache").toString());
    }

    @Test
    void theCommandLineGivesOneFindingPerMistakeAndFixLeavesWhatNeedsAHuman() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.copy(SAMPLES.resolve(METHOD), work.resolve("method.job.json"));
        Files.copy(SAMPLES.resolve(TWIN), work.resolve("twin.job.json"));
        Map<String, String> env = env();
        String hubjobs = dir.resolve("bin/hubjobs").toString();

        Processes.Result method = Processes.run(work, env, null, List.of(hubjobs, "validate", "method.job.json"));
        assertThat(method.exit()).isEqualTo(1);
        assertThat(method.out())
                .endsWith("1 files, 17 errors, 0 warnings\n")
                .doesNotContain("[HJ206]")
                .doesNotContain("[HJ010]")
                .doesNotContain("remove the quotes");
        Processes.Result twin = Processes.run(work, env, null, List.of(hubjobs, "validate", "twin.job.json"));
        assertThat(twin.out()).endsWith("1 files, 13 errors, 0 warnings\n");
        assertThat(twin.out().lines().filter(l -> l.contains(":3:11:"))).hasSize(1);

        Processes.Result fixed = Processes.run(
                work, env, null, List.of(hubjobs, "validate", "--fix", "method.job.json", "twin.job.json"));
        assertThat(fixed.exit()).isEqualTo(1);
        assertThat(fixed.out()).endsWith("2 files, 12 errors, 0 warnings\n");
        assertThat(fixed.out().lines().filter(l -> l.contains(": error: ")))
                .hasSize(12)
                .allMatch(l -> l.contains("placeholder <") || l.contains("looks like a variable name"));
    }

    /** The {@code repo: local} configuration docs/pre-commit.md shows. */
    static String localHookConfiguration() throws Exception {
        String doc = Files.readString(Processes.root().resolve("docs/pre-commit.md"));
        Matcher m = Pattern.compile("```yaml\n(repos:\n  - repo: local\n.*?)```", Pattern.DOTALL)
                .matcher(doc);
        assertThat(m.find())
                .as("a repo: local configuration in docs/pre-commit.md")
                .isTrue();
        return m.group(1);
    }

    @Test
    void theHookStopsTheCommitWithTheSameFindingsAndShowsWarningsOfACommitThatPasses() throws Exception {
        Assumptions.assumeTrue(Processes.onPath("git"), "git is not installed");
        Assumptions.assumeTrue(Processes.onPath("pre-commit"), "the pre-commit tool is not installed");
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Processes.git(repo, "init", "-q");
        Files.writeString(repo.resolve(".pre-commit-config.yaml"), localHookConfiguration());
        Files.createDirectories(repo.resolve("jobs"));
        Files.copy(SAMPLES.resolve(METHOD), repo.resolve("jobs/sample.job.json"));
        Files.writeString(repo.resolve("jobs/warning.job.json"), """
                {"jobId": "j1", "type": "scheduleDeviceMethod", "queryCondition": "*",
                 "cloudToDeviceMethod": {"methodName": "re<boot>"}}
                """);
        Processes.git(repo, "add", "-A");
        Map<String, String> env = new HashMap<>(env());

        Processes.Result bad = Processes.run(
                repo, env, null, List.of("pre-commit", "run", "hubjobs-validate", "--files", "jobs/sample.job.json"));
        assertThat(bad.exit()).as(bad.out() + bad.err()).isEqualTo(1);
        assertThat(bad.out()).contains("Failed").contains("1 files, 17 errors, 0 warnings");
        assertThat(bad.out().lines().filter(l -> l.startsWith("jobs/sample.job.json:")))
                .hasSize(17);

        Processes.Result warning = Processes.run(
                repo, env, null, List.of("pre-commit", "run", "hubjobs-validate", "--files", "jobs/warning.job.json"));
        assertThat(warning.exit()).as(warning.out() + warning.err()).isZero();
        assertThat(warning.out())
                .contains("Passed")
                .contains("jobs/warning.job.json:2:")
                .contains("warning:");
    }
}
