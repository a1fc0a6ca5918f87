package dev.hubjobs.twin;

import java.util.Arrays;
import java.util.Locale;

/**
 * The key list of a {@link TwinObject}. Twins of one fleet mostly have the same keys in the same
 * order, so a shape is shared by every object with that key list: the keys are stored once, and a
 * compiled path can remember where a name sits in a shape instead of searching each twin.
 */
public final class Shape {

    private final String[] keys;
    private final String[] lowerKeys;
    private final int hash;

    Shape(String[] keys) {
        this.keys = keys;
        this.lowerKeys = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            lowerKeys[i] = keys[i].toLowerCase(Locale.ROOT);
        }
        this.hash = Arrays.hashCode(keys);
    }

    public int size() {
        return keys.length;
    }

    String[] keys() {
        return keys;
    }

    public String key(int i) {
        return keys[i];
    }

    /** Index of the exact key, or -1. */
    public int indexOfExact(String key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index of the key a query name resolves to: names match case-insensitively, and when several
     * keys differ only in case the one written exactly as in the query wins; otherwise the first.
     *
     * @param exact the name as written in the query
     * @param lower the same name lower-cased with {@link Locale#ROOT}
     */
    public int resolve(String exact, String lower) {
        int candidate = -1;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(exact)) {
                return i;
            }
            if (candidate < 0 && lowerKeys[i].equals(lower)) {
                candidate = i;
            }
        }
        return candidate;
    }


    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Shape s && hash == s.hash && Arrays.equals(keys, s.keys));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(keys);
    }
}
