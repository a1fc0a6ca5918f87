package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit hook on a real git repository: first its entry script called the way pre-commit
 * calls it (from the repository root, file names as arguments), then, where the pre-commit tool is
 * installed, through {@code pre-commit try-repo}.
 */
class PreCommitHookIT {

    static final String GOOD = """
            {
              "jobId": "reboot-1",
              "type": "scheduleDeviceMethod",
              "queryCondition": "tags.building = '43'",
              "cloudToDeviceMethod": {"methodName": "reboot", "responseTimeoutInSeconds": 30}
            }
            """;
    static final String BAD = """
            {
              "jobId": "reboot-2",
              "type": "scheduleDeviceMethod",
              "queryCondition": "tags.building = '43'",
              "cloudToDeviceMethod": {"methodName": 'reboot'}
            }
            """;
    /** Only a warning: a start time in the past. */
    static final String WARNED = """
            {
              "jobId": "reboot-3",
              "type": "scheduleDeviceMethod",
              "queryCondition": "tags.building = '43'",
              "cloudToDeviceMethod": {"methodName": "reboot", "responseTimeoutInSeconds": 30},
              "startTime": "2020-01-01T00:00:00Z"
            }
            """;

    @TempDir
    Path repo;

    /** The launcher runs the jar the build made instead of building one inside the test. */
    Map<String, String> env() {
        return Map.of("HUBJOBS_JAR", Processes.jar().toString());
    }

    @BeforeEach
    void repository() throws Exception {
        Prerequisites.require(Processes.onPath("git"), "git is not installed");
        Processes.git(repo, "init", "-q");
        Files.createDirectories(repo.resolve("jobs"));
        Files.writeString(repo.resolve("jobs/good.job.json"), GOOD);
        Files.writeString(repo.resolve("jobs/bad.job.json"), BAD);
        Files.writeString(repo.resolve("jobs/warned.job.json"), WARNED);
        Processes.git(repo, "add", "-A");
        Processes.git(repo, "commit", "-q", "-m", "jobs");
    }

    @Test
    void hookDeclarationMatchesTheEntryScript() throws Exception {
        String hooks = Files.readString(Processes.root().resolve(".pre-commit-hooks.yaml"));
        assertThat(hooks)
                .contains(
                        "id: hubjobs-validate",
                        "entry: scripts/pre-commit-validate",
                        "language: script",
                        "files: \\.job\\.json$",
                        "require_serial: true",
                        "verbose: true");
        assertThat(Processes.root().resolve("scripts/pre-commit-validate")).isExecutable();
    }

    @Test
    void entryScriptFailsOnTheBadFileWithTheGccStyleLine() throws Exception {
        String hook = Processes.root().resolve("scripts/pre-commit-validate").toString();
        Processes.Result bad = Processes.run(repo, env(), null, List.of(hook, "jobs/bad.job.json"));
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out())
                .startsWith(
                        "jobs/bad.job.json:5:41: error: single-quoted string; JSON strings must be in double quotes [HJ002]\n");

        Processes.Result good = Processes.run(repo, env(), null, List.of(hook, "jobs/good.job.json"));
        assertThat(good.exit()).isZero();
        assertThat(good.out()).isEqualTo("1 files, 0 errors, 0 warnings\n");
    }

    /** The environment for the pre-commit tool, its cache in {@code cache}; skips where it cannot run. */
    private Map<String, String> preCommit(Path cache) throws Exception {
        Prerequisites.require(
                Processes.onPath("pre-commit"),
                "the pre-commit tool is not installed; .ci/pre-commit-deps.sh installs it");
        // pre-commit clones the hubjobs checkout, so it must be a git work tree (not an unpacked archive).
        Assumptions.assumeTrue(
                Processes.run(Processes.root(), Map.of(), null, List.of("git", "rev-parse", "--is-inside-work-tree"))
                                .exit()
                        == 0,
                "hubjobs is not a git checkout");
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("PRE_COMMIT_HOME", cache.toString());
        return env;
    }

    @Test
    void preCommitTryRepoRunsTheHook(@TempDir Path cache) throws Exception {
        Map<String, String> env = preCommit(cache);
        String root = Processes.root().toString();

        Processes.Result bad = Processes.run(
                repo,
                env,
                null,
                List.of("pre-commit", "try-repo", root, "hubjobs-validate", "--files", "jobs/bad.job.json"));
        assertThat(bad.exit()).as(bad.out() + bad.err()).isEqualTo(1);
        assertThat(bad.out()).contains("jobs/bad.job.json:5:41: error: single-quoted string");

        Processes.Result good = Processes.run(
                repo,
                env,
                null,
                List.of("pre-commit", "try-repo", root, "hubjobs-validate", "--files", "jobs/good.job.json"));
        assertThat(good.exit()).as(good.out() + good.err()).isZero();
        assertThat(good.out()).contains("hubjobs validate").contains("Passed");
    }

    @Test
    void warningsShowOnAPassingRunAndFailItWithFailOnWarning(@TempDir Path cache) throws Exception {
        Map<String, String> env = preCommit(cache);
        // A configuration as docs/pre-commit.md shows it, pinned to the checkout's commit.
        Processes.Result head = Processes.run(Processes.root(), Map.of(), null, List.of("git", "rev-parse", "HEAD"));
        String config = """
                repos:
                  - repo: %s
                    rev: %s
                    hooks:
                      - id: hubjobs-validate
                """.formatted(Processes.root(), head.out().strip());
        Files.writeString(repo.resolve(".pre-commit-config.yaml"), config);
        List<String> run = List.of("pre-commit", "run", "hubjobs-validate", "--files", "jobs/warned.job.json");

        Processes.Result shown = Processes.run(repo, env, null, run);
        assertThat(shown.exit()).as(shown.out() + shown.err()).isZero();
        assertThat(shown.out()).contains("Passed").contains("jobs/warned.job.json:6:16: warning: startTime");

        Files.writeString(repo.resolve(".pre-commit-config.yaml"), config + "        args: [--fail-on, warning]\n");
        Processes.Result failed = Processes.run(repo, env, null, run);
        assertThat(failed.exit()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(failed.out()).contains("Failed").contains("[HJ208]");
    }
}
