package dev.hubjobs.syntax;

import java.util.Arrays;
import java.util.List;

/** Immutable lists out of the reusable buffers the hand-written readers collect items in. */
public final class Lists {

    private Lists() {}

    /**
     * {@code buffer[from, to)} as an immutable list that {@code List.copyOf} keeps as it is. The
     * fixed-arity {@code List.of} forms take their array as it is; {@code List.of(array)} copies
     * the array it is given, which would be a second copy of the range.
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> copyOf(Object[] buffer, int from, int to) {
        Object[] b = buffer;
        int i = from;
        List<Object> list = switch (to - from) {
            case 0 -> List.of();
            case 1 -> List.of(b[i]);
            case 2 -> List.of(b[i], b[i + 1]);
            case 3 -> List.of(b[i], b[i + 1], b[i + 2]);
            case 4 -> List.of(b[i], b[i + 1], b[i + 2], b[i + 3]);
            case 5 -> List.of(b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4]);
            case 6 -> List.of(b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5]);
            case 7 -> List.of(b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5], b[i + 6]);
            case 8 -> List.of(b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
            default -> List.of(Arrays.copyOfRange(b, from, to));
        };
        return (List<T>) list;
    }
}
