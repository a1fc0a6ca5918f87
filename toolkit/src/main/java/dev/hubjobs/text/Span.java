package dev.hubjobs.text;

/**
 * A half-open range {@code [start, end)} of UTF-16 offsets into the text that was parsed.
 *
 * <p>UTF-16 offsets are what Java strings and the Language Server Protocol count; ANTLR counts
 * code points, so parsers convert before they build a span.
 */
public record Span(int start, int end) implements Comparable<Span> {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public static Span of(int start, int end) {
        return new Span(start, end);
    }

    /** An empty span at {@code offset}, for "something is missing here". */
    public static Span at(int offset) {
        return new Span(offset, offset);
    }

    public int length() {
        return end - start;
    }

    public boolean isEmpty() {
        return start == end;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    /** The smallest span covering both. */
    public Span union(Span other) {
        return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }

    public Span shift(int delta) {
        return new Span(start + delta, end + delta);
    }

    public String textOf(CharSequence text) {
        return text.subSequence(start, end).toString();
    }

    @Override
    public int compareTo(Span o) {
        int c = Integer.compare(start, o.start);
        return c != 0 ? c : Integer.compare(end, o.end);
    }

    @Override
    public String toString() {
        return "[" + start + "," + end + ")";
    }
}
