package dev.hubjobs.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/github-actions.yml: its {@code run:} steps, read line by line from the YAML, run locally in
 * order as the runner would ({@code bash -eo pipefail}, {@code $GITHUB_PATH} added to PATH for the
 * steps after), in a repository of example jobs with hubjobs "checked out" at {@code .hubjobs}.
 * The Maven step is the build that runs this test, so it is not run again.
 */
class WorkflowExampleIT {

    static final Path ROOT = DistributionIT.ROOT;

    @TempDir
    Path dir;

    /** The commands of the {@code run:} steps: inline ({@code run: cmd}) or literal blocks ({@code run: |}). */
    static List<String> runSteps(List<String> yaml) {
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < yaml.size(); i++) {
            String line = yaml.get(i);
            String trimmed = line.strip();
            if (trimmed.startsWith("- ")) {
                trimmed = trimmed.substring(2).strip();
            }
            if (!trimmed.startsWith("run:")) {
                continue;
            }
            String value = trimmed.substring(4).strip();
            if (!value.equals("|")) {
                steps.add(value);
                continue;
            }
            int keyIndent = line.indexOf("run:");
            StringBuilder block = new StringBuilder();
            while (i + 1 < yaml.size()
                    && (yaml.get(i + 1).isBlank()
                            || yaml.get(i + 1).length()
                                            - yaml.get(i + 1).stripLeading().length()
                                    > keyIndent)) {
                block.append(yaml.get(++i).strip()).append('\n');
            }
            steps.add(block.toString().strip());
        }
        return steps;
    }

    @Test
    void theRunStepsWorkLocally() throws Exception {
        List<String> yaml = Files.readAllLines(ROOT.resolve("docs/github-actions.yml"));
        assertThat(yaml)
                .anyMatch(l -> l.contains("uses: actions/setup-java@"))
                .anyMatch(l -> l.contains("uses: github/codeql-action/upload-sarif@"))
                .anyMatch(l -> l.contains("sarif_file: hubjobs.sarif"));
        List<String> steps = runSteps(yaml);
        assertThat(steps).hasSize(4);
        assertThat(steps.get(0)).startsWith("mvn -B");

        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path jobs = Files.createDirectories(repo.resolve("jobs"));
        try (var s = Files.list(ROOT.resolve("examples/jobs"))) {
            for (Path p : s.toList()) {
                Files.copy(p, jobs.resolve(p.getFileName()));
            }
        }
        Files.createSymbolicLink(repo.resolve(".hubjobs"), ROOT);
        Path runnerTemp = Files.createDirectories(dir.resolve("runner-temp"));
        Path githubPath = Files.createFile(dir.resolve("github-path"));
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");

        for (String step : steps.subList(1, steps.size())) {
            // Each line of $GITHUB_PATH goes in front of PATH, the last one first.
            String path = javaBin + ":/usr/bin:/bin";
            for (String added : Files.readAllLines(githubPath)) {
                path = added + ":" + path;
            }
            Map<String, String> env = new HashMap<>(Map.of(
                    "PATH",
                    path,
                    "HOME",
                    dir.toString(),
                    "RUNNER_TEMP",
                    runnerTemp.toString(),
                    "GITHUB_PATH",
                    githubPath.toString(),
                    "XDG_CACHE_HOME",
                    dir.resolve("cache").toString()));
            DistributionIT.Result r = DistributionIT.run(
                    repo, env, List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step));
            assertThat(r.exit()).as("%s%n%s%s", step, r.out(), r.err()).isZero();
        }
        assertThat(Files.readAllLines(githubPath))
                .singleElement()
                .satisfies(p -> assertThat(p).endsWith("/bin"));
        String sarif = Files.readString(repo.resolve("hubjobs.sarif"));
        assertThat(sarif).contains("\"version\": \"2.1.0\"").contains("\"name\": \"hubjobs\"");
    }
}
