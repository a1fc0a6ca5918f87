package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the shaded jar as users do: {@code java -jar hubjobs.jar ...} in its own JVM. */
class ShadedJarIT {

    static Processes.Result hubjobs(String stdin, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Processes.jar().toString()));
        command.addAll(List.of(args));
        return Processes.run(Path.of("").toAbsolutePath(), Map.of(), stdin, command);
    }

    @Test
    void validatesFilesWithTheContractTextAndExitCode() throws Exception {
        Processes.Result r = hubjobs(null, "validate", ValidateCommandTest.JSON5, ValidateCommandTest.GOOD);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out())
                .startsWith(ValidateCommandTest.JSON5
                        + ":2:3: error: unquoted key 'jobId'; JSON keys must be in double quotes [HJ002]\n");
        assertThat(r.out()).endsWith("2 files, 6 errors, 0 warnings\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void readsStandardInputAndExitsZeroWhenClean() throws Exception {
        Processes.Result r = hubjobs(
                "{\"jobId\": \"a\", \"type\": \"scheduleDeviceMethod\", \"queryCondition\": \"*\","
                        + " \"cloudToDeviceMethod\": {\"methodName\": \"reboot\"}}",
                "validate",
                "-");
        assertThat(r.out()).isEqualTo("1 files, 0 errors, 0 warnings\n");
        assertThat(r.exit()).isZero();
    }

    @Test
    void aMissingFileIsOneLineOnStderrAndExitTwo() throws Exception {
        Processes.Result r = hubjobs(null, "validate", "missing.job.json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("hubjobs: no such file or directory: missing.job.json\n");
    }

    @Test
    void printsItsVersionAndTheRules() throws Exception {
        assertThat(hubjobs(null, "--version").out()).startsWith("hubjobs ");
        assertThat(hubjobs(null, "rules").out()).contains("HJ002  error    JsonNonStandard");
    }

    @Test
    void parseReportsHj012AtItsColumnAndExitsWithOne() throws Exception {
        Processes.Result r = hubjobs(null, "parse", "--condition", "deviceId IN ('a','b')");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines())
                .anySatisfy(line ->
                        assertThat(line).startsWith("<query>:1:13: error:").contains("[HJ012]"));
    }

    @Test
    void parsePrintsTheCanonicalFormOfAValidConditionAndExitsZero() throws Exception {
        Processes.Result r = hubjobs(null, "parse", "--condition", "deviceId in ['a', 'b']");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("deviceId IN ['a', 'b']");
    }
}
