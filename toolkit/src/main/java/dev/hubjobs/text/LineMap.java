package dev.hubjobs.text;

import java.util.Arrays;

/**
 * Converts UTF-16 offsets to line and column and back.
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, as in the Language Server
 * Protocol. Columns count UTF-16 code units (a tab is one column, an emoji two), which is what
 * LSP clients and the CLI's output contract expect. {@link #position} is 0-based for LSP;
 * {@link #humanPosition} is 1-based for people.
 */
public final class LineMap {

    /** A 0-based or 1-based line/column pair; which one is said by the method that made it. */
    public record Position(int line, int column) {
        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    private final String text;
    private final int length;
    /** Found on first use: most documents are valid and never need a position. */
    private volatile int[] lineStarts;

    private LineMap(CharSequence text) {
        this.text = text.toString(); // a snapshot: lines are found later
        this.length = this.text.length();
    }

    public static LineMap of(CharSequence text) {
        return new LineMap(text);
    }

    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts == null) {
            starts = findLineStarts(text);
            lineStarts = starts;
        }
        return starts;
    }

    private static int[] findLineStarts(String text) {
        int n = text.length();
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    public int lineCount() {
        return lineStarts().length;
    }

    public int length() {
        return length;
    }

    /** 0-based line and UTF-16 column of {@code offset} (clamped to the text). */
    public Position position(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        int[] starts = lineStarts();
        int line = Arrays.binarySearch(starts, o);
        if (line < 0) {
            line = -line - 2;
        }
        return new Position(line, o - starts[line]);
    }

    /** 1-based line and column, for messages read by people. */
    public Position humanPosition(int offset) {
        Position p = position(offset);
        return new Position(p.line() + 1, p.column() + 1);
    }

    /** The offset of a 0-based line and UTF-16 column, clamped to the line's length. */
    public int offset(int line, int column) {
        if (line < 0) {
            return 0;
        }
        int[] starts = lineStarts();
        if (line >= starts.length) {
            return length;
        }
        int start = starts[line];
        int next = line + 1 < starts.length ? starts[line + 1] : length;
        return Math.min(start + Math.max(0, column), next);
    }

    public int lineStart(int line) {
        return lineStarts()[line];
    }
}
