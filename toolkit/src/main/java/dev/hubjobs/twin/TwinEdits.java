package dev.hubjobs.twin;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Copy-on-write edits of twin objects that keep the compact form compact: an edited object shares
 * the shape of every other object edited the same way. Adding or removing a key maps the old
 * shape to the new one through a cache, so editing a million twins of a few shapes costs a few
 * array copies each, not a rebuild through {@link TwinObject.Builder}.
 *
 * <p>Not thread-safe: one instance per editing thread.
 */
public final class TwinEdits {

    private static final Shape EMPTY_SHAPE = new Shape(new String[0]);
    private static final TwinObject EMPTY = new TwinObject(EMPTY_SHAPE, new Object[0]);

    private final Interner interner;
    private final Map<Shape, Map<String, Shape>> added = new IdentityHashMap<>();
    private final Map<Shape, Map<String, Shape>> removed = new IdentityHashMap<>();

    public TwinEdits(Interner interner) {
        this.interner = interner;
    }

    public static TwinObject empty() {
        return EMPTY;
    }

    public Interner interner() {
        return interner;
    }

    /** {@code o} with {@code key} set to {@code value} (added at the end when new). */
    public TwinObject set(TwinObject o, String key, Object value) {
        Shape shape = o.shape();
        int i = shape.indexOfExact(key);
        int n = o.size();
        if (i >= 0) {
            if (o.value(i) == value) {
                return o;
            }
            Object[] values = copy(o, n);
            values[i] = value;
            return new TwinObject(shape, values);
        }
        Shape grown = added.computeIfAbsent(shape, s -> new HashMap<>()).computeIfAbsent(key, k -> {
            String[] keys = Arrays.copyOf(shape.keys(), n + 1);
            keys[n] = interner.key(k);
            return interner.shape(keys, n + 1);
        });
        Object[] values = copy(o, n + 1);
        values[n] = value;
        return new TwinObject(grown, values);
    }

    /** {@code o} without {@code key}; {@code o} itself when it has no such key. */
    public TwinObject remove(TwinObject o, String key) {
        Shape shape = o.shape();
        int i = shape.indexOfExact(key);
        if (i < 0) {
            return o;
        }
        int n = o.size();
        Shape shrunk = removed.computeIfAbsent(shape, s -> new HashMap<>()).computeIfAbsent(key, k -> {
            String[] keys = new String[n - 1];
            for (int j = 0, w = 0; j < n; j++) {
                if (j != i) {
                    keys[w++] = shape.key(j);
                }
            }
            return interner.shape(keys, n - 1);
        });
        Object[] values = new Object[n - 1];
        for (int j = 0, w = 0; j < n; j++) {
            if (j != i) {
                values[w++] = o.value(j);
            }
        }
        return new TwinObject(shrunk, values);
    }

    /** A new object with these keys (a shape shared by every call with the same keys) and values. */
    public TwinObject object(Shape shape, Object... values) {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException(values.length + " values for " + shape);
        }
        return new TwinObject(shape, values.clone());
    }

    /** The shared shape of these keys, for {@link #object}. */
    public Shape shape(String... keys) {
        String[] shared = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            shared[i] = interner.key(keys[i]);
        }
        return interner.shape(shared, shared.length);
    }

    private static Object[] copy(TwinObject o, int length) {
        Object[] values = new Object[length];
        for (int i = 0, n = o.size(); i < n; i++) {
            values[i] = o.value(i);
        }
        return values;
    }
}
