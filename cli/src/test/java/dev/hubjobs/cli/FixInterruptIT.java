package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code validate --fix} stopped by a signal (Ctrl-C, a CI job's timeout) in the middle of writing
 * a file: the shaded jar in its own JVM, signalled as soon as one of its temporary files appears.
 */
class FixInterruptIT {

    static final int FILES = 8;

    @TempDir
    Path dir;

    /** A job with one fix (the quotes of its id) and a payload just under the 4 MB limit, so that writing it takes a while. */
    static String job(String id) {
        return "{\"jobId\": " + id + ", \"type\": \"scheduleDeviceMethod\", \"queryCondition\": \"*\",\n"
                + " \"cloudToDeviceMethod\": {\"methodName\": \"m\", \"payload\": {\"data\": \""
                + "a".repeat((4 << 20) - 512) + "\"}}}\n";
    }

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"INT, 130", "TERM, 143"})
    void aStoppedRunLeavesNoTemporaryFileAndEveryJobWholeOldOrNew(String signal, int exitCode) throws Exception {
        Prerequisites.require(Processes.onPath("kill"), "kill is not installed");
        String original = job("'j1'");
        String fixed = job("\"j1\"");
        boolean stoppedWhileWriting = false;
        for (int run = 0; run < 5 && !stoppedWhileWriting; run++) {
            Path tree = Files.createDirectories(dir.resolve("run" + run));
            for (int i = 0; i < FILES; i++) {
                Files.writeString(tree.resolve("j" + i + ".job.json"), original);
            }
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-jar",
                            Processes.jar().toString(),
                            "validate",
                            "--fix",
                            tree.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            boolean signalled = false;
            while (p.isAlive() && System.nanoTime() < deadline && !signalled) {
                if (!temporaryFiles(tree).isEmpty()) {
                    signal(p, signal); // a write is going on
                    signalled = true;
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the run did not stop");
            }
            // A run that finished before the signal reached it proves nothing: try again.
            stoppedWhileWriting = signalled && p.exitValue() == exitCode;
            assertThat(temporaryFiles(tree)).as("temporary files left").isEmpty();
            for (int i = 0; i < FILES; i++) {
                assertThat(Files.readString(tree.resolve("j" + i + ".job.json")))
                        .isIn(original, fixed);
            }
        }
        assertThat(stoppedWhileWriting)
                .as("a run was stopped while it wrote a file")
                .isTrue();
    }

    static List<Path> temporaryFiles(Path tree) throws IOException {
        try (Stream<Path> files = Files.list(tree)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }

    static void signal(Process p, String signal) throws IOException, InterruptedException {
        if (signal.equals("TERM")) {
            p.destroy(); // SIGTERM on Unix
            return;
        }
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid()))
                        .start()
                        .waitFor())
                .isZero();
    }
}
