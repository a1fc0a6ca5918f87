package dev.hubjobs.lsp.commons;

import dev.hubjobs.text.LineMap;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * An immutable snapshot of an open document: URI, version and text. Edits produce a new snapshot,
 * so a validation running on another thread always sees one consistent text and can tell by the
 * version whether its result is still wanted.
 */
public record TextDocument(String uri, int version, String text) {

    /**
     * Applies the changes of one {@code didChange} in order. A change without a range replaces the
     * whole text; a ranged change counts columns in UTF-16 units, as LSP does by default.
     */
    public TextDocument apply(int newVersion, List<TextDocumentContentChangeEvent> changes) {
        String current = text;
        for (TextDocumentContentChangeEvent change : changes) {
            Range range = change.getRange();
            String newText = change.getText() == null ? "" : change.getText();
            if (range == null) {
                current = newText;
                continue;
            }
            LineMap lines = LineMap.of(current);
            int start = offset(current, lines, range.getStart());
            int end = offset(current, lines, range.getEnd());
            if (end < start) {
                // A client bug, but one edit should not cost the whole session: treat it as a swap.
                int t = start;
                start = end;
                end = t;
            }
            current = new StringBuilder(current.length() - (end - start) + newText.length())
                    .append(current, 0, start)
                    .append(newText)
                    .append(current, end, current.length())
                    .toString();
        }
        return new TextDocument(uri, newVersion, current);
    }

    /**
     * The offset of an LSP position; a character past the end of its line means the end of the
     * line (before the line break), as the protocol specifies, and a line past the end means the
     * end of the text.
     */
    public static int offset(String text, LineMap lines, Position position) {
        int line = position.getLine();
        if (line < 0) {
            return 0;
        }
        if (line >= lines.lineCount()) {
            return text.length();
        }
        int start = lines.lineStart(line);
        int next = line + 1 < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
        int contentEnd = next;
        if (contentEnd > start && text.charAt(contentEnd - 1) == '\n') {
            contentEnd--;
        }
        if (contentEnd > start && text.charAt(contentEnd - 1) == '\r') {
            contentEnd--;
        }
        return start + Math.min(Math.max(0, position.getCharacter()), contentEnd - start);
    }
}
