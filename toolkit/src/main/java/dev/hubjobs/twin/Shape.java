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

    /**
     * Keys are interned in the JVM's string table so that {@link #resolve} can compare names by
     * reference; the number of distinct keys in a fleet is small, unlike the number of values.
     */
    Shape(String[] keys) {
        this.keys = keys;
        this.lowerKeys = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = keys[i].intern();
            lowerKeys[i] = keys[i].toLowerCase(Locale.ROOT).intern();
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
     * @param exact the name as written in the query, {@link String#intern() interned}
     * @param lower the same name lower-cased with {@link Locale#ROOT}, interned
     */
    public int resolve(String exact, String lower) {
        String[] k = keys;
        for (int i = 0; i < k.length; i++) {
            if (k[i] == exact) {
                return i;
            }
        }
        String[] l = lowerKeys;
        for (int i = 0; i < l.length; i++) {
            if (l[i] == lower) {
                return i;
            }
        }
        return -1;
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
