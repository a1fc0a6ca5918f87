package dev.hubjobs.cli;

import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.text.LineMap;
import java.io.PrintWriter;
import java.util.List;

/** Prints the problems of a query given on the command line as {@code <query>:line:col: ...}. */
final class QueryText {

    private QueryText() {}

    static void print(String text, List<Diagnostic> diagnostics, PrintWriter err) {
        LineMap lines = LineMap.of(text);
        for (Diagnostic d : diagnostics) {
            err.println(DiagnosticText.line("<query>", lines, d));
        }
        err.flush();
    }

    /** Prints every diagnostic; true when the text can be run (a tree and no errors). */
    static boolean usable(String text, ParseResult<?> parsed, PrintWriter err) {
        print(text, parsed.diagnostics(), err);
        return !parsed.hasErrors() && parsed.value().isPresent();
    }
}
