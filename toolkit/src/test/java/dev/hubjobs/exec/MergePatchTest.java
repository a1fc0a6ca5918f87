package dev.hubjobs.exec;

import static dev.hubjobs.exec.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.twin.Interner;
import dev.hubjobs.twin.TwinEdits;
import dev.hubjobs.twin.TwinJson;
import dev.hubjobs.twin.TwinObject;
import org.junit.jupiter.api.Test;

class TwinPatchTest {

    private static final String TS = "2026-01-01T00:00:00.000Z";

    private static TwinObject apply(String twin, String patch) {
        MergePatch p = MergePatch.compile(json(patch), new TwinEdits(new Interner()));
        return p.apply((TwinObject) TwinJson.parse(twin), TS);
    }

    private static Object at(TwinObject o, String dotted) {
        Object v = o;
        for (String k : dotted.split("\\.")) {
            v = v instanceof TwinObject t ? t.get(k) : null;
        }
        return v;
    }

    @Test
    void nullDeletesObjectsMergeValuesAndArraysReplace() {
        TwinObject t = apply("""
                {"deviceId":"d","version":4,"etag":"e","tags":{"a":"1","b":{"x":1,"y":2},"c":[1,2],"gone":"x"}}""", """
                {"etag":"*","tags":{"a":"2","b":{"y":null,"z":3},"c":[3],"gone":null,"new":{"n":null}}}""");
        assertThat(TwinJson.toJson(t.get("tags")))
                .isEqualTo("{\"a\":\"2\",\"b\":{\"x\":1,\"z\":3},\"c\":[3],\"new\":{}}");
        assertThat(t.get("version")).isEqualTo(5L);
        assertThat(t.getString("etag")).isNotEqualTo("e");
        assertThat(t.get("properties")).isNull(); // tags only: desired is not created
    }

    @Test
    void scalarReplacedByObjectAndObjectByScalar() {
        TwinObject t = apply(
                "{\"deviceId\":\"d\",\"tags\":{\"a\":\"s\",\"b\":{\"x\":1}}}", "{\"tags\":{\"a\":{\"k\":1},\"b\":7}}");
        assertThat(TwinJson.toJson(t.get("tags"))).isEqualTo("{\"a\":{\"k\":1},\"b\":7}");
    }

    @Test
    void desiredChangeBumpsVersionAndStampsMetadataOnChangedPathsAndAncestors() {
        TwinObject t = apply(
                """
                {"deviceId":"d","version":2,"etag":"e","properties":{"desired":{"fw":{"v":"1.0","ch":"a"},"keep":1,"$version":7,\
                "$metadata":{"$lastUpdated":"old","$lastUpdatedVersion":7,\
                "fw":{"$lastUpdated":"old","$lastUpdatedVersion":7,"v":{"$lastUpdated":"old","$lastUpdatedVersion":7},\
                "ch":{"$lastUpdated":"old","$lastUpdatedVersion":7}},"keep":{"$lastUpdated":"old","$lastUpdatedVersion":7}}},\
                "reported":{"fw":"1.0"}}}""", "{\"etag\":\"*\",\"properties\":{\"desired\":{\"fw\":{\"v\":\"2.0\"},\"keep\":1,\"added\":[1]}}}");
        assertThat(at(t, "properties.desired.$version")).isEqualTo(8L);
        assertThat(at(t, "properties.desired.fw.v")).isEqualTo("2.0");
        assertThat(at(t, "properties.desired.fw.ch")).isEqualTo("a");
        assertThat(at(t, "properties.desired.$metadata.$lastUpdated")).isEqualTo(TS);
        assertThat(at(t, "properties.desired.$metadata.$lastUpdatedVersion")).isEqualTo(8L);
        assertThat(at(t, "properties.desired.$metadata.fw.$lastUpdated")).isEqualTo(TS);
        assertThat(at(t, "properties.desired.$metadata.fw.v.$lastUpdated")).isEqualTo(TS);
        assertThat(at(t, "properties.desired.$metadata.fw.v.$lastUpdatedVersion"))
                .isEqualTo(8L);
        assertThat(at(t, "properties.desired.$metadata.fw.ch.$lastUpdated")).isEqualTo("old");
        assertThat(at(t, "properties.desired.$metadata.keep.$lastUpdated")).isEqualTo("old");
        assertThat(at(t, "properties.desired.$metadata.added.$lastUpdatedVersion"))
                .isEqualTo(8L);
        assertThat(at(t, "properties.reported.fw")).isEqualTo("1.0");
        assertThat(t.get("version")).isEqualTo(3L);
    }

    @Test
    void deletingADesiredKeyDropsItsMetadata() {
        TwinObject t = apply("""
                {"deviceId":"d","properties":{"desired":{"a":1,"b":2,"$version":1,\
                "$metadata":{"a":{"$lastUpdated":"old","$lastUpdatedVersion":1},"b":{"$lastUpdated":"old","$lastUpdatedVersion":1}}}}}""", "{\"properties\":{\"desired\":{\"a\":null}}}");
        assertThat(at(t, "properties.desired.a")).isNull();
        assertThat(at(t, "properties.desired.$metadata.a")).isNull();
        assertThat(at(t, "properties.desired.$metadata.b.$lastUpdated")).isEqualTo("old");
        assertThat(at(t, "properties.desired.$version")).isEqualTo(2L);
    }

    @Test
    void desiredIsCreatedWithMetadataWhenTheTwinHadNone() {
        TwinObject t = apply("{\"deviceId\":\"d\"}", "{\"properties\":{\"desired\":{\"x\":{\"y\":true}}}}");
        assertThat(TwinJson.toJson(t.get("properties")))
                .isEqualTo("{\"desired\":{\"x\":{\"y\":true},\"$metadata\":"
                        + "{\"x\":{\"y\":{\"$lastUpdated\":\"" + TS
                        + "\",\"$lastUpdatedVersion\":2},\"$lastUpdated\":\"" + TS
                        + "\",\"$lastUpdatedVersion\":2},\"$lastUpdated\":\"" + TS
                        + "\",\"$lastUpdatedVersion\":2},\"$version\":2}}");
        assertThat(t.get("version")).isEqualTo(2L);
    }

    @Test
    void noOpPatchLeavesTheTwinUntouched() {
        String twin = "{\"deviceId\":\"d\",\"version\":3,\"etag\":\"e\",\"tags\":{\"a\":\"1\"},"
                + "\"properties\":{\"desired\":{\"x\":1,\"$version\":5}}}";
        TwinObject before = (TwinObject) TwinJson.parse(twin);
        MergePatch p = MergePatch.compile(
                json("{\"etag\":\"*\",\"tags\":{\"a\":\"1\",\"missing\":null},"
                        + "\"properties\":{\"desired\":{\"x\":1,\"$version\":99}}}"),
                new TwinEdits(new Interner()));
        assertThat(p.apply(before, TS)).isSameAs(before);
        MergePatch empty = MergePatch.compile(json("{\"etag\":\"*\",\"tags\":{}}"), new TwinEdits(new Interner()));
        assertThat(empty.apply(before, TS)).isSameAs(before);
    }

    @Test
    void tagsChangeDoesNotTouchDesiredVersion() {
        TwinObject t = apply(
                "{\"deviceId\":\"d\",\"version\":3,\"tags\":{},\"properties\":{\"desired\":{\"$version\":5}}}",
                "{\"tags\":{\"a\":\"b\"},\"properties\":{\"desired\":{}}}");
        assertThat(at(t, "properties.desired.$version")).isEqualTo(5L);
        assertThat(t.get("version")).isEqualTo(4L);
    }
}
