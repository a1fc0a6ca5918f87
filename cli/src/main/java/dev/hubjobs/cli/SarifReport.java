package dev.hubjobs.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.rules.Rule;
import dev.hubjobs.rules.Rules;
import dev.hubjobs.text.LineMap;
import dev.hubjobs.text.Span;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A SARIF 2.1.0 log with one run, as code-scanning services read it: every rule of the catalogue
 * in {@code tool.driver.rules}, results with regions in UTF-16 columns, and the rules' fixes.
 */
final class SarifReport implements Report {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    @Override
    public void write(List<FileResult> results, PrintWriter out) throws IOException {
        ObjectNode log = JsonOutput.object();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "hubjobs");
        driver.put("semanticVersion", Main.version());
        driver.put("informationUri", "https://github.com/hubjobs/hubjobs");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (Rule rule : Rules.all()) {
            ruleIndex.put(rule.code(), ruleIndex.size());
            rules.add(rule(rule));
        }

        // Columns in this log count UTF-16 code units, like the text and JSON formats.
        run.put("columnKind", "utf16CodeUnits");
        ArrayNode resultNodes = run.putArray("results");
        for (FileResult r : results) {
            String uri = uri(r.path());
            for (Diagnostic d : r.diagnostics()) {
                resultNodes.add(result(uri, r.lines(), d, ruleIndex.get(d.code())));
            }
        }
        JsonOutput.print(log, out);
    }

    private static ObjectNode rule(Rule rule) {
        ObjectNode node = JsonOutput.object();
        node.put("id", rule.code());
        node.put("name", rule.name());
        node.putObject("shortDescription").put("text", rule.summary());
        node.putObject("fullDescription").put("text", rule.summary());
        String helpUri = Rules.documentation(rule.code());
        node.putObject("help")
                .put(
                        "text",
                        rule.code() + " " + rule.name() + ": " + rule.summary() + (rule.hasFix() ? " (has a fix)" : "")
                                + ". Details and examples: " + helpUri);
        node.put("helpUri", helpUri);
        node.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
        return node;
    }

    private static ObjectNode result(String uri, LineMap lines, Diagnostic d, Integer ruleIndex) {
        ObjectNode node = JsonOutput.object();
        node.put("ruleId", d.code());
        if (ruleIndex != null) {
            node.put("ruleIndex", ruleIndex);
        }
        node.put("level", level(d.severity()));
        node.putObject("message").put("text", d.message());
        ObjectNode location = node.putArray("locations").addObject().putObject("physicalLocation");
        location.putObject("artifactLocation").put("uri", uri);
        location.set("region", region(lines, d.span()));
        if (!d.fixes().isEmpty()) {
            ArrayNode fixes = node.putArray("fixes");
            for (Fix fix : d.fixes()) {
                ObjectNode f = fixes.addObject();
                f.putObject("description").put("text", fix.title());
                ObjectNode change = f.putArray("artifactChanges").addObject();
                change.putObject("artifactLocation").put("uri", uri);
                ArrayNode replacements = change.putArray("replacements");
                for (TextEdit e : fix.edits()) {
                    ObjectNode replacement = replacements.addObject();
                    replacement.set("deletedRegion", region(lines, e.span()));
                    replacement.putObject("insertedContent").put("text", e.newText());
                }
            }
        }
        return node;
    }

    /** 1-based, end exclusive; an empty region (start = end) marks an insertion point. */
    private static ObjectNode region(LineMap lines, Span span) {
        LineMap.Position start = lines.humanPosition(span.start());
        LineMap.Position end = lines.humanPosition(span.end());
        ObjectNode region = JsonOutput.object();
        region.put("startLine", start.line());
        region.put("startColumn", start.column());
        region.put("endLine", end.line());
        region.put("endColumn", end.column());
        return region;
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /**
     * A relative URI reference for a path under the current directory (what code-scanning
     * services resolve against the repository root), a {@code file:} URI for any other path.
     */
    static String uri(String displayPath) {
        if (Path.of(displayPath).isAbsolute()) {
            return Path.of(displayPath).toUri().toASCIIString();
        }
        try {
            String encoded = new URI(null, null, displayPath, null).toASCIIString();
            // A first segment with ':' would read as a scheme.
            int colon = encoded.indexOf(':');
            int slash = encoded.indexOf('/');
            return colon >= 0 && (slash < 0 || colon < slash) ? "./" + encoded : encoded;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot encode " + displayPath, e);
        }
    }
}
