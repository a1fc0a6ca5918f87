package dev.hubjobs.lsp.services;

import dev.hubjobs.fix.TextEdits;
import dev.hubjobs.lsp.commons.TextDocument;
import dev.hubjobs.text.LineMap;
import dev.hubjobs.text.Span;
import java.util.List;
import org.eclipse.lsp4j.TextEdit;

/**
 * Applies LSP text edits the way an editor does (all ranges refer to the original text): the
 * ranges become offsets, the toolkit's applier does the rest.
 */
final class EditsApplier {

    private EditsApplier() {}

    static String apply(String text, List<TextEdit> edits) {
        LineMap lines = LineMap.of(text);
        return TextEdits.apply(
                text,
                edits.stream()
                        .map(e -> new dev.hubjobs.diag.TextEdit(
                                Span.of(
                                        TextDocument.offset(
                                                text, lines, e.getRange().getStart()),
                                        TextDocument.offset(
                                                text, lines, e.getRange().getEnd())),
                                e.getNewText()))
                        .toList());
    }
}
