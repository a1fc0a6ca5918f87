package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    static final String FIXTURES = "src/test/resources/fixtures/";
    static final String GOOD = FIXTURES + "good.job.json";
    static final String JSON5 = FIXTURES + "json5.job.json";
    static final String WARNINGS = FIXTURES + "warnings.job.json";

    /** A complete method job; {@code methodName} is the literal text, e.g. {@code 'reboot'} for one HJ002. */
    static String job(String methodName) {
        return "{\"jobId\": \"j1\", \"type\": \"scheduleDeviceMethod\", \"queryCondition\": \"tags.a = 1\",\n"
                + " \"cloudToDeviceMethod\": {\"methodName\": " + methodName + "}}\n";
    }

    @Test
    void cleanFileExitsZeroWithSummaryOnly() {
        Cli.Result r = Cli.run("validate", GOOD);
        assertThat(r.exit()).isEqualTo(Main.OK);
        assertThat(r.out()).isEqualTo("1 files, 0 errors, 0 warnings\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void errorsArePrintedGccStyleWithExactPositionsAndExitOne() {
        Cli.Result r = Cli.run("validate", JSON5);
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
        assertThat(r.out().lines())
                .containsExactly(
                        JSON5 + ":2:3: error: unquoted key 'jobId'; JSON keys must be in double quotes [HJ002]",
                        JSON5 + ":2:10: error: single-quoted string; JSON strings must be in double quotes [HJ002]",
                        JSON5 + ":5:71: error: trailing comma; JSON does not allow a comma before '}' [HJ002]",
                        JSON5 + ":5:73: error: trailing comma; JSON does not allow a comma before '}' [HJ002]",
                        JSON5 + ":5:75: error: trailing comma; JSON does not allow a comma before '}' [HJ002]",
                        JSON5 + ":5:77: error: trailing comma; JSON does not allow a comma before '}' [HJ002]",
                        "1 files, 6 errors, 0 warnings");
    }

    @Test
    void columnsCountUtf16CodeUnits() {
        // HJ103 (tag.floor) is an error in a condition (docs/decisions.md); warnings alone exit 0
        // (EverydayOptionsTest).
        Cli.Result r = Cli.run("validate", WARNINGS);
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
        // The emoji before 'tag' is two UTF-16 code units: column 50, not 49.
        assertThat(r.out().lines().toList()).first().asString().startsWith(WARNINGS + ":4:50: error: ");
        assertThat(r.out()).contains(WARNINGS + ":4:62: info: ").endsWith("1 files, 1 errors, 0 warnings\n");
    }

    @Test
    void severalFilesAreReportedInCommandLineOrderAndCountedOnce() {
        Cli.Result r = Cli.run("validate", WARNINGS, JSON5, GOOD, JSON5);
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith(WARNINGS);
        assertThat(lines.get(2)).startsWith(JSON5);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("3 files, 7 errors, 0 warnings");
    }

    @Test
    void missingPathIsOneLineAndExitTwo() {
        Cli.Result r = Cli.run("validate", GOOD, "no/such.job.json");
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("hubjobs: no such file or directory: no/such.job.json\n");
    }

    @Test
    void wrongOptionIsUsageErrorWithoutStackTrace() {
        Cli.Result r = Cli.run("validate", "--format", "xml", GOOD);
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .startsWith("hubjobs: Invalid value for option '--format'")
                .doesNotContain("Exception");
        assertThat(Cli.run("validate").exit()).isEqualTo(Main.USAGE);
    }

    @Test
    void standardInputIsShownAsStdin() {
        Cli.Result r = Cli.runWithStdin("{\"jobId\": 'x'}", "validate", "-");
        assertThat(r.out().lines())
                .contains("<stdin>:1:11: error: single-quoted string; JSON strings must be in double quotes [HJ002]");
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
    }

    @Test
    void standardInputOverTheSizeLimitIsOneFindingNotAnOutOfMemoryError() {
        byte[] huge = new byte[dev.hubjobs.json.JsonDocumentParser.MAX_SIZE + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = Main.run(
                new String[] {"validate", "-"},
                new java.io.ByteArrayInputStream(huge),
                new java.io.PrintWriter(out),
                new java.io.PrintWriter(new java.io.StringWriter()));
        assertThat(out.toString())
                .startsWith("<stdin>:1:1: error: the document is over 4194304 bytes; the limit is 4194304 bytes")
                .contains("[HJ005]");
        assertThat(exit).isEqualTo(Main.FINDINGS);
    }

    @Test
    void fixCannotRewriteStandardInput() {
        Cli.Result r = Cli.runWithStdin("{}", "validate", "--fix", "-");
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--fix").contains("standard input");
    }

    @Test
    void directoriesAreWalkedInAStableOrderSkippingBuildAndVcsDirectories(@TempDir Path dir) throws IOException {
        String bad = job("'reboot'");
        for (String p : List.of(
                "b/z.job.json",
                "b/a.job.json",
                "a.job.json",
                "c/d/e.job.json",
                "notajob.json",
                ".git/x.job.json",
                "node_modules/m/x.job.json",
                "target/x.job.json",
                "c/target/y.job.json")) {
            Path file = dir.resolve(p);
            Files.createDirectories(file.getParent());
            Files.writeString(file, bad);
        }
        Cli.Result r = Cli.run("validate", dir.toString());
        assertThat(r.out()
                        .lines()
                        .filter(l -> l.contains(": error: "))
                        .map(l -> l.substring(0, l.indexOf(':')))
                        .map(p -> dir.relativize(Path.of(p)).toString()))
                .containsExactly("a.job.json", "b/a.job.json", "b/z.job.json", "c/d/e.job.json");
        assertThat(r.out()).endsWith("4 files, 4 errors, 0 warnings\n");
    }

    @Test
    void filesIgnoredByGitAreSkippedWhenWalkingARepository(@TempDir Path dir) throws Exception {
        dev.hubjobs.testing.Prerequisites.require(gitAvailable(), "git is not installed");
        assertThat(new ProcessBuilder("git", "init", "-q", dir.toString())
                        .inheritIO()
                        .start()
                        .waitFor())
                .isZero();
        Files.writeString(dir.resolve(".gitignore"), "generated/\n");
        Files.createDirectories(dir.resolve("generated"));
        Files.writeString(dir.resolve("generated/x.job.json"), job("'reboot'"));
        Files.writeString(dir.resolve("kept.job.json"), job("'reboot'"));
        Cli.Result r = Cli.run("validate", dir.toString());
        assertThat(r.out()).contains("kept.job.json").doesNotContain("generated");
        // Named explicitly, an ignored file is still checked.
        assertThat(Cli.run("validate", dir.resolve("generated/x.job.json").toString())
                        .exit())
                .isEqualTo(1);
    }

    @Test
    void ignoreRulesAreReadWithoutRunningGitOrCommandsFromTheRepositorysConfiguration(
            @TempDir Path dir, @TempDir Path outside) throws Exception {
        dev.hubjobs.testing.Prerequisites.require(gitAvailable(), "git is not installed");
        Processes.git(dir, "init", "-q");
        // git runs core.fsmonitor for any command that reads the index, check-ignore included.
        Path marker = outside.resolve("fsmonitor-ran");
        Processes.git(dir, "config", "core.fsmonitor", "touch '" + marker + "'; false");
        Files.writeString(dir.resolve(".gitignore"), "*.gen.job.json\nbuild/\n!build/keep.job.json\n");
        Files.writeString(dir.resolve(".git/info/exclude"), "local/\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/.gitignore"), "!special.gen.job.json\n*.tmp.job.json\n");
        Files.createDirectories(dir.resolve("docs/deep"));
        Files.writeString(dir.resolve("docs/.gitignore"), "/anchored.job.json\n");
        for (String p : List.of(
                "a.gen.job.json",
                "keep.job.json",
                "build/keep.job.json",
                "build/x.job.json",
                "local/y.job.json",
                "sub/special.gen.job.json",
                "sub/other.gen.job.json",
                "sub/z.tmp.job.json",
                "docs/anchored.job.json",
                "docs/deep/anchored.job.json")) {
            Files.createDirectories(dir.resolve(p).getParent());
            Files.writeString(dir.resolve(p), job("'reboot'"));
        }

        Cli.Result r = Cli.run("validate", dir.toString());

        // What `git check-ignore` answers for each of these files.
        assertThat(r.out()
                        .lines()
                        .filter(l -> l.contains(": error: "))
                        .map(l -> l.substring(0, l.indexOf(':')))
                        .map(p -> dir.relativize(Path.of(p)).toString()))
                .containsExactly("docs/deep/anchored.job.json", "keep.job.json", "sub/special.gen.job.json");
        assertThat(Cli.run("validate", dir.resolve("build").toString()).out())
                .isEqualTo("0 files, 0 errors, 0 warnings\n");
        assertThat(Cli.run("validate", dir.resolve("sub").toString()).out())
                .contains("special.gen.job.json")
                .doesNotContain("other.gen.job.json")
                .doesNotContain("z.tmp.job.json");
        assertThat(marker).doesNotExist();
    }

    @Test
    void configurationFileProblemsAreReportedOnceAsFindingsOfThatFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".hubjobs.json"), "{\"rules\": {\"HJ999\": \"off\", \"HJ112\": \"off\"}}");
        Files.copy(Path.of(WARNINGS), dir.resolve("one.job.json"));
        Files.copy(Path.of(WARNINGS), dir.resolve("two.job.json"));
        Cli.Result r = Cli.run("validate", dir.toString());
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo(dir.resolve(".hubjobs.json") + ":1:12: error: unknown rule code 'HJ999' [HJ003]");
        assertThat(lines).filteredOn(l -> l.contains("HJ003")).hasSize(1);
        assertThat(lines).noneMatch(l -> l.contains("HJ112"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("2 files, 3 errors, 0 warnings");
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
    }

    @Test
    void aConfigurationAboveTheRepositoryDoesNotApplyAndNoneTurnsSyntaxErrorsOff(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".hubjobs.json"), "{\"rules\": {\"HJ002\": \"off\"}}");
        Path repo = Files.createDirectories(dir.resolve("repo/.git")).getParent();
        Files.writeString(repo.resolve("a.job.json"), job("'reboot'"));
        Cli.Result above = Cli.run("validate", repo.toString());
        assertThat(above.out()).contains("[HJ002]").endsWith("1 files, 1 errors, 0 warnings\n");
        assertThat(above.exit()).isEqualTo(Main.FINDINGS);

        Files.writeString(repo.resolve(".hubjobs.json"), "{\"rules\": {\"HJ001\": \"off\"}}");
        Files.writeString(repo.resolve("a.job.json"), "{\"jobId\" \"j1\"}");
        Cli.Result inside = Cli.run("validate", repo.toString());
        assertThat(inside.out().lines())
                .first()
                .asString()
                .isEqualTo(
                        repo.resolve(".hubjobs.json")
                                + ":1:21: error: HJ001 cannot be turned off or lowered: it means the file is not a job at all [HJ003]");
        assertThat(inside.out())
                .contains(repo.resolve("a.job.json") + ":1:10: error: ")
                .contains("[HJ001]");
        assertThat(inside.exit()).isEqualTo(Main.FINDINGS);
    }

    @Test
    void explicitConfigurationFileReplacesTheOneFoundAboveTheFiles(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("strict.json"), "{\"rules\": {\"HJ103\": \"error\"}}");
        Cli.Result r = Cli.run("validate", "--config", config.toString(), WARNINGS);
        assertThat(r.out()).contains(":4:50: error: unknown property path root 'tag'");
        assertThat(r.exit()).isEqualTo(Main.FINDINGS);
        Cli.Result missing =
                Cli.run("validate", "--config", dir.resolve("none.json").toString(), WARNINGS);
        assertThat(missing.exit()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).startsWith("hubjobs: cannot read configuration file");
    }

    @Test
    void helpHasExamplesAndVersionIsPrinted() {
        Cli.Result help = Cli.run("validate", "--help");
        assertThat(help.exit()).isEqualTo(Main.OK);
        assertThat(help.out())
                .contains("Examples:")
                .contains("--format")
                .contains("--fix")
                .contains("--config");
        assertThat(Cli.run("--help").out())
                .contains("validate")
                .contains("rules")
                .contains("Examples:");
        Cli.Result none = Cli.run();
        assertThat(none.exit()).isEqualTo(Main.USAGE);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).startsWith("Usage: hubjobs");
        Cli.Result version = Cli.run("--version");
        assertThat(version.out()).startsWith("hubjobs ");
        assertThat(version.exit()).isEqualTo(Main.OK);
    }

    static boolean gitAvailable() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
