package dev.hubjobs.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.job.CloudToDeviceMethod;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.job.JobRequest;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetLoader;
import java.io.UncheckedIOException;
import java.time.Instant;

final class Fixtures {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {}

    /** Five devices: building 43 has d1, d2, d3; d4 is in 44; d5 has no tags. */
    static Fleet fleet() {
        return FleetLoader.parse("""
                {"deviceId":"d1","etag":"AAAA","version":3,"tags":{"building":"43","floor":1},"properties":{"desired":{"fw":"1.0","$version":4},"reported":{"fw":"1.0"}}}
                {"deviceId":"d2","etag":"AAAB","version":2,"tags":{"building":"43","floor":2},"properties":{"desired":{"$version":1},"reported":{}}}
                {"deviceId":"d3","etag":"AAAC","version":2,"tags":{"building":"43","floor":3},"properties":{"desired":{"$version":1},"reported":{}}}
                {"deviceId":"d4","etag":"AAAD","version":2,"tags":{"building":"44"},"properties":{"desired":{"$version":1},"reported":{}}}
                {"deviceId":"d5","etag":"AAAE","version":2,"properties":{"desired":{"$version":1},"reported":{}}}
                """).fleet();
    }

    static VirtualClock clock() {
        return new VirtualClock(T0);
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JobJson.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode node(String text) {
        try {
            return JobJson.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JobRequest twinJob(String id, String condition) {
        return JobRequest.twinUpdate(
                id, condition, json("{\"etag\":\"*\",\"properties\":{\"desired\":{\"fw\":\"2.0\"}}}"));
    }

    static JobRequest methodJob(String id, String condition, Integer responseTimeout, Integer connectTimeout) {
        return new JobRequest(
                id,
                "scheduleDeviceMethod",
                condition,
                null,
                null,
                new CloudToDeviceMethod("reboot", node("{\"delay\":5}"), responseTimeout, connectTimeout),
                null,
                null);
    }

    static String toJson(Object value) {
        try {
            return JobJson.MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
