package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate --fleet FILE [--tier T --units N]} turns the fleet rules (HJ4xx) on. */
class ValidateFleetTest {

    private static final String FLEET = "src/test/resources/dryrun/fleet.ndjson";

    private static Path job(Path dir, String condition, int maxSeconds) throws Exception {
        Path job = dir.resolve("a.job.json");
        Files.writeString(job, """
                {
                  "jobId": "reboot",
                  "type": "scheduleDeviceMethod",
                  "cloudToDeviceMethod": {"methodName": "reboot"},
                  "queryCondition": "%s",
                  "maxExecutionTimeInSeconds": %d
                }
                """.formatted(condition, maxSeconds));
        return job;
    }

    @Test
    void withoutAFleetTheFleetRulesAreOff(@TempDir Path dir) throws Exception {
        Cli.Result r =
                Cli.run("validate", job(dir, "tags.building = '99'", 3600).toString());
        assertThat(r.out()).doesNotContain("HJ401");
        assertThat(r.exit()).isEqualTo(Main.OK);
    }

    @Test
    void aConditionMatchingNoDeviceOfTheFleetIsAWarning(@TempDir Path dir) throws Exception {
        Path job = job(dir, "tags.building = '99'", 3600);
        Cli.Result r = Cli.run("validate", "--fleet", FLEET, job.toString());
        assertThat(r.out()).contains(job + ":5:21: warning:").contains("[HJ401]");
        assertThat(r.exit()).isEqualTo(Main.OK);
    }

    @Test
    void theTierThrottleIsCheckedAgainstTheTimeWindow(@TempDir Path dir) throws Exception {
        // Four devices at 10 per second need 0.4 s; a window of 0 s cannot hold them.
        Path job = job(dir, "*", 0);
        Cli.Result throttled = Cli.run("validate", "--fleet", FLEET, "--tier", "S1", job.toString());
        assertThat(throttled.out()).contains("[HJ402]");
        Cli.Result unthrottled = Cli.run("validate", "--fleet", FLEET, job.toString());
        assertThat(unthrottled.out()).doesNotContain("[HJ402]");
    }

    @Test
    void aTierWithoutAFleetOrAnUnknownTierIsAUsageError(@TempDir Path dir) throws Exception {
        Path job = job(dir, "*", 3600);
        Cli.Result noFleet = Cli.run("validate", "--tier", "S1", job.toString());
        assertThat(noFleet.exit()).isEqualTo(Main.USAGE);
        assertThat(noFleet.err()).contains("--tier needs --fleet").doesNotContain("Exception");
        Cli.Result badTier = Cli.run("validate", "--fleet", FLEET, "--tier", "B1", job.toString());
        assertThat(badTier.exit()).isEqualTo(Main.USAGE);
        assertThat(badTier.err()).contains("unknown tier 'B1'");
        Cli.Result missing = Cli.run("validate", "--fleet", "no-such-fleet.json", job.toString());
        assertThat(missing.exit()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).contains("fleet file not found");
    }
}
