package dev.hubjobs.fix;

import dev.hubjobs.text.Span;
import java.util.BitSet;

/**
 * The spans of the edits chosen so far in a pass, which conflict with none of each other, kept
 * as positions of the text so that whether a new span conflicts with one of them ({@link
 * FixAll#conflict}) is a few bit scans. (A tree of spans costs a few boxed lookups per finding,
 * a noticeable part of fixing a hostile document of a hundred thousand findings.)
 */
final class TakenSpans {

    /** The characters that chosen non-empty spans replace. */
    private final BitSet replaced = new BitSet();
    /** Where chosen non-empty spans end. */
    private final BitSet ends = new BitSet();
    /** Where chosen insertions (empty spans) are. */
    private final BitSet insertions = new BitSet();

    /** Whether {@code span} conflicts with a chosen span. */
    boolean conflicts(Span span) {
        int start = span.start();
        if (span.isEmpty()) {
            // Inside or at either end of a chosen range, or at a chosen insertion.
            return replaced.get(start) || ends.get(start) || insertions.get(start);
        }
        int overlap = replaced.nextSetBit(start);
        if (overlap >= 0 && overlap < span.end()) {
            return true;
        }
        int insertion = insertions.nextSetBit(start);
        return insertion >= 0 && insertion <= span.end();
    }

    /** Adds a span that conflicts with no chosen one. */
    void take(Span span) {
        if (span.isEmpty()) {
            insertions.set(span.start());
        } else {
            replaced.set(span.start(), span.end());
            ends.set(span.end());
        }
    }
}
