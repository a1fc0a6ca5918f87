package dev.hubjobs.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.twin.Interner;
import dev.hubjobs.twin.Shape;
import dev.hubjobs.twin.TwinEdits;
import dev.hubjobs.twin.TwinJson;
import dev.hubjobs.twin.TwinNull;
import dev.hubjobs.twin.TwinObject;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * The change a {@code scheduleUpdateTwin} job makes, compiled once and applied to each device:
 * a JSON merge patch of {@code tags} and {@code properties.desired} ({@code null} deletes a key,
 * objects merge recursively, anything else, arrays included, replaces). When desired properties
 * change, {@code properties.desired.$version} goes up by one and {@code $metadata} gets
 * {@code $lastUpdated} / {@code $lastUpdatedVersion} on every changed path and its ancestors;
 * when anything changes, the twin's {@code version} goes up and its {@code etag} changes.
 *
 * <p>A patch that changes nothing leaves the twin as it is (the same instance). Keys starting
 * with {@code $} in the patch are ignored, as the service ignores {@code $metadata} and
 * {@code $version} sent by clients. Not thread-safe.
 */
public final class TwinPatch {

    private static final String LAST_UPDATED = "$lastUpdated";
    private static final String LAST_UPDATED_VERSION = "$lastUpdatedVersion";

    private final TwinObject tags;
    private final TwinObject desired;
    private final TwinEdits edits;
    private final Shape leafMetadata;
    private TwinObject lastMetadata;

    private TwinPatch(TwinObject tags, TwinObject desired, TwinEdits edits) {
        this.tags = tags;
        this.desired = desired;
        this.edits = edits;
        this.leafMetadata = edits.shape(LAST_UPDATED, LAST_UPDATED_VERSION);
    }

    /**
     * Compiles the {@code tags} and {@code properties.desired} of an {@code updateTwin} object;
     * everything else in it (etag, identity keys, an empty {@code reported}) is not applied.
     */
    public static TwinPatch compile(ObjectNode updateTwin, TwinEdits edits) {
        Interner interner = edits.interner();
        TwinObject tags = null;
        TwinObject desired = null;
        JsonNode t = updateTwin.get("tags");
        if (t != null && t.isObject()) {
            tags = (TwinObject) TwinJson.fromJackson(t, interner);
        }
        JsonNode d = updateTwin.path("properties").get("desired");
        if (d != null && d.isObject()) {
            desired = (TwinObject) TwinJson.fromJackson(d, interner);
        }
        return new TwinPatch(tags, desired, edits);
    }

    /** The twin after the patch, at {@code timestamp} (ISO-8601 UTC); {@code twin} itself if unchanged. */
    public TwinObject apply(TwinObject twin, String timestamp) {
        TwinObject result = twin;
        if (tags != null) {
            TwinObject before = twin.get("tags") instanceof TwinObject o ? o : TwinEdits.empty();
            TwinObject after = merge(before, tags, null, null, null);
            if (after != before) {
                result = edits.set(result, "tags", after);
            }
        }
        if (desired != null) {
            TwinObject properties = twin.get("properties") instanceof TwinObject o ? o : TwinEdits.empty();
            TwinObject before = properties.get("desired") instanceof TwinObject o ? o : TwinEdits.empty();
            Long version = Interner.number(asLong(before.get("$version"), 1) + 1);
            TwinObject metadata = before.get("$metadata") instanceof TwinObject m ? m : TwinEdits.empty();
            TwinObject after = merge(before, desired, metadata, timestamp, version);
            if (after != before) {
                after = edits.set(after, "$metadata", stamp(lastMetadata, timestamp, version));
                after = edits.set(after, "$version", version);
                result = edits.set(result, "properties", edits.set(properties, "desired", after));
            }
        }
        if (result != twin) {
            long version = asLong(twin.get("version"), 1) + 1;
            result = edits.set(result, "version", Interner.number(version));
            result = edits.set(result, "etag", etag(twin, version));
        }
        return result;
    }

    /**
     * Merges {@code patch} into {@code target}; returns {@code target} itself when nothing
     * changed. With {@code metadata} non-null, leaves the updated metadata of {@code target} in
     * {@link #lastMetadata} (not yet stamped at this level: the caller knows whether it changed).
     */
    private TwinObject merge(TwinObject target, TwinObject patch, TwinObject metadata, String timestamp,
            Long version) {
        TwinObject result = target;
        TwinObject meta = metadata;
        for (int i = 0, n = patch.size(); i < n; i++) {
            String key = patch.key(i);
            if (key.startsWith("$")) {
                continue;
            }
            Object value = patch.value(i);
            Object old = result.get(key);
            if (value == TwinNull.NULL) {
                if (old != null) {
                    result = edits.remove(result, key);
                    if (meta != null) {
                        meta = edits.remove(meta, key);
                    }
                }
            } else if (value instanceof TwinObject p) {
                TwinObject oldObject = old instanceof TwinObject o ? o : TwinEdits.empty();
                TwinObject oldMeta = meta == null ? null
                        : old instanceof TwinObject && meta.get(key) instanceof TwinObject m ? m : TwinEdits.empty();
                TwinObject merged = merge(oldObject, p, oldMeta, timestamp, version);
                if (merged != old) {
                    result = edits.set(result, key, merged);
                    if (meta != null) {
                        meta = edits.set(meta, key, stamp(lastMetadata, timestamp, version));
                    }
                }
            } else if (!value.equals(old)) {
                result = edits.set(result, key, value);
                if (meta != null) {
                    meta = edits.set(meta, key, edits.object(leafMetadata, timestamp, version));
                }
            }
        }
        lastMetadata = meta;
        return result;
    }

    private TwinObject stamp(TwinObject metadata, String timestamp, Long version) {
        return edits.set(edits.set(metadata, LAST_UPDATED, timestamp), LAST_UPDATED_VERSION, version);
    }

    private static long asLong(Object value, long absent) {
        return value instanceof Long l ? l : value instanceof Double d ? d.longValue() : absent;
    }

    /** A new etag that differs whenever the version does, derived only from the twin (repeatable). */
    private static String etag(TwinObject twin, long version) {
        String id = twin.getString("deviceId");
        String module = twin.getString("moduleId");
        int h = (id == null ? 0 : id.hashCode()) * 31 + (module == null ? 0 : module.hashCode());
        byte[] bytes = ByteBuffer.allocate(8).putInt(h).putInt((int) version).array();
        String etag = Base64.getEncoder().encodeToString(bytes);
        return etag.equals(twin.getString("etag")) ? "A" + etag : etag;
    }
}
