package dev.hubjobs.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetGenerator;
import dev.hubjobs.twin.TwinJson;
import dev.hubjobs.twin.TwinObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Same fleet, same calls: byte-identical twins, rows and responses (a 1M-device run is in bench/). */
class DeterminismTest {

    private static String run(Fleet fleet) throws Exception {
        JobExecutor ex = JobExecutor.builder(fleet, Fixtures.clock())
                .throttle(Throttle.of(Tier.S3, 2))
                .build();
        ex.schedule(Fixtures.twinJob("fw", "tags.ring = 'broad'").withMaxExecutionTimeInSeconds(100L));
        ex.schedule(
                Fixtures.methodJob("reboot", "tags.building = '43'", null, null).withMaxExecutionTimeInSeconds(60L));
        ex.runToCompletion();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (TwinObject t : ex.fleet().devices()) {
            sha.update(TwinJson.toJson(t).getBytes(StandardCharsets.UTF_8));
        }
        sha.update(Fixtures.toJson(ex.deviceJobs("fw")).getBytes(StandardCharsets.UTF_8));
        sha.update(Fixtures.toJson(ex.deviceJobs("reboot")).getBytes(StandardCharsets.UTF_8));
        sha.update(Fixtures.toJson(ex.list(null, null, null, null).items()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void twentyThousandDevicesGiveTheSameResultEveryRun() throws Exception {
        Fleet fleet = FleetGenerator.fleet(20_000, 42);
        String first = run(fleet);
        assertThat(run(fleet)).isEqualTo(first);
        assertThat(run(FleetGenerator.fleet(20_000, 42))).isEqualTo(first);

        JobExecutor ex = JobExecutor.builder(fleet, Fixtures.clock())
                .throttle(Throttle.of(Tier.S3, 2))
                .build();
        ex.schedule(Fixtures.twinJob("fw", "tags.ring = 'broad'").withMaxExecutionTimeInSeconds(100L));
        ex.runToCompletion();
        DeviceJobStatistics s = ex.get("fw").deviceJobStatistics();
        // 100 devices/s for 100 s: exactly 10,000 started in time, the rest timed out.
        assertThat(s.succeededCount()).isEqualTo(Math.min(10_000, s.deviceCount()));
        assertThat(s.failedCount()).isEqualTo(s.deviceCount() - s.succeededCount());
        assertThat(fleet.devices().get(0).toString()).doesNotContain("\"fw\":\"2.0\""); // input fleet untouched
    }
}
