package dev.hubjobs.cli;

import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Severity;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * gcc-style lines, one per finding, then {@code N files, E errors, W warnings}. On a terminal the
 * severity is coloured (error red, warning yellow, info cyan); the text is otherwise the same, so
 * that problem matchers read both.
 */
final class TextReport implements Report {

    private final boolean colour;

    TextReport() {
        this(false);
    }

    TextReport(boolean colour) {
        this.colour = colour;
    }

    /** Colour by default: on a terminal, unless NO_COLOR is set to anything non-empty or TERM is dumb. */
    static boolean colourByDefault(Map<String, String> env, boolean terminal) {
        String noColor = env.get("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }

    @Override
    public void write(List<FileResult> results, PrintWriter out) {
        for (FileResult r : results) {
            for (Diagnostic d : r.diagnostics()) {
                String line = DiagnosticText.line(r.path(), r.lines(), d);
                out.println(colour ? coloured(line, Printable.escape(r.path()).length(), d.severity()) : line);
            }
        }
        Summary s = Summary.of(results);
        // Always plural: the contract's summary line is matched by scripts as it stands.
        out.println(s.files() + " files, " + s.errors() + " errors, " + s.warnings() + " warnings");
        out.flush();
    }

    /** The line with its ": severity:" label coloured; the path, message and code are escaped text. */
    private static String coloured(String line, int pathLength, Severity severity) {
        String label = ": " + severity.label() + ": ";
        int at = line.indexOf(label, pathLength);
        if (at < 0) {
            return line;
        }
        String code = switch (severity) {
            case ERROR -> "1;31";
            case WARNING -> "1;33";
            case INFO -> "1;36";
        };
        return line.substring(0, at + 2) + "\u001b[" + code + "m" + severity.label() + "\u001b[0m"
                + line.substring(at + label.length() - 2);
    }
}
