package dev.hubjobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .hubjobs.json}: found by walking up, and every setting it can hold. */
class ConfigurationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);

    /** A method job with two findings: HJ206 at the '_' of the id and HJ301 at the space of the method name. */
    private static final String JOB = """
            {
              "jobId": "reboot_b43",
              "type": "scheduleDeviceMethod",
              "queryCondition": "*",
              "cloudToDeviceMethod": {"methodName": "re boot"}
            }
            """;

    @TempDir
    Path tmp;

    private final JobValidator validator = JobValidator.builder().clock(CLOCK).build();

    private Path write(String relative, String text) throws IOException {
        Path file = tmp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static List<String> codes(ValidationResult result) {
        return result.diagnostics().stream()
                .map(d -> d.code() + ":" + d.severity().label())
                .toList();
    }

    @Test
    void withoutConfigurationDefaultsApply() throws IOException {
        Path job = write("a/b/job.job.json", JOB);
        assertThat(ConfigFile.find(job)).isEmpty();
        assertThat(codes(validator.validate(job))).containsExactly("HJ206:error", "HJ301:warning");
    }

    @Test
    void configurationIsFoundByWalkingUpAndHonouredByValidatePath() throws IOException {
        Path config = write(".hubjobs.json", "{\"rules\": {\"HJ301\": \"info\", \"HJ206\": \"off\"}}");
        Path job = write("a/b/job.job.json", JOB);

        assertThat(ConfigFile.find(job)).contains(config.toAbsolutePath().normalize());
        assertThat(codes(validator.validate(job))).containsExactly("HJ301:info");
    }

    @Test
    void nearestConfigurationWins() throws IOException {
        write(".hubjobs.json", "{\"rules\": {\"HJ206\": \"off\"}}");
        Path inner = write("a/.hubjobs.json", "{\"rules\": {\"HJ206\": \"info\"}}");
        Path job = write("a/b/job.job.json", JOB);

        assertThat(ConfigFile.find(job)).contains(inner.toAbsolutePath().normalize());
        assertThat(codes(validator.validate(job))).containsExactly("HJ206:info", "HJ301:warning");
    }

    @Test
    void severityOverrideReplacesASeverityChosenPerFinding() throws IOException {
        // HJ209 reports 0 as a warning by itself; the configuration decides over that.
        write(".hubjobs.json", "{\"rules\": {\"HJ209\": \"error\"}}");
        Path job = write("job.job.json", """
                {"jobId": "j1", "type": "scheduleDeviceMethod", "queryCondition": "*",
                 "cloudToDeviceMethod": {"methodName": "reboot"}, "maxExecutionTimeInSeconds": 0}
                """);
        assertThat(codes(validator.validate(job))).containsExactly("HJ209:error");
        assertThat(codes(JobValidator.builder()
                        .clock(CLOCK)
                        .config(ValidatorConfig.DEFAULT)
                        .build()
                        .validate(job)))
                .containsExactly("HJ209:warning");
    }

    @Test
    void parserCodesCanBeConfiguredToo() throws IOException {
        write(".hubjobs.json", "{\"rules\": {\"HJ002\": \"off\"}}");
        Path job = write("job.job.json", """
                {"jobId": "j1", "type": "scheduleDeviceMethod", "queryCondition": "*",
                 "cloudToDeviceMethod": {"methodName": "reboot",},}
                """);
        assertThat(codes(validator.validate(job))).isEmpty();
    }

    @Test
    void limitsOverride() throws IOException {
        write(".hubjobs.json", "{\"limits\": {\"maxJobIdLength\": 8, \"maxTwinDepth\": 1}}");
        Path job = write("job.job.json", """
                {"jobId": "twelve-chars", "type": "scheduleUpdateTwin", "queryCondition": "*",
                 "updateTwin": {"etag": "*", "tags": {"a": {"b": {"c": 1}}}}}
                """);
        ValidationResult result = validator.validate(job);
        assertThat(codes(result)).containsExactly("HJ206:error", "HJ305:error");
        assertThat(result.diagnostics().get(0).message()).contains("limit is 8");
    }

    @Test
    void unknownCodeIsHj003AtTheKeyAndTheRestStillApplies() throws IOException {
        Path config = write(".hubjobs.json", """
                {
                  "rules": {
                    "HJ206": "off",
                    "HJ999": "warning"
                  }
                }
                """);
        ConfigFile.Loaded loaded = ConfigFile.load(config, Rules::isKnown);

        assertThat(loaded.diagnostics()).hasSize(1);
        Diagnostic d = loaded.diagnostics().get(0);
        assertThat(d.code()).isEqualTo("HJ003");
        assertThat(d.message()).contains("HJ999");
        assertThat(loaded.lines().humanPosition(d.span().start())).hasToString("4:5");
        assertThat(loaded.lines().humanPosition(d.span().end())).hasToString("4:12");
        assertThat(loaded.config().off()).containsExactly("HJ206");

        Path job = write("job.job.json", JOB);
        assertThat(codes(validator.validate(job))).containsExactly("HJ301:warning");
        assertThat(validator.configFor(job))
                .get()
                .extracting(l -> l.diagnostics().size())
                .isEqualTo(1);
    }

    @Test
    void badSeverityIsHj003AtTheValue() throws IOException {
        Path config = write(".hubjobs.json", "{\"rules\": {\"HJ301\": \"loud\", \"HJ206\": 1}}");
        ConfigFile.Loaded loaded = ConfigFile.load(config, Rules::isKnown);

        assertThat(loaded.diagnostics()).extracting(Diagnostic::code).containsExactly("HJ003", "HJ003");
        assertThat(loaded.diagnostics())
                .extracting(x -> x.span().textOf(loaded.text()))
                .containsExactly("\"loud\"", "1");
        assertThat(loaded.config().severities()).isEmpty();
        assertThat(loaded.config().off()).isEmpty();
    }

    @Test
    void badLimitAndUnknownSettingAreHj003() throws IOException {
        Path config = write(".hubjobs.json", "{\"limits\": {\"maxJobIdLength\": -1, \"maxFoo\": 3}, \"rulez\": {}}");
        ConfigFile.Loaded loaded = ConfigFile.load(config, Rules::isKnown);

        assertThat(loaded.diagnostics())
                .extracting(x -> x.span().textOf(loaded.text()))
                .containsExactly("-1", "\"maxFoo\"", "\"rulez\"");
        assertThat(loaded.config().limits()).isEqualTo(Limits.DEFAULT);
    }

    @Test
    void textStandingForAFileGetsThatFilesConfiguration() throws IOException {
        write("a/.hubjobs.json", "{\"rules\": {\"HJ206\": \"off\"}}");
        Path unsaved = tmp.resolve("a/b/unsaved.job.json"); // never written: an editor's buffer
        assertThat(codes(validator.validate(unsaved, JOB))).containsExactly("HJ301:warning");
        assertThat(codes(validator.validate(
                        unsaved,
                        new java.io.ByteArrayInputStream(JOB.getBytes(java.nio.charset.StandardCharsets.UTF_8)))))
                .containsExactly("HJ301:warning");
        assertThat(codes(validator.validate(tmp.resolve("elsewhere.job.json"), JOB)))
                .containsExactly("HJ206:error", "HJ301:warning");
    }

    @Test
    void brokenConfigurationJsonIsHj003AndValidationGoesOn() throws IOException {
        write(".hubjobs.json", "{\"rules\": {\"HJ206\": \"off\",}");
        Path job = write("job.job.json", JOB);
        ConfigFile.Loaded loaded = validator.configFor(job).orElseThrow();
        assertThat(loaded.diagnostics()).isNotEmpty().allMatch(d -> d.code().equals("HJ003"));
        assertThat(codes(validator.validate(job))).contains("HJ301:warning");
    }

    @Test
    void explicitConfigurationIgnoresFiles() throws IOException {
        write(".hubjobs.json", "{\"rules\": {\"HJ206\": \"off\", \"HJ301\": \"off\"}}");
        Path job = write("job.job.json", JOB);
        JobValidator explicit = JobValidator.builder()
                .clock(CLOCK)
                .config(ValidatorConfig.DEFAULT)
                .build();
        assertThat(codes(explicit.validate(job))).containsExactly("HJ206:error", "HJ301:warning");
        assertThat(explicit.configFor(job)).isEmpty();
    }

    @Test
    void characterSetReportsTwinKeyCharactersWhenTwinKeyFormatIsOff() throws IOException {
        Path job = write("job.job.json", """
                {"jobId": "j1", "type": "scheduleUpdateTwin", "queryCondition": "*",
                 "updateTwin": {"etag": "*", "tags": {"site name": "b43"}}}
                """);
        assertThat(codes(validator.validate(job))).containsExactly("HJ304:error");
        write(".hubjobs.json", "{\"rules\": {\"HJ304\": \"off\"}}");
        ValidationResult result = JobValidator.builder().clock(CLOCK).build().validate(job);
        assertThat(codes(result)).containsExactly("HJ301:warning");
        assertThat(result.diagnostics().get(0).span().textOf(result.text())).isEqualTo(" ");
    }

    @Test
    void theSearchStopsAtTheWorkTreeRootWhoseOwnConfigurationCounts() throws IOException {
        write(".hubjobs.json", "{\"rules\": {\"HJ206\": \"off\", \"HJ301\": \"off\"}}");
        Files.createDirectories(tmp.resolve("repo/.git"));
        Path job = write("repo/a/job.job.json", JOB);
        assertThat(ConfigFile.find(job)).isEmpty();
        assertThat(codes(validator.validate(job))).containsExactly("HJ206:error", "HJ301:warning");

        Path inRoot = write("repo/.hubjobs.json", "{\"rules\": {\"HJ206\": \"off\"}}");
        assertThat(ConfigFile.find(job)).contains(inRoot.toAbsolutePath().normalize());
        // A linked work tree or a submodule has a .git file: its root is a boundary as well.
        write("repo/sub/.git", "gitdir: ../.git/modules/sub\n");
        assertThat(ConfigFile.find(write("repo/sub/x/job.job.json", JOB))).isEmpty();
    }

    @Test
    void outsideAWorkTreeADirectoryOthersCanWriteToEndsTheSearch() throws IOException {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        write("shared/.hubjobs.json", "{\"rules\": {\"HJ206\": \"off\"}}");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path job = write("shared/project/jobs/job.job.json", JOB);
        assertThat(ConfigFile.find(job)).isEmpty();
        assertThat(codes(validator.validate(job))).containsExactly("HJ206:error", "HJ301:warning");

        Path own = write("shared/project/.hubjobs.json", "{}");
        assertThat(ConfigFile.find(job)).contains(own.toAbsolutePath().normalize());
        // A directory the walk up has not reached yet (an editor's unsaved file) holds nothing and is passed.
        assertThat(ConfigFile.findFrom(tmp.resolve("shared/project/new/dir").toAbsolutePath()))
                .contains(own.toAbsolutePath().normalize());
    }

    @Test
    void outsideAWorkTreeAnotherUsersDirectoryEndsTheSearch() throws IOException {
        write(".hubjobs.json", "{\"rules\": {\"HJ206\": \"off\"}}");
        Path theirs = Files.createDirectories(tmp.resolve("theirs"));
        Path job = write("theirs/mine/job.job.json", JOB);
        try {
            Files.setOwner(
                    theirs,
                    theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("cannot give a directory to another user: " + e);
        }
        assertThat(ConfigFile.find(job)).isEmpty();
        assertThat(ConfigFile.find(tmp.resolve("job.job.json"))).isPresent();
    }

    @Test
    void findingsThatMeanTheInputIsNoJobCannotBeTurnedOffOrLowered() throws IOException {
        Path config = write(
                ".hubjobs.json",
                "{\"rules\": {\"HJ001\": \"off\", \"HJ005\": \"warning\", \"HJ002\": \"off\", \"HJ004\": \"error\"}}");
        ConfigFile.Loaded loaded = ConfigFile.load(config, Rules::isKnown);
        assertThat(loaded.diagnostics())
                .extracting(d -> d.code() + " " + d.span().textOf(loaded.text()))
                .containsExactly("HJ003 \"off\"", "HJ003 \"warning\"");
        assertThat(loaded.diagnostics().get(0).message())
                .isEqualTo("HJ001 cannot be turned off or lowered: it means the file is not a job at all");
        assertThat(loaded.config().off()).containsExactly("HJ002");

        Path job = write("job.job.json", "{\"jobId\" \"j1\", 'type': 1}");
        assertThat(codes(validator.validate(job))).contains("HJ001:error").doesNotContain("HJ002:error");
        // Nor can a configuration made in code.
        ValidatorConfig inCode = new ValidatorConfig(Map.of("HJ005", Severity.INFO), Set.of("HJ001"), Limits.DEFAULT);
        assertThat(inCode.severity("HJ001", Severity.ERROR)).contains(Severity.ERROR);
        assertThat(inCode.severity("HJ005", Severity.ERROR)).contains(Severity.ERROR);
    }
}
