package dev.hubjobs.text;

/**
 * Maps ANTLR's code-point indexes to UTF-16 offsets. Free for text without supplementary
 * characters (the usual case); one int per code point otherwise.
 */
public final class CodePointOffsets {

    private final int[] utf16;

    private CodePointOffsets(int[] utf16) {
        this.utf16 = utf16;
    }

    public static CodePointOffsets of(String text) {
        int n = text.length();
        int cps = text.codePointCount(0, n);
        if (cps == n) {
            return new CodePointOffsets(null);
        }
        int[] map = new int[cps + 1];
        int offset = 0;
        for (int cp = 0; cp < cps; cp++) {
            map[cp] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        map[cps] = n;
        return new CodePointOffsets(map);
    }

    public int toUtf16(int codePointIndex) {
        if (utf16 == null) {
            return Math.max(0, codePointIndex);
        }
        return utf16[Math.max(0, Math.min(codePointIndex, utf16.length - 1))];
    }

    /** The span of a token given ANTLR's inclusive start and stop indexes. */
    public Span span(int startIndex, int stopIndex) {
        // ANTLR gives tokens it conjured up during recovery the index -1.
        int start = toUtf16(startIndex);
        return new Span(start, Math.max(start, toUtf16(stopIndex + 1)));
    }
}
