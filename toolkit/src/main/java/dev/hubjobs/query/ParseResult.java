package dev.hubjobs.query;

import dev.hubjobs.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What a parse produced: the tree (absent only when nothing useful could be built) and every
 * problem found, in text order. Parsers never throw for user input.
 */
public record ParseResult<T>(Optional<T> value, List<Diagnostic> diagnostics) {

    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The tree, for callers that have checked {@link #hasErrors()}. */
    public T get() {
        return value.orElseThrow(() -> new IllegalStateException("no tree: " + diagnostics));
    }
}
