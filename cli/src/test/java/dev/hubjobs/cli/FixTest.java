package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixTest {

    @TempDir
    Path dir;

    @Test
    void fixesQuotesKeysAndTrailingCommasThenReportsWhatIsLeft() throws IOException {
        Path file = dir.resolve("json5.job.json");
        Files.copy(Path.of(ValidateCommandTest.JSON5), file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        Cli.Result r = Cli.run("validate", "--fix", file.toString());

        assertThat(r.err()).isEqualTo("fixed: " + file + ": 6 edits (HJ002)\n");
        assertThat(Files.readString(file)).isEqualTo("""
                {
                  "jobId": "firmware-1",
                  "type": "scheduleUpdateTwin",
                  "queryCondition": "tags.building = '43'",
                  "updateTwin": {"etag": "*", "properties": {"desired": {"fw": "1.2.0"}}}
                }
                """);
        assertThat(r.out()).isEqualTo("1 files, 0 errors, 0 warnings\n");
        assertThat(r.exit()).isEqualTo(Main.OK);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r-----");
        assertThat(leftovers()).isEmpty();

        Cli.Result again = Cli.run("validate", "--fix", file.toString());
        assertThat(again.err()).isEmpty();
    }

    @Test
    void unfixableFindingsStayAndOnlySafeFixesAreApplied() throws IOException {
        Path file = dir.resolve("mixed.job.json");
        // A trailing comma (safe fix) next to a missing colon (no fix).
        Files.writeString(file, "{\"jobId\" \"x\", \"type\": 'scheduleDeviceMethod',}");
        Cli.Result r = Cli.run("validate", "--fix", file.toString());
        assertThat(r.err()).startsWith("fixed: " + file + ": 2 edits (HJ002)");
        assertThat(Files.readString(file)).isEqualTo("{\"jobId\" \"x\", \"type\": \"scheduleDeviceMethod\"}");
        assertThat(r.out()).contains("[HJ001]");
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
    }

    @Test
    void aSyntaxFixThatWouldMakeABrokenDocumentWorseIsLeftOut() throws IOException {
        // The parser offers to drop the ',' after "jobId"; that would lose "type" instead (a new error).
        String broken = "{\"jobId\", \"type\": \"scheduleDeviceMethod\", \"queryCondition\": \"*\",\n"
                + " \"cloudToDeviceMethod\": {\"methodName\": %s}}\n";
        Path file = Files.writeString(dir.resolve("broken.job.json"), broken.formatted("'m'"));
        Cli.Result r = Cli.run("validate", "--fix", file.toString());
        assertThat(r.err()).isEqualTo("fixed: " + file + ": 1 edit (HJ002)\n");
        assertThat(Files.readString(file)).isEqualTo(broken.formatted("\"m\""));
        assertThat(r.out()).contains("[HJ001]").doesNotContain("[HJ002]");
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);

        Cli.Result again = Cli.run("validate", "--fix", file.toString());
        assertThat(again.err()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(broken.formatted("\"m\""));
    }

    @Test
    void aHundredThousandFixesTakeTimeLinearInTheirNumber() throws IOException {
        // 160,000 single-quoted strings: applying their fixes took quadratic time, a minute here.
        String values = String.join(",", java.util.Collections.nCopies(160_000, "'a'"));
        Path file = Files.writeString(
                dir.resolve("many.job.json"),
                "{\"jobId\": \"j1\", \"type\": \"scheduleUpdateTwin\","
                        + " \"queryCondition\": \"*\",\n \"updateTwin\": {\"etag\": \"*\", \"tags\": {\"t\": [" + values
                        + "]}}}\n");
        long start = System.nanoTime();
        Cli.Result r = Cli.run("validate", "--fix", file.toString());
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertThat(r.err()).isEqualTo("fixed: " + file + ": 160000 edits (HJ002)\n");
        assertThat(Files.readString(file)).contains("[\"a\",\"a\",").doesNotContain("'");
        // What is left are the twin's size limits, which have no fix.
        assertThat(r.out()).doesNotContain("[HJ002]").endsWith("[HJ306]\n1 files, 2 errors, 0 warnings\n");
        assertThat(seconds).isLessThan(20);
    }

    @Test
    void fixesThatWouldTakeTheFileOverTheSizeLimitAreNotAppliedAndTheUserIsToldWhy() throws IOException {
        // 240,000 unquoted strings of ten letters (under the tolerant parser's 500,000 tokens):
        // quoted, the 3.74 MB file would grow by 480,000 characters, past the 4 MB limit.
        String values = String.join(",", java.util.Collections.nCopies(240_000, "abcdefghij"));
        String padding = "x".repeat(1_100_000);
        Path file = Files.writeString(
                dir.resolve("near-limit.job.json"),
                "{\"jobId\": \"j1\", \"type\": \"scheduleUpdateTwin\", \"queryCondition\": \"*\",\n"
                        + " \"updateTwin\": {\"etag\": \"*\", \"tags\": {\"p\": \"" + padding + "\", \"t\": [" + values
                        + "]}}}\n");
        String before = Files.readString(file);
        Cli.Result r = Cli.run("validate", "--fix", file.toString());
        assertThat(r.err())
                .startsWith("hubjobs: " + file + ": the safe fixes were not applied: they would make a new error:"
                        + " the document is ")
                .endsWith("; the limit is 4194304 bytes (4 MB) [HJ005]\n");
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(r.out()).contains("unquoted string 'abcdefghij'");
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
    }

    @Test
    void aFileOverTheSizeLimitIsReportedWithoutBeingReadAndTheOthersAreFixed() throws IOException {
        Path huge = dir.resolve("huge.job.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30); // 3 GiB, sparse: reading it whole was an OutOfMemoryError
        }
        Path small = Files.writeString(dir.resolve("small.job.json"), ValidateCommandTest.job("'reboot'"));
        Cli.Result r = Cli.run("validate", "--fix", dir.toString());
        assertThat(r.out())
                .startsWith(huge + ":1:1: error: the document is 3221225472 bytes; the limit is "
                        + dev.hubjobs.json.JsonDocumentParser.MAX_SIZE + " bytes (4 MB) [HJ005]\n");
        assertThat(r.err()).isEqualTo("fixed: " + small + ": 1 edit (HJ002)\n");
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
    }

    @Test
    void aNamedSymbolicLinkIsValidatedButNeverFixedThroughTheLink() throws IOException {
        Path target = Files.writeString(dir.resolve("real.job.json"), ValidateCommandTest.job("'reboot'"));
        Path link = Files.createSymbolicLink(dir.resolve("link.job.json"), target.getFileName());
        Cli.Result r = Cli.run("validate", "--fix", link.toString());
        assertThat(r.err())
                .isEqualTo(
                        "hubjobs: not fixed: " + link + ": symbolic link (fixes are never written through a link)\n");
        assertThat(r.out()).contains(link + ":2:40: error: single-quoted string");
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo(ValidateCommandTest.job("'reboot'"));
    }

    @Test
    void aWalkNeverReadsNorFixesFilesOutsideTheDirectoryThroughLinks() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        String secret = "{\"jobId\": 'secret-token-1234'}";
        Path creds = Files.writeString(outside.resolve("creds.txt"), secret);
        Path tree = Files.createDirectories(dir.resolve("a"));
        Files.createSymbolicLink(tree.resolve("creds.job.json"), Path.of("../outside/creds.txt"));
        Path real = Files.writeString(tree.resolve("real.job.json"), ValidateCommandTest.job("'reboot'"));
        Path inner = Files.createSymbolicLink(tree.resolve("inner.job.json"), real.getFileName());

        Cli.Result r = Cli.run("validate", "--fix", tree.toString());

        assertThat(r.err().lines())
                .containsExactly(
                        "hubjobs: skipped " + tree.resolve("creds.job.json") + ": symbolic link to a file outside "
                                + tree + "/",
                        "hubjobs: not fixed: " + inner + ": symbolic link (fixes are never written through a link)",
                        "fixed: " + real + ": 1 edit (HJ002)");
        assertThat(r.out())
                .doesNotContain("secret")
                .doesNotContain("creds")
                .endsWith("2 files, 0 errors, 0 warnings\n");
        assertThat(Files.readString(creds)).isEqualTo(secret);
        assertThat(Files.isSymbolicLink(inner)).isTrue();
        assertThat(Files.readString(real)).isEqualTo(ValidateCommandTest.job("\"reboot\""));
    }

    @Test
    void atomicWritesRefuseSymbolicLinks() throws IOException {
        Path target = Files.writeString(dir.resolve("target.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.job.json"), target);
        assertThatThrownBy(() -> AtomicFile.write(link, "new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("symbolic link");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOriginalIntact() throws IOException {
        Path file = Files.writeString(dir.resolve("a.job.json"), "{'original': true}");
        byte[] replacement = "{\"replacement\": true, \"padding\": \"0123456789\"}".getBytes(StandardCharsets.UTF_8);
        AtomicFile.ByteWriter halfThenFail = (OutputStream out, byte[] bytes) -> {
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            throw new IOException("disk full");
        };
        assertThatThrownBy(() -> AtomicFile.write(file, replacement, halfThenFail))
                .hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("{'original': true}");
        assertThat(leftovers()).isEmpty();

        AtomicFile.write(file, replacement);
        assertThat(Files.readAllBytes(file)).isEqualTo(replacement);
    }

    @Test
    void aRunStoppedInTheMiddleOfAWriteLeavesNoTemporaryFileAndTheOriginalIntact() throws IOException {
        Path file = Files.writeString(dir.resolve("a.job.json"), "{'original': true}");
        AtomicFile.TemporaryFiles temporary = new AtomicFile.TemporaryFiles();
        AtomicFile.ByteWriter stoppedHalfWay = (OutputStream out, byte[] bytes) -> {
            out.write(bytes, 0, bytes.length / 2);
            assertThat(leftovers()).hasSize(1);
            temporary.close(); // what the shutdown hook does on SIGINT or SIGTERM
            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
        };
        byte[] replacement = "{\"replacement\": true}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AtomicFile.write(file, replacement, stoppedHalfWay, temporary))
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(file)).isEqualTo("{'original': true}");
        assertThat(leftovers()).isEmpty();
        assertThatThrownBy(() -> AtomicFile.write(file, replacement, OutputStream::write, temporary))
                .hasMessage("stopped");
        assertThat(leftovers()).isEmpty();
    }

    private Stream<Path> leftovers() throws IOException {
        return Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".tmp")).toList().stream();
    }
}
