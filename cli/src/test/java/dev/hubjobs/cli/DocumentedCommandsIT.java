package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command shown in a {@code ```sh}, {@code ```bash} or {@code ```shell} block of README.md
 * and docs/*.md runs as written, from a copy of the repository's examples: exit 0 or 1 (findings),
 * never 2 (usage) or a crash. {@code ./hubjobs} and {@code hubjobs} run the built jar.
 *
 * <p>Not run: a block right after a line {@code <!-- docs-test: not run (reason) -->}; and lines
 * that run Maven ({@code mvn}, {@code ./mvnw}: the build that runs this test) or another tool
 * ({@code pre-commit}, {@code npm}, {@code export}, a {@code for} loop over Maven runs), which
 * the tests of those tools cover. Every block with a hubjobs command must have all of them run.
 */
class DocumentedCommandsIT {

    static final Path ROOT = Processes.root();
    static final String MARKER = "<!-- docs-test: not run";

    @TempDir
    Path dir;

    record Command(Path file, int line, String text) {
        @Override
        public String toString() {
            return ROOT.relativize(file) + ":" + line + ": " + text;
        }
    }

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** The hubjobs commands of the shell blocks, continuation lines joined. */
    static List<Command> commands(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Command> out = new ArrayList<>();
        boolean in = false;
        boolean skip = false;
        StringBuilder pending = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = line.strip();
            if (!in && (t.equals("```sh") || t.equals("```bash") || t.equals("```shell"))) {
                in = true;
                skip = i > 0 && lines.get(i - 1).strip().startsWith(MARKER);
                continue;
            }
            if (in && t.equals("```")) {
                in = false;
                continue;
            }
            if (!in || skip || t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (pending == null) {
                pending = new StringBuilder();
                pendingLine = i + 1;
            }
            if (t.endsWith("\\")) {
                pending.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            pending.append(t);
            String command = pending.toString();
            pending = null;
            if (runsHubjobs(command)) {
                out.add(new Command(file, pendingLine, command));
            }
        }
        return out;
    }

    static boolean runsHubjobs(String command) {
        String first = command.split("\\s+")[0];
        return first.equals("./hubjobs")
                || first.equals("hubjobs")
                || command.contains("| ./hubjobs ")
                || command.contains("| hubjobs ");
    }

    /** A work directory with the examples, and {@code hubjobs} and {@code ./hubjobs} running the built jar. */
    Path workDirectory() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        copyTree(ROOT.resolve("examples/jobs"), work.resolve("examples/jobs"));
        copyTree(ROOT.resolve("examples/fleets"), work.resolve("examples/fleets"));
        Path launcher = work.resolve("hubjobs");
        Files.writeString(launcher, "#!/bin/sh\nexec java -jar '" + Processes.jar() + "' \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return work;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void everyDocumentedHubjobsCommandRuns() throws Exception {
        List<Command> all = new ArrayList<>();
        for (Path doc : documents()) {
            all.addAll(commands(doc));
        }
        assertThat(all).as("commands found").hasSizeGreaterThanOrEqualTo(15);
        Path work = workDirectory();
        String path = work + ":" + Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin";
        List<String> failures = new ArrayList<>();
        for (Command c : all) {
            Processes.Result r = Processes.run(work, Map.of("PATH", path), null, List.of("/bin/sh", "-c", c.text()));
            if ((r.exit() != 0 && r.exit() != 1)
                    || r.err().contains("internal error")
                    || r.err().contains("Exception")) {
                failures.add(c + "\n  exit " + r.exit() + ": " + r.err().strip());
            }
        }
        assertThat(failures).as("documented commands that fail").isEmpty();
    }

    @Test
    void aPlaceholderPathWouldBeCaught() throws Exception {
        // The check above would catch the old README's "./hubjobs validate jobs/" (a path that does not exist).
        Path work = workDirectory();
        Processes.Result r = Processes.run(
                work,
                Map.of("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin"),
                null,
                List.of("/bin/sh", "-c", "./hubjobs validate jobs/"));
        assertThat(r.exit()).isEqualTo(2);
    }
}
