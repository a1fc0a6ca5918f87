package dev.hubjobs.twin;

import dev.hubjobs.text.SharedStrings;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Shares equal keys, short string values, shapes and small integers between the twins of one
 * fleet. This is where most of the memory saving comes from: a million twins repeat the same
 * few hundred keys and values.
 *
 * <p>Each table stops growing at a fixed size so that a fleet of unique values (device ids,
 * timestamps) costs a bounded amount of bookkeeping; values seen after that are simply not
 * shared. Not thread-safe: one interner per loading thread.
 */
public final class Interner {

    /** Strings longer than this are rarely repeated (ids, timestamps, free text). */
    static final int MAX_SHARED_STRING = 24;

    private static final int MAX_ENTRIES = 1 << 16;
    private static final long SMALL_MIN = -128;
    private static final long SMALL_MAX = 1 << 14;
    private static final Long[] SMALL = new Long[(int) (SMALL_MAX - SMALL_MIN + 1)];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = SMALL_MIN + i;
        }
    }

    /** Whether string values are shared: worth it for twins that are kept, not for twins read and dropped. */
    private final boolean shareValues;

    private final SharedStrings keys = new SharedStrings(MAX_ENTRIES);
    private final String[] asciiKeys = new String[1 << 10];
    private final byte[][] asciiKeyBytes = new byte[1 << 10][];
    private final SharedStrings strings = new SharedStrings(MAX_ENTRIES);
    private final Map<KeyList, Shape> shapes = new HashMap<>();

    public Interner() {
        this(true);
    }

    /** An interner that shares keys and shapes but not values, for twins that are not kept. */
    static Interner forStreaming() {
        return new Interner(false);
    }

    private Interner(boolean shareValues) {
        this.shareValues = shareValues;
    }

    public String key(String key) {
        return keys.share(key);
    }

    /**
     * {@link #key(String)} of an ASCII key given as bytes, without making a string for a key seen
     * before: a small direct-mapped cache in front of the key table, indexed by the length and
     * three of the bytes (a colliding key replaces the one in its slot, so the cache never grows).
     */
    String key(byte[] b, int from, int to) {
        int n = to - from;
        int slot = n == 0 ? 0 : (n * 31 + b[from]) * 31 * 31 + b[from + n / 2] * 31 + b[to - 1];
        slot = (slot ^ (slot >>> 10)) & (asciiKeys.length - 1);
        byte[] cached = asciiKeyBytes[slot];
        if (cached != null && Arrays.equals(cached, 0, cached.length, b, from, to)) {
            return asciiKeys[slot];
        }
        String key = key(new String(b, from, n, StandardCharsets.ISO_8859_1));
        asciiKeyBytes[slot] = Arrays.copyOfRange(b, from, to);
        asciiKeys[slot] = key;
        return key;
    }

    public String string(String value) {
        return !shareValues || value.length() > MAX_SHARED_STRING ? value : strings.share(value);
    }

    public static Long number(long value) {
        return value >= SMALL_MIN && value <= SMALL_MAX ? SMALL[(int) (value - SMALL_MIN)] : Long.valueOf(value);
    }

    /** The shared shape for the first {@code size} keys; the array is copied when it is kept. */
    public Shape shape(String[] keyArray, int size) {
        KeyList probe = new KeyList(keyArray, size);
        Shape shape = shapes.get(probe);
        if (shape == null) {
            shape = new Shape(Arrays.copyOf(keyArray, size));
            if (shapes.size() < MAX_ENTRIES) {
                shapes.put(new KeyList(shape), shape);
            }
        }
        return shape;
    }

    /** A lookup key over a prefix of a reusable array, so probing allocates no copy. */
    private static final class KeyList {
        private final String[] keys;
        private final int size;
        private final int hash;

        KeyList(String[] keys, int size) {
            this.keys = keys;
            this.size = size;
            int h = 1;
            for (int i = 0; i < size; i++) {
                h = 31 * h + keys[i].hashCode();
            }
            this.hash = h;
        }

        KeyList(Shape shape) {
            this(shape.keys(), shape.size());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyList other
                    && other.size == size
                    && other.hash == hash
                    && Arrays.equals(keys, 0, size, other.keys, 0, size);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
