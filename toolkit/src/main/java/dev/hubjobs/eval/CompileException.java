package dev.hubjobs.eval;

import dev.hubjobs.diag.Diagnostic;
import java.util.List;

/**
 * A query that parses but cannot be evaluated (unknown function, wrong number of arguments, an
 * aggregate outside SELECT). Carries diagnostics in the usual form so callers print them like
 * parse errors.
 */
public final class CompileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public CompileException(Diagnostic diagnostic) {
        super(diagnostic.message());
        this.diagnostics = List.of(diagnostic);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
