package dev.hubjobs.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facts about a fleet that the fleet rules and the editor read. */
class FleetSummaryTest {

    static FleetSummary load(Path file) throws IOException {
        return new FleetSummary(FleetLoader.load(file, ProgressListener.NONE).fleet(), Throttle.UNTHROTTLED);
    }

    static Optional<Integer> count(FleetSummary f, String condition) {
        return f.matches(condition).map(FleetSummary.Matches::count);
    }

    private static final String TWINS = """
            {"deviceId": "a", "status": "enabled", "tags": {"floor": 3, "site": "Bonn"}, "properties": {"reported": {"fw": "1.2"}}}
            {"deviceId": "b", "status": "disabled", "tags": {"floor": 4, "site": "Bonn"}}
            {"deviceId": "c", "status": "enabled", "tags": {"floor": 3, "site": "Köln"}, "properties": {"reported": {"fw": "2.0"}}}
            """;

    @Test
    void pathsAreSpelledAsFirstSeenAndFoundInAnyCase(@TempDir Path dir) throws Exception {
        Path nd = dir.resolve("f.ndjson");
        Files.writeString(nd, TWINS + "{\"deviceId\": \"d\", \"TAGS\": {\"Floor\": 1}}\n");
        FleetSummary f = load(nd);
        assertThat(f.paths()).contains("tags.floor").doesNotContain("TAGS.Floor");
        assertThat(f.pathExists("Tags.FLOOR")).isTrue();
        assertThat(f.pathExists("tags.room")).isFalse();
        assertThat(f.values("tags.floor")).containsExactly(3L, 1L, 4L);
    }

    @Test
    void readsNdjsonAndArraysAlike(@TempDir Path dir) throws Exception {
        Path nd = dir.resolve("f.ndjson");
        Files.writeString(nd, TWINS);
        Path array = dir.resolve("f.json");
        Files.writeString(array, "[" + String.join(",", TWINS.strip().split("\n")) + "]");
        for (Path p : new Path[] {nd, array}) {
            FleetSummary f = load(p);
            assertThat(f.fleet().devices()).hasSize(3);
            assertThat(f.paths()).contains("deviceId", "tags.floor", "tags.site", "properties.reported.fw");
            assertThat(f.values("tags.site")).containsExactly("Bonn", "Köln");
            assertThat(f.values("TAGS.FLOOR")).containsExactly(3L, 4L);
        }
    }

    @Test
    void countsMatchingDevices(@TempDir Path dir) throws Exception {
        Path nd = dir.resolve("f.ndjson");
        Files.writeString(nd, TWINS);
        FleetSummary f = load(nd);
        assertThat(f.matches("*")).contains(new FleetSummary.Matches(3, 3));
        assertThat(count(f, "tags.floor = 3")).isEqualTo(Optional.of(2));
        assertThat(count(f, "tags.floor = 3 AND status = 'enabled' AND tags.site != 'Bonn'"))
                .isEqualTo(Optional.of(1));
        assertThat(count(f, "deviceId IN ['a', 'b'] OR NOT IS_DEFINED(properties.reported.fw)"))
                .isEqualTo(Optional.of(2));
        assertThat(count(f, "STARTSWITH(properties.reported.fw, '1.')")).isEqualTo(Optional.of(1));
        assertThat(count(f, "tags.floor > 3.5")).isEqualTo(Optional.of(1));
        assertThat(count(f, "tags.missing = 1")).isEqualTo(Optional.of(0));
        assertThat(count(f, "tags.floor = ")).isEmpty();
        // Names resolve case-insensitively, as in the service; a function the service lacks has no count.
        assertThat(count(f, "TAGS.FLOOR = 3")).isEqualTo(Optional.of(2));
        assertThat(count(f, "NOSUCHFUNCTION(tags.floor)")).isEmpty();
    }
}
