package dev.hubjobs.lsp.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.lsp4j.CompletionItem;

/** Completion at a {@code |} cursor, and the text an item leaves after the editor applies it. */
final class CompletionAssert {

    private CompletionAssert() {}

    static List<CompletionItem> complete(JobLanguageService service, String marked) {
        Cursor c = Cursor.of(marked);
        List<CompletionItem> items = service.completion(DiagnosticsAssert.URI, c.text(), c.position(), () -> {})
                .getItems();
        assertThat(items)
                .extracting(CompletionItem::getLabel)
                .as("duplicate labels")
                .doesNotHaveDuplicates();
        return items;
    }

    /** A service for a client that takes snippets, as VS Code does. */
    static JobLanguageService withSnippets() {
        JobLanguageService service = new JobLanguageService();
        service.setSnippetSupport(true);
        return service;
    }

    static List<String> labels(String marked) {
        return complete(withSnippets(), marked).stream()
                .map(CompletionItem::getLabel)
                .toList();
    }

    /** The document after applying the item labelled {@code label} (snippet text as written). */
    static String apply(JobLanguageService service, String marked, String label) {
        Cursor c = Cursor.of(marked);
        CompletionItem item = complete(service, marked).stream()
                .filter(i -> i.getLabel().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no completion " + label + " at " + marked));
        return EditsApplier.apply(c.text(), List.of(item.getTextEdit().getLeft()));
    }

    static String apply(String marked, String label) {
        return apply(withSnippets(), marked, label);
    }
}
