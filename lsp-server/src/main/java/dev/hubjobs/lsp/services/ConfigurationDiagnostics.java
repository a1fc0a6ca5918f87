package dev.hubjobs.lsp.services;

import java.util.List;
import org.eclipse.lsp4j.Diagnostic;

/** The problems (HJ003) of the {@code .hubjobs.json} at {@code uri} that applies to some job file. */
public record ConfigurationDiagnostics(String uri, List<Diagnostic> diagnostics) {

    public ConfigurationDiagnostics {
        diagnostics = List.copyOf(diagnostics);
    }
}
