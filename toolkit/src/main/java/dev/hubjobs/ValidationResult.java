package dev.hubjobs;

import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.json.JsonDocument;
import dev.hubjobs.text.LineMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The findings for one validated text, sorted by position. {@code path} is empty for text that
 * did not come from a file; {@code lines} turns spans into line and column; {@code document} is the
 * parsed document (empty when the text could not be read), so that a caller that goes on to use
 * the jobs ({@code dry-run}, hover) does not parse them again.
 */
public record ValidationResult(
        Optional<Path> path,
        String text,
        List<Diagnostic> diagnostics,
        LineMap lines,
        Optional<JsonDocument> document) {

    public ValidationResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
