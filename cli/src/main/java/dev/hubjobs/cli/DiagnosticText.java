package dev.hubjobs.cli;

import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.text.LineMap;

/** The text format of the output contract: {@code path:line:col: severity: message [HJnnn]}. */
final class DiagnosticText {

    private DiagnosticText() {}

    static String line(String path, LineMap lines, Diagnostic d) {
        LineMap.Position p = lines.humanPosition(d.span().start());
        return path + ":" + p.line() + ":" + p.column() + ": " + d.severity().label() + ": " + d.message()
                + " [" + d.code() + "]";
    }
}
