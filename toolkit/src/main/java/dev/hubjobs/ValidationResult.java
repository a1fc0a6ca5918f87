package dev.hubjobs;

import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.text.LineMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The findings for one validated text, sorted by position. {@code path} is empty for text that
 * did not come from a file; {@code lines} turns spans into line and column.
 */
public record ValidationResult(Optional<Path> path, String text, List<Diagnostic> diagnostics, LineMap lines) {

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
