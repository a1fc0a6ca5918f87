package dev.hubjobs.twin;

import java.util.Arrays;
import java.util.List;

/** An immutable JSON array in the compact twin form. */
public final class TwinArray {

    private final Object[] items;

    public TwinArray(List<?> items) {
        this.items = items.toArray();
    }

    public int size() {
        return items.length;
    }

    public Object get(int i) {
        return items[i];
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof TwinArray a && Arrays.equals(items, a.items));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items);
    }

    @Override
    public String toString() {
        return TwinJson.toJson(this);
    }
}
