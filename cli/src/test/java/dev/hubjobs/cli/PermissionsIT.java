package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that the user running hubjobs may not read or write, with the real jar. File permissions
 * do not bind root, so under root (as in a container build) the jar runs as the unprivileged user
 * nobody through {@code setpriv}; under any other user it runs as that user.
 */
class PermissionsIT {

    static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path dir;

    @BeforeEach
    void openToTheUnprivilegedUser() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    private Path file(Path at, String text, String permissions) throws IOException {
        Files.writeString(at, text);
        Files.setPosixFilePermissions(at, PosixFilePermissions.fromString(permissions));
        return at;
    }

    private Processes.Result hubjobs(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            Prerequisites.require(
                    Processes.onPath("setpriv"), "setpriv (util-linux) is needed to run as an unprivileged user");
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Processes.jar().toString()));
        command.addAll(List.of(args));
        return Processes.run(dir, Map.of(), null, command);
    }

    @Test
    void anUnreadableFileNamedAloneIsOneLineAndExitTwo() throws Exception {
        Path locked = file(dir.resolve("locked.job.json"), "{}", "---------");
        Processes.Result r = hubjobs("validate", locked.getFileName().toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.USAGE);
        assertThat(r.err().lines()).hasSize(1).first().asString().contains("cannot read");
    }

    @Test
    void anUnreadableFileInADirectoryIsOneFindingAndTheOthersAreFixed() throws Exception {
        Path locked = file(dir.resolve("a-locked.job.json"), ValidateCommandTest.job("'reboot'"), "---------");
        Path other = file(dir.resolve("b-other.job.json"), ValidateCommandTest.job("'reboot'"), "rw-rw-rw-");
        // Run in the directory: the report names files as the user named them.
        Processes.Result r = hubjobs("validate", "--fix", ".");
        assertThat(r.out().lines())
                .filteredOn(l -> l.startsWith(locked.getFileName().toString()))
                .containsExactly("a-locked.job.json:1:1: error: cannot read file: permission denied [HJ005]");
        assertThat(r.err()).isEqualTo("fixed: b-other.job.json: 1 edit (HJ002)\n");
        assertThat(Files.readString(other)).contains("\"reboot\"");
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
    }

    @Test
    void aFileThatCannotBeReplacedIsAUsageErrorAndStaysAsItWas() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("ro"));
        Path job = file(sub.resolve("a.job.json"), "{'a': 1}", "rw-rw-rw-");
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Processes.Result r = hubjobs("validate", "--fix", job.toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(Main.USAGE);
            assertThat(r.err()).startsWith("hubjobs: cannot write ").doesNotContain("Exception\n\tat");
            assertThat(Files.readString(job)).isEqualTo("{'a': 1}");
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
    }
}
