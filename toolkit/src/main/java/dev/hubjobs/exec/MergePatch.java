package dev.hubjobs.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.twin.Interner;
import dev.hubjobs.twin.Shape;
import dev.hubjobs.twin.TwinEdits;
import dev.hubjobs.twin.TwinJson;
import dev.hubjobs.twin.TwinNull;
import dev.hubjobs.twin.TwinObject;
import java.util.HashMap;
import java.util.Map;

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
 * {@code $version} sent by clients.
 *
 * <p>Built for a million twins a second: each edited object is copied once (through
 * {@link TwinEdits.Draft}), shapes come from a cache, and the metadata leaf
 * {@code {"$lastUpdated": t, "$lastUpdatedVersion": v}}, being immutable, is shared by every
 * twin updated at the same instant to the same version. Not thread-safe.
 */
public final class MergePatch {

    private static final String LAST_UPDATED = "$lastUpdated";
    private static final String LAST_UPDATED_VERSION = "$lastUpdatedVersion";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final TwinObject tags;
    private final TwinObject desired;
    private final TwinEdits edits;
    private final Shape leafShape;
    private final Map<Long, TwinObject> leaves = new HashMap<>();
    private String leavesTimestamp;
    private TwinEdits.Draft lastMetadata;

    private MergePatch(TwinObject tags, TwinObject desired, TwinEdits edits) {
        this.tags = tags;
        this.desired = desired;
        this.edits = edits;
        this.leafShape = edits.shape(LAST_UPDATED, LAST_UPDATED_VERSION);
    }

    /**
     * Compiles the {@code tags} and {@code properties.desired} of an {@code updateTwin} object;
     * everything else in it (etag, identity keys, an empty {@code reported}) is not applied.
     */
    public static MergePatch compile(ObjectNode updateTwin, TwinEdits edits) {
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
        return new MergePatch(tags, desired, edits);
    }

    /** The twin after the patch, at {@code timestamp} (ISO-8601 UTC); {@code twin} itself if unchanged. */
    public TwinObject apply(TwinObject twin, String timestamp) {
        TwinEdits.Draft root = edits.draft(twin);
        if (tags != null) {
            TwinObject before = twin.get("tags") instanceof TwinObject o ? o : TwinEdits.empty();
            TwinObject after = merge(before, tags, null, timestamp, null);
            if (after != before) {
                root.set("tags", after);
            }
        }
        if (desired != null) {
            TwinObject properties = twin.get("properties") instanceof TwinObject o ? o : TwinEdits.empty();
            TwinObject before = properties.get("desired") instanceof TwinObject o ? o : TwinEdits.empty();
            Long version = Interner.number(asLong(before.get("$version"), 1) + 1);
            TwinObject metadata = before.get("$metadata") instanceof TwinObject m ? m : TwinEdits.empty();
            TwinEdits.Draft after = mergeDraft(before, desired, metadata, timestamp, version);
            if (after.changed()) {
                after.set("$metadata", stamp(lastMetadata, timestamp, version)).set("$version", version);
                root.set(
                        "properties",
                        edits.draft(properties).set("desired", after.build()).build());
            }
        }
        if (!root.changed()) {
            return twin;
        }
        long version = asLong(twin.get("version"), 1) + 1;
        root.set("version", Interner.number(version));
        root.set("etag", etag(twin, version));
        return root.build();
    }

    /**
     * Merges {@code patch} into {@code target}; returns {@code target} itself when nothing
     * changed. With {@code metadata} non-null, leaves the draft of the updated metadata of
     * {@code target} in {@link #lastMetadata}, not yet stamped at this level: the caller knows
     * whether it changed.
     */
    private TwinObject merge(TwinObject target, TwinObject patch, TwinObject metadata, String timestamp, Long version) {
        return mergeDraft(target, patch, metadata, timestamp, version).build();
    }

    /** {@link #merge}, leaving the result as a draft so the caller can add to it without another copy. */
    private TwinEdits.Draft mergeDraft(
            TwinObject target, TwinObject patch, TwinObject metadata, String timestamp, Long version) {
        TwinEdits.Draft result = edits.draft(target);
        TwinEdits.Draft meta = metadata == null ? null : edits.draft(metadata);
        for (int i = 0, n = patch.size(); i < n; i++) {
            String key = patch.key(i);
            if (key.startsWith("$")) {
                continue;
            }
            Object value = patch.value(i);
            Object old = result.get(key);
            if (value == TwinNull.NULL) {
                if (old != null) {
                    result.remove(key);
                    if (meta != null) {
                        meta.remove(key);
                    }
                }
            } else if (value instanceof TwinObject p) {
                TwinObject oldObject = old instanceof TwinObject o ? o : TwinEdits.empty();
                TwinObject oldMeta = meta == null
                        ? null
                        : old instanceof TwinObject && meta.get(key) instanceof TwinObject m ? m : TwinEdits.empty();
                TwinObject merged = merge(oldObject, p, oldMeta, timestamp, version);
                if (merged != old) {
                    result.set(key, merged);
                    if (meta != null) {
                        meta.set(key, stamp(lastMetadata, timestamp, version));
                    }
                }
            } else if (!value.equals(old)) {
                result.set(key, value);
                if (meta != null) {
                    meta.set(key, leaf(timestamp, version));
                }
            }
        }
        lastMetadata = meta;
        return result;
    }

    private TwinObject stamp(TwinEdits.Draft metadata, String timestamp, Long version) {
        return metadata.set(LAST_UPDATED, timestamp)
                .set(LAST_UPDATED_VERSION, version)
                .build();
    }

    /** The metadata of a changed leaf; shared, being immutable, by every twin at this instant and version. */
    private TwinObject leaf(String timestamp, Long version) {
        if (!timestamp.equals(leavesTimestamp)) {
            leaves.clear();
            leavesTimestamp = timestamp;
        }
        TwinObject leaf = leaves.get(version);
        if (leaf == null) {
            leaf = edits.object(leafShape, timestamp, version);
            leaves.put(version, leaf);
        }
        return leaf;
    }

    private static long asLong(Object value, long absent) {
        return value instanceof Long l ? l : value instanceof Double d ? d.longValue() : absent;
    }

    /**
     * A new etag that differs whenever the version does, derived only from the twin (repeatable):
     * the hex of a hash of the twin's identity and of the new version.
     */
    private static String etag(TwinObject twin, long version) {
        String id = twin.getString("deviceId");
        String module = twin.getString("moduleId");
        int h = (id == null ? 0 : id.hashCode()) * 31 + (module == null ? 0 : module.hashCode());
        char[] c = new char[16];
        long bits = ((long) h << 32) | (version & 0xffffffffL);
        for (int i = 15; i >= 0; i--) {
            c[i] = HEX[(int) (bits & 0xf)];
            bits >>>= 4;
        }
        String etag = new String(c);
        return etag.equals(twin.getString("etag")) ? "A" + etag.substring(1) : etag;
    }
}
