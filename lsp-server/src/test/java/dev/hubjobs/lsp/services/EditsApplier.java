package dev.hubjobs.lsp.services;

import dev.hubjobs.lsp.commons.TextDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;

/** Applies LSP text edits the way an editor does: all ranges refer to the original text. */
final class EditsApplier {

    private EditsApplier() {}

    static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        // From the end backwards, so earlier ranges stay valid.
        sorted.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
                .thenComparing(e -> e.getRange().getStart().getCharacter()).reversed());
        TextDocument doc = new TextDocument("x", 0, text);
        for (TextEdit e : sorted) {
            doc = doc.apply(0, List.of(new TextDocumentContentChangeEvent(e.getRange(), e.getNewText())));
        }
        return doc.text();
    }
}
