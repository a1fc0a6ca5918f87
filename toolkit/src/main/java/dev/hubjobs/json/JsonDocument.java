package dev.hubjobs.json;

import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.text.LineMap;
import java.util.List;
import java.util.Optional;

/**
 * A parsed job document: its text, its JSON tree (absent when nothing could be read), and every
 * syntax problem found (HJ001, HJ002, HJ004, HJ005).
 */
public record JsonDocument(String text, Optional<JsonValue> root, List<Diagnostic> diagnostics, LineMap lines) {

    public JsonDocument {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
