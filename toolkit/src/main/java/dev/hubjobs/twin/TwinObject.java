package dev.hubjobs.twin;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable JSON object in the compact twin form: a shared {@link Shape} (the keys) and one
 * value per key. Values are {@link String}, {@link Long}, {@link Double}, {@link Boolean},
 * {@link TwinNull#NULL}, {@link TwinObject} or {@link TwinArray}.
 */
public final class TwinObject {

    private final Shape shape;
    private final Object[] values;

    TwinObject(Shape shape, Object[] values) {
        this.shape = shape;
        this.values = values;
    }

    public Shape shape() {
        return shape;
    }

    public int size() {
        return values.length;
    }

    public String key(int i) {
        return shape.key(i);
    }

    public Object value(int i) {
        return values[i];
    }

    /** The value under exactly this key, or Java {@code null} when there is none. */
    public Object get(String key) {
        int i = shape.indexOfExact(key);
        return i < 0 ? null : values[i];
    }

    /** The string under exactly this key, or {@code null} when absent or not a string. */
    public String getString(String key) {
        return get(key) instanceof String s ? s : null;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof TwinObject other) || other.values.length != values.length) {
            return false;
        }
        // JSON objects are unordered: compare by key.
        for (int i = 0; i < values.length; i++) {
            int j = other.shape.indexOfExact(shape.key(i));
            if (j < 0 || !Objects.equals(values[i], other.values[j])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < values.length; i++) {
            h += shape.key(i).hashCode() ^ Objects.hashCode(values[i]);
        }
        return h;
    }

    @Override
    public String toString() {
        return TwinJson.toJson(this);
    }

    /** Builds objects; keys repeated in one object keep the last value, as Jackson does. */
    public static final class Builder {
        private final Interner interner;
        private String[] keys = new String[8];
        private Object[] values = new Object[8];
        private int size;

        public Builder(Interner interner) {
            this.interner = interner;
        }

        public Builder put(String key, Object value) {
            return putKey(key, value, false);
        }

        /** {@link #put} of a key that came from this builder's interner already. */
        Builder putShared(String key, Object value) {
            return putKey(key, value, true);
        }

        private Builder putKey(String key, Object value, boolean shared) {
            Objects.requireNonNull(value, "value");
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    values[i] = value;
                    return this;
                }
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = shared ? key : interner.key(key);
            values[size++] = value;
            return this;
        }

        public TwinObject build() {
            TwinObject o = new TwinObject(interner.shape(keys, size), Arrays.copyOf(values, size));
            size = 0;
            return o;
        }
    }
}
