package dev.hubjobs.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.text.LineMap;
import dev.hubjobs.text.Span;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** The versioned JSON document of the output contract. */
final class JsonReport implements Report {

    /** Bumped only when a change would break a reader of the current shape. */
    static final int VERSION = 1;

    @Override
    public void write(List<FileResult> results, PrintWriter out) throws IOException {
        ObjectNode root = JsonOutput.object();
        root.put("version", VERSION);
        ArrayNode files = root.putArray("files");
        for (FileResult r : results) {
            ObjectNode file = files.addObject();
            file.put("path", r.path());
            ArrayNode diagnostics = file.putArray("diagnostics");
            for (Diagnostic d : r.diagnostics()) {
                diagnostics.add(diagnostic(r.lines(), d));
            }
        }
        Summary s = Summary.of(results);
        ObjectNode summary = root.putObject("summary");
        summary.put("files", s.files());
        summary.put("errors", s.errors());
        summary.put("warnings", s.warnings());
        summary.put("infos", s.infos());
        JsonOutput.print(root, out);
    }

    /** One finding as the output contract writes it, for every command that prints findings as JSON. */
    static ObjectNode diagnostic(LineMap lines, Diagnostic d) {
        ObjectNode node = JsonOutput.object();
        node.put("code", d.code());
        node.put("severity", d.severity().label());
        node.put("message", d.message());
        node.set("range", range(lines, d.span()));
        // The contract has one "fix": the first one the rule offers, which is its preferred one.
        if (!d.fixes().isEmpty()) {
            Fix fix = d.fixes().get(0);
            ObjectNode f = node.putObject("fix");
            f.put("title", fix.title());
            ArrayNode edits = f.putArray("edits");
            for (TextEdit e : fix.edits()) {
                ObjectNode edit = edits.addObject();
                edit.set("range", range(lines, e.span()));
                edit.put("newText", e.newText());
            }
        }
        return node;
    }

    private static ObjectNode range(LineMap lines, Span span) {
        ObjectNode range = JsonOutput.object();
        range.set("start", position(lines.humanPosition(span.start())));
        range.set("end", position(lines.humanPosition(span.end())));
        return range;
    }

    private static ObjectNode position(LineMap.Position p) {
        ObjectNode node = JsonOutput.object();
        node.put("line", p.line());
        node.put("column", p.column());
        return node;
    }
}
