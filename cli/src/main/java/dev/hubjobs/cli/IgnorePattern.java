package dev.hubjobs.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One line of a {@code .gitignore} file, with git's meaning (gitignore(5) and git's wildmatch):
 * {@code #} comments, {@code \} escapes, trailing spaces trimmed, {@code !} negates, a trailing
 * {@code /} matches directories only, a {@code /} at the start or in the middle anchors the pattern
 * to the directory of its file (without one it matches a name at any depth), {@code *}, {@code ?},
 * {@code [...]} classes ({@code !} or {@code ^} negates; ranges; {@code [:alpha:]} and the other
 * POSIX names), {@code **}&#47; (any number of directories), &#47;{@code **} (everything inside).
 * Like git, it matches bytes of the UTF-8 path, case-sensitively.
 *
 * <p>Matching runs the pattern as an automaton over the path, one step per byte over the set of
 * pattern positions still alive: never more than pattern length × path length steps, whatever the
 * pattern, and no backtracking.
 */
final class IgnorePattern {

    /** Longer lines are not patterns at all (they are ignored, as if they were not there). */
    static final int MAX_LENGTH = 4096;

    private static final byte LITERAL = 0;
    private static final byte ONE = 1;
    private static final byte CLASS = 2;
    // The kinds from here on may match nothing.
    private static final byte STAR = 3;
    private static final byte DIRECTORIES = 4;
    private static final byte ANYTHING = 5;

    /** One kind per position: a byte, {@code ?}, a class, {@code *}, {@code **}&#47;, or a final {@code **}. */
    private final byte[] kinds;
    /** For {@link #LITERAL}, the byte. */
    private final int[] bytes;
    /** For {@link #CLASS}: pairs of inclusive byte ranges, the first element being 1 if the class is negated. */
    private final int[][] classes;

    final boolean negated;
    final boolean directoryOnly;
    /** Without a {@code /} (other than a trailing one) a pattern matches the last name of a path. */
    final boolean nameOnly;

    private IgnorePattern(
            byte[] kinds, int[] bytes, int[][] classes, boolean negated, boolean directoryOnly, boolean nameOnly) {
        this.kinds = kinds;
        this.bytes = bytes;
        this.classes = classes;
        this.negated = negated;
        this.directoryOnly = directoryOnly;
        this.nameOnly = nameOnly;
    }

    /**
     * The pattern of one line (without its line end), or null for a blank line, a comment, a line
     * over {@link #MAX_LENGTH} bytes and a pattern that can never match (an unclosed {@code [},
     * a trailing {@code \}).
     */
    static IgnorePattern parse(byte[] line) {
        if (line.length == 0 || line.length > MAX_LENGTH || line[0] == '#') {
            return null;
        }
        int end = trimTrailingSpaces(line);
        int start = 0;
        boolean negated = false;
        if (start < end && line[start] == '!') {
            negated = true;
            start++;
        }
        boolean directoryOnly = false;
        if (end > start && line[end - 1] == '/') {
            directoryOnly = true;
            end--;
        }
        if (start == end) {
            return null;
        }
        boolean nameOnly = true;
        for (int i = start; i < end; i++) {
            if (line[i] == '/') {
                nameOnly = false;
                break;
            }
        }
        if (!nameOnly && line[start] == '/') {
            start++; // anchored: the path is matched from the directory of the file anyway
        }
        return compile(Arrays.copyOfRange(line, start, end), negated, directoryOnly, nameOnly);
    }

    /** git's trim_trailing_spaces: spaces at the end go, unless the first of them is escaped. */
    private static int trimTrailingSpaces(byte[] line) {
        int lastSpace = -1;
        for (int i = 0; i < line.length; i++) {
            if (line[i] == ' ') {
                if (lastSpace < 0) {
                    lastSpace = i;
                }
            } else {
                if (line[i] == '\\' && ++i == line.length) {
                    return line.length;
                }
                lastSpace = -1;
            }
        }
        return lastSpace < 0 ? line.length : lastSpace;
    }

    private static IgnorePattern compile(byte[] p, boolean negated, boolean directoryOnly, boolean nameOnly) {
        // git matches a path's literal start before the rest, which puts a '**' that follows it
        // at the start of what is left: "foo**/bar" matches "foo/x/bar" as "foo" + "**/bar".
        int literalStart = 0;
        while (literalStart < p.length && "*?[\\".indexOf(p[literalStart]) < 0) {
            literalStart++;
        }
        List<Byte> kinds = new ArrayList<>();
        List<Integer> bytes = new ArrayList<>();
        List<int[]> classes = new ArrayList<>();
        int i = 0;
        while (i < p.length) {
            int c = p[i] & 0xff;
            int[] cls = null;
            byte kind = LITERAL;
            if (c == '\\') {
                if (i + 1 == p.length) {
                    return null;
                }
                c = p[i + 1] & 0xff;
                i += 2;
            } else if (c == '?') {
                kind = ONE;
                i++;
            } else if (c == '[') {
                int[] end = new int[1];
                cls = parseClass(p, i + 1, end);
                if (cls == null) {
                    return null;
                }
                kind = CLASS;
                i = end[0];
            } else if (c == '*') {
                int j = i;
                while (j < p.length && p[j] == '*') {
                    j++;
                }
                boolean afterSlash = i == 0 || p[i - 1] == '/' || (!nameOnly && i == literalStart);
                if (j - i >= 2 && afterSlash && j == p.length) {
                    kind = ANYTHING;
                    i = j;
                } else if (j - i >= 2 && afterSlash && p[j] == '/') {
                    kind = DIRECTORIES;
                    i = j + 1;
                } else if (j - i >= 2 && afterSlash && p[j] == '\\' && j + 1 < p.length && p[j + 1] == '/') {
                    kind = DIRECTORIES;
                    i = j + 2;
                } else {
                    kind = STAR;
                    i = j;
                }
            } else {
                i++;
            }
            kinds.add(kind);
            bytes.add(c);
            classes.add(cls);
        }
        byte[] k = new byte[kinds.size()];
        int[] b = new int[k.length];
        for (int n = 0; n < k.length; n++) {
            k[n] = kinds.get(n);
            b[n] = bytes.get(n);
        }
        return new IgnorePattern(k, b, classes.toArray(int[][]::new), negated, directoryOnly, nameOnly);
    }

    /**
     * A bracket expression from just after its {@code [} (git's wildmatch): a {@code ]} right
     * after the {@code [} or {@code [!} is a member, {@code a-z} a range, {@code \} escapes,
     * {@code [:name:]} a POSIX class. Null when it is not closed or names an unknown class (git
     * then matches nothing); {@code end[0]} is set to the index after the closing {@code ]}.
     */
    private static int[] parseClass(byte[] p, int i, int[] end) {
        List<Integer> ranges = new ArrayList<>();
        boolean negated = false;
        if (i < p.length && (p[i] == '!' || p[i] == '^')) {
            negated = true;
            i++;
        }
        int prev = 0;
        boolean first = true;
        while (true) {
            if (i >= p.length) {
                return null;
            }
            int c = p[i] & 0xff;
            if (c == ']' && !first) {
                break;
            }
            first = false;
            if (c == '\\') {
                if (++i >= p.length) {
                    return null;
                }
                c = p[i] & 0xff;
                addRange(ranges, c, c);
            } else if (c == '-' && prev != 0 && i + 1 < p.length && p[i + 1] != ']') {
                int hi = p[++i] & 0xff;
                if (hi == '\\') {
                    if (++i >= p.length) {
                        return null;
                    }
                    hi = p[i] & 0xff;
                }
                addRange(ranges, prev, hi);
                c = 0;
            } else if (c == '[' && i + 1 < p.length && p[i + 1] == ':') {
                int close = i + 2;
                while (close < p.length && p[close] != ']') {
                    close++;
                }
                if (close >= p.length) {
                    return null;
                }
                if (close - (i + 2) < 1 || p[close - 1] != ':') {
                    addRange(ranges, '[', '['); // no ":]": a plain '[', and the ':' is read next
                } else {
                    if (!addPosixClass(
                            ranges,
                            new String(p, i + 2, close - 1 - (i + 2), java.nio.charset.StandardCharsets.ISO_8859_1))) {
                        return null;
                    }
                    i = close;
                    c = 0;
                }
            } else {
                addRange(ranges, c, c);
            }
            prev = c;
            i++;
        }
        end[0] = i + 1;
        int[] out = new int[1 + ranges.size()];
        out[0] = negated ? 1 : 0;
        for (int n = 0; n < ranges.size(); n++) {
            out[n + 1] = ranges.get(n);
        }
        return out;
    }

    private static void addRange(List<Integer> ranges, int lo, int hi) {
        ranges.add(lo);
        ranges.add(hi);
    }

    private static boolean addPosixClass(List<Integer> r, String name) {
        switch (name) {
            case "alnum" -> {
                addRange(r, '0', '9');
                addRange(r, 'A', 'Z');
                addRange(r, 'a', 'z');
            }
            case "alpha" -> {
                addRange(r, 'A', 'Z');
                addRange(r, 'a', 'z');
            }
            case "blank" -> {
                addRange(r, ' ', ' ');
                addRange(r, '\t', '\t');
            }
            case "cntrl" -> {
                addRange(r, 0, 31);
                addRange(r, 127, 127);
            }
            case "digit" -> addRange(r, '0', '9');
            case "graph" -> addRange(r, 33, 126);
            case "lower" -> addRange(r, 'a', 'z');
            case "print" -> addRange(r, 32, 126);
            case "punct" -> {
                addRange(r, 33, 47);
                addRange(r, 58, 64);
                addRange(r, 91, 96);
                addRange(r, 123, 126);
            }
            case "space" -> {
                addRange(r, '\t', '\r');
                addRange(r, ' ', ' ');
            }
            case "upper" -> addRange(r, 'A', 'Z');
            case "xdigit" -> {
                addRange(r, '0', '9');
                addRange(r, 'A', 'F');
                addRange(r, 'a', 'f');
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the pattern matches {@code path} (UTF-8, {@code /}-separated, relative to the
     * repository); {@code from} is where the part below the pattern's own directory starts.
     */
    boolean matches(byte[] path, int from, boolean directory) {
        if (directoryOnly && !directory) {
            return false;
        }
        int start = from;
        if (nameOnly) {
            for (int i = path.length - 1; i >= from; i--) {
                if (path[i] == '/') {
                    start = i + 1;
                    break;
                }
            }
        }
        return run(path, start);
    }

    private boolean run(byte[] text, int start) {
        int n = kinds.length;
        boolean[] alive = new boolean[n + 1];
        boolean[] reached = new boolean[n + 1];
        boolean[] nextAlive = new boolean[n + 1];
        reached[0] = true;
        settle(alive, reached);
        for (int t = start; t < text.length; t++) {
            int c = text[t] & 0xff;
            Arrays.fill(nextAlive, false);
            Arrays.fill(reached, false);
            for (int i = 0; i < n; i++) {
                if (!alive[i]) {
                    continue;
                }
                switch (kinds[i]) {
                    case LITERAL -> reached[i + 1] |= c == bytes[i];
                    case ONE -> reached[i + 1] |= c != '/';
                    case CLASS -> reached[i + 1] |= c != '/' && inClass(classes[i], c);
                    case STAR -> reached[i] |= c != '/';
                    case ANYTHING -> reached[i] = true;
                    default -> { // DIRECTORIES: anything up to a '/', after which the rest follows
                        nextAlive[i] = true;
                        reached[i + 1] |= c == '/';
                    }
                }
            }
            if (!settle(nextAlive, reached)) {
                return false;
            }
            boolean[] swap = alive;
            alive = nextAlive;
            nextAlive = swap;
        }
        return alive[n];
    }

    /**
     * Marks the positions just reached alive, and the position after each one that may match
     * nothing as reached too (in order, so that a run of them is skipped at once). A
     * {@code **}&#47; that is only being continued is not reached again: it may be skipped when
     * it starts, not halfway through a name. Returns whether any position is alive.
     */
    private boolean settle(boolean[] alive, boolean[] reached) {
        boolean any = false;
        for (int i = 0; i < alive.length; i++) {
            if (reached[i]) {
                alive[i] = true;
                if (i < kinds.length && kinds[i] >= STAR) {
                    reached[i + 1] = true;
                }
            }
            any |= alive[i];
        }
        return any;
    }

    private static boolean inClass(int[] cls, int c) {
        boolean in = false;
        for (int i = 1; i < cls.length && !in; i += 2) {
            in = cls[i] <= c && c <= cls[i + 1];
        }
        return in != (cls[0] == 1);
    }
}
