package dev.hubjobs.cli;

import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.text.LineMap;
import java.util.List;

/**
 * The findings for one input as the reports print them.
 *
 * @param path the path shown to the user: relative to the current directory where possible,
 *     with {@code /} separators, or {@code <stdin>}
 * @param job false for a configuration file, whose findings are reported but which is not counted
 *     as a validated file
 */
record FileResult(String path, LineMap lines, List<Diagnostic> diagnostics, boolean job) {

    FileResult {
        diagnostics = List.copyOf(diagnostics);
    }

    long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
