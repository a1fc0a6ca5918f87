package dev.hubjobs.lsp.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFleetIndexTest {

    private static final String TWINS = """
            {"deviceId": "a", "status": "enabled", "tags": {"floor": 3, "site": "Bonn"}, "properties": {"reported": {"fw": "1.2"}}}
            {"deviceId": "b", "status": "disabled", "tags": {"floor": 4, "site": "Bonn"}}
            {"deviceId": "c", "status": "enabled", "tags": {"floor": 3, "site": "Köln"}, "properties": {"reported": {"fw": "2.0"}}}
            """;

    @Test
    void readsNdjsonAndArraysAlike(@TempDir Path dir) throws Exception {
        Path nd = dir.resolve("f.ndjson");
        Files.writeString(nd, TWINS);
        Path array = dir.resolve("f.json");
        Files.writeString(array, "[" + String.join(",", TWINS.strip().split("\n")) + "]");
        for (Path p : new Path[] {nd, array}) {
            JsonFleetIndex f = JsonFleetIndex.load(p);
            assertThat(f.size()).isEqualTo(3);
            assertThat(f.paths()).contains("deviceId", "tags.floor", "tags.site", "properties.reported.fw");
            assertThat(f.values("tags.site")).containsExactly("Bonn", "Köln");
            assertThat(f.values("TAGS.FLOOR")).containsExactly(3L, 4L);
        }
    }

    @Test
    void countsMatchingDevices(@TempDir Path dir) throws Exception {
        Path nd = dir.resolve("f.ndjson");
        Files.writeString(nd, TWINS);
        JsonFleetIndex f = JsonFleetIndex.load(nd);
        assertThat(f.count("*")).isEqualTo(OptionalInt.of(3));
        assertThat(f.count("tags.floor = 3")).isEqualTo(OptionalInt.of(2));
        assertThat(f.count("tags.floor = 3 AND status = 'enabled' AND tags.site != 'Bonn'"))
                .isEqualTo(OptionalInt.of(1));
        assertThat(f.count("deviceId IN ['a', 'b'] OR NOT IS_DEFINED(properties.reported.fw)"))
                .isEqualTo(OptionalInt.of(2));
        assertThat(f.count("STARTSWITH(properties.reported.fw, '1.')")).isEqualTo(OptionalInt.of(1));
        assertThat(f.count("tags.floor > 3.5")).isEqualTo(OptionalInt.of(1));
        assertThat(f.count("tags.missing = 1")).isEqualTo(OptionalInt.of(0));
        assertThat(f.count("tags.floor = ")).isEmpty();
    }
}
