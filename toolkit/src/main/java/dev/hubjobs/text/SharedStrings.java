package dev.hubjobs.text;

import java.util.HashMap;
import java.util.Map;

/**
 * One copy of each of equal strings, for data that repeats the same few texts many times. The
 * table stops growing at a fixed number of distinct strings, so that text that never repeats
 * costs bounded bookkeeping; strings seen after that are given back as they are. Not
 * thread-safe.
 */
public final class SharedStrings {

    private final Map<String, String> table = new HashMap<>();
    private final int maxDistinct;

    public SharedStrings(int maxDistinct) {
        this.maxDistinct = maxDistinct;
    }

    /** The copy of {@code s} kept before, or {@code s}, kept now if there is room. */
    public String share(String s) {
        String shared = table.get(s);
        if (shared != null) {
            return shared;
        }
        if (table.size() < maxDistinct) {
            table.put(s, s);
        }
        return s;
    }
}
