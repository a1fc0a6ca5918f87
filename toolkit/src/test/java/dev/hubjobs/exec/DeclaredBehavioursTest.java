package dev.hubjobs.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.twin.FleetLoader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeclaredBehavioursTest {

    @Test
    void behavioursAreReadAndStrippedFromTwins() {
        var fleet = FleetLoader.parse("""
                {"deviceId":"a","$behaviour":{"status":201,"payload":{"v":1},"latencyMs":250},"tags":{}}
                {"deviceId":"b","$behaviour":{"offline":true}}
                {"deviceId":"c"}
                {"deviceId":"d","$behaviour":{"status":"ok"}}
                {"deviceId":"e","$behaviour":{"latencyMS":5}}
                """).fleet();
        DeclaredBehaviours.Extracted x = DeclaredBehaviours.extract(fleet);
        assertThat(x.fleet().devices())
                .allSatisfy(t -> assertThat(t.get("$behaviour")).isNull());
        assertThat(x.fleet().devices().get(0).get("tags")).isNotNull();
        assertThat(x.problems()).hasSize(2);
        assertThat(x.problems().get(0)).startsWith("d: $behaviour \"status\" must be");
        assertThat(x.problems().get(1)).contains("unknown key \"latencyMS\"");
        var devices = x.fleet().devices();
        assertThat(x.behaviour().invoke(devices.get(0), null))
                .isEqualTo(new DeviceBehaviour.Response(201, Fixtures.node("{\"v\":1}"), Duration.ofMillis(250)));
        assertThat(x.behaviour().invoke(devices.get(1), null)).isEqualTo(DeviceBehaviour.Offline.INSTANCE);
        assertThat(x.behaviour().invoke(devices.get(2), null))
                .isEqualTo(new DeviceBehaviour.Response(200, null, Duration.ZERO));
        assertThat(x.behaviour().invoke(devices.get(3), null))
                .isEqualTo(new DeviceBehaviour.Response(200, null, Duration.ZERO));
    }

    @Test
    void fleetWithoutDeclarationsIsReturnedAsIs() {
        var fleet = FleetLoader.parse("{\"deviceId\":\"a\"}").fleet();
        assertThat(DeclaredBehaviours.extract(fleet).fleet()).isSameAs(fleet);
    }
}
