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
        Shape grown = grown(shape, key);
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
        Shape shrunk = shrunk(shape, key, i);
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

    /** A copy-on-write editor of {@code o}: several edits, one array copy, {@code o} itself if nothing changed. */
    public Draft draft(TwinObject o) {
        return new Draft(o);
    }

    private Shape grown(Shape shape, String key) {
        Map<String, Shape> byKey = added.get(shape);
        if (byKey == null) {
            byKey = new HashMap<>();
            added.put(shape, byKey);
        }
        Shape grown = byKey.get(key);
        if (grown == null) {
            int n = shape.size();
            String[] keys = Arrays.copyOf(shape.keys(), n + 1);
            keys[n] = interner.key(key);
            grown = interner.shape(keys, n + 1);
            byKey.put(key, grown);
        }
        return grown;
    }

    private Shape shrunk(Shape shape, String key, int i) {
        Map<String, Shape> byKey = removed.get(shape);
        if (byKey == null) {
            byKey = new HashMap<>();
            removed.put(shape, byKey);
        }
        Shape shrunk = byKey.get(key);
        if (shrunk == null) {
            int n = shape.size();
            String[] keys = new String[n - 1];
            for (int j = 0, w = 0; j < n; j++) {
                if (j != i) {
                    keys[w++] = shape.key(j);
                }
            }
            shrunk = interner.shape(keys, n - 1);
            byKey.put(key, shrunk);
        }
        return shrunk;
    }

    /**
     * Several edits of one object with a single copy of its values: the values are copied on the
     * first change only, and {@link #build()} returns the original object when nothing changed.
     */
    public final class Draft {
        private final TwinObject origin;
        private Shape shape;
        private Object[] values;
        private int size;

        private Draft(TwinObject origin) {
            this.origin = origin;
            this.shape = origin.shape();
            this.size = origin.size();
        }

        public Object get(String key) {
            int i = shape.indexOfExact(key);
            return i < 0 ? null : values == null ? origin.value(i) : values[i];
        }

        public Draft set(String key, Object value) {
            int i = shape.indexOfExact(key);
            if (i >= 0) {
                if ((values == null ? origin.value(i) : values[i]) != value) {
                    own(size);
                    values[i] = value;
                }
                return this;
            }
            shape = grown(shape, key);
            own(size + 1);
            values[size++] = value;
            return this;
        }

        public Draft remove(String key) {
            int i = shape.indexOfExact(key);
            if (i < 0) {
                return this;
            }
            own(size);
            shape = shrunk(shape, key, i);
            System.arraycopy(values, i + 1, values, i, size - i - 1);
            values[--size] = null;
            return this;
        }

        public boolean changed() {
            return values != null;
        }

        public TwinObject build() {
            if (values == null) {
                return origin;
            }
            return new TwinObject(shape, values.length == size ? values : Arrays.copyOf(values, size));
        }

        /**
         * Makes {@code values} a private array of at least {@code capacity} slots. An object that
         * grows gets a few spare slots (trimmed once by {@link #build()}), one that only changes
         * values gets an exact copy.
         */
        private void own(int capacity) {
            if (values == null) {
                values = new Object[capacity > size ? capacity + 3 : size];
                for (int j = 0; j < size; j++) {
                    values[j] = origin.value(j);
                }
            } else if (values.length < capacity) {
                values = Arrays.copyOf(values, capacity + 3);
            }
        }
    }

    private static Object[] copy(TwinObject o, int length) {
        Object[] values = new Object[length];
        for (int i = 0, n = o.size(); i < n; i++) {
            values[i] = o.value(i);
        }
        return values;
    }
}
