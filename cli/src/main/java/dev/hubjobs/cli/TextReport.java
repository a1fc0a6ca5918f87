package dev.hubjobs.cli;

import dev.hubjobs.diag.Diagnostic;
import java.io.PrintWriter;
import java.util.List;

/** gcc-style lines, one per finding, then {@code N files, E errors, W warnings}. */
final class TextReport implements Report {

    @Override
    public void write(List<FileResult> results, PrintWriter out) {
        for (FileResult r : results) {
            for (Diagnostic d : r.diagnostics()) {
                out.println(DiagnosticText.line(r.path(), r.lines(), d));
            }
        }
        Summary s = Summary.of(results);
        // Always plural: the contract's summary line is matched by scripts as it stands.
        out.println(s.files() + " files, " + s.errors() + " errors, " + s.warnings() + " warnings");
        out.flush();
    }
}
