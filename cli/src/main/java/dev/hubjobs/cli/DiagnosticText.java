package dev.hubjobs.cli;

import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.text.LineMap;

/**
 * The text format of the output contract: {@code path:line:col: severity: message [HJnnn]}, the
 * path and the message {@linkplain Printable escaped}.
 */
final class DiagnosticText {

    private DiagnosticText() {}

    static String line(String path, LineMap lines, Diagnostic d) {
        LineMap.Position p = lines.humanPosition(d.span().start());
        return Printable.escape(path) + ":" + p.line() + ":" + p.column() + ": "
                + d.severity().label() + ": " + Printable.escape(d.message()) + " [" + d.code() + "]";
    }
}
