package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {

    @Test
    void drawsDoneOverTotalAtMostTenTimesASecondAndErasesItself() {
        StringWriter sink = new StringWriter();
        AtomicLong now = new AtomicLong();
        Progress progress = new Progress(new PrintWriter(sink), 200, true, now::get);
        progress.step();
        assertThat(sink.toString()).as("nothing before 100 ms").isEmpty();
        now.addAndGet(150_000_000L);
        progress.step();
        progress.step();
        assertThat(sink.toString()).isEqualTo("\rhubjobs: 2/200 files");
        now.addAndGet(100_000_000L);
        progress.step();
        progress.finish();
        assertThat(sink.toString())
                .isEqualTo("\rhubjobs: 2/200 files\rhubjobs: 4/200 files\r"
                        + " ".repeat("hubjobs: 4/200 files".length()) + "\r");
    }

    @Test
    void silentWithoutATerminalOrForFewFiles() {
        StringWriter sink = new StringWriter();
        AtomicLong now = new AtomicLong();
        Progress notTerminal = new Progress(new PrintWriter(sink), 1000, false, now::get);
        Progress few = new Progress(new PrintWriter(sink), Progress.MIN_FILES - 1, true, now::get);
        now.addAndGet(1_000_000_000L);
        notTerminal.step();
        few.step();
        notTerminal.finish();
        few.finish();
        assertThat(sink.toString()).isEmpty();
    }

    @Test
    void parallelValidationKeepsTheOrderOfTheSequentialRun(@TempDir Path dir) throws IOException {
        int n = ValidateCommand.PARALLEL_FROM * 3;
        for (int i = 0; i < n; i++) {
            // Every third file has a finding, at a column that depends on the file.
            String body = ValidateCommandTest.job(i % 3 == 0 ? " ".repeat(i) + "'reboot'" : "\"reboot\"");
            Files.writeString(dir.resolve(String.format("f%03d.job.json", i)), body);
        }
        String together = Cli.run("validate", dir.toString()).out();
        StringBuilder oneByOne = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String out = Cli.run(
                            "validate",
                            dir.resolve(String.format("f%03d.job.json", i)).toString())
                    .out();
            oneByOne.append(out, 0, out.lastIndexOf("1 files,"));
        }
        assertThat(together).isEqualTo(oneByOne.toString() + n + " files, " + (n / 3) + " errors, 0 warnings\n");
    }
}
