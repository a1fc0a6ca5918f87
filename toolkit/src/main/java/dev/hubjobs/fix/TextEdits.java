package dev.hubjobs.fix;

import dev.hubjobs.diag.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies edits to a text in one pass. */
public final class TextEdits {

    private TextEdits() {}

    /**
     * The text with every edit applied as if all at once: each edit's span is an offset range of
     * the original {@code text}. Edits take effect in order of position; insertions at the same
     * offset in the order given, and before a replacement that starts there. Time is linear in
     * the text and the new text, plus sorting the edits.
     *
     * @throws IllegalArgumentException if two edits overlap or an edit ends past the text
     */
    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing(TextEdit::span)); // stable: insertions at one offset keep their order
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (TextEdit e : sorted) {
            if (e.span().start() < copied || e.span().end() > text.length()) {
                throw new IllegalArgumentException("edit " + e.span() + " overlaps another or ends past the text ("
                        + text.length() + " characters)");
            }
            out.append(text, copied, e.span().start()).append(e.newText());
            copied = e.span().end();
        }
        return out.append(text, copied, text.length()).toString();
    }
}
