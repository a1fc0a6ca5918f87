package dev.hubjobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real process for the integration tests (shaded jar, launcher, hook script, git, node). */
public final class Processes {

    public record Result(int exit, String out, String err) {}

    private Processes() {}

    /** The shaded jar that the package phase built; set by the failsafe configuration. */
    static Path jar() {
        return Path.of(System.getProperty("hubjobs.jar", "target/hubjobs.jar")).toAbsolutePath();
    }

    /** The repository root (the launcher, the hook script and .pre-commit-hooks.yaml live there). */
    public static Path root() {
        return Path.of(System.getProperty("hubjobs.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static Result run(Path cwd, Map<String, String> env, String stdin, List<String> command)
            throws IOException, InterruptedException {
        return run(cwd, env, stdin, 300, command);
    }

    /** Runs {@code command} in {@code cwd} with {@code env} added, failing the test after the timeout. */
    public static Result run(Path cwd, Map<String, String> env, String stdin, int timeoutSeconds, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("hubjobs-it", ".out");
        Path err = Files.createTempFile("hubjobs-it", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(cwd.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command + "\n"
                        + Files.readString(out) + Files.readString(err));
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static void git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                "git",
                "-C",
                repo.toString(),
                "-c",
                "user.name=hubjobs test",
                "-c",
                "user.email=test@example.invalid",
                "-c",
                "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Result r = run(repo, Map.of(), null, command);
        if (r.exit() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed: " + r.err());
        }
    }

    public static boolean onPath(String tool) {
        try {
            return new ProcessBuilder(tool, "--version")
                            .redirectErrorStream(true)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
