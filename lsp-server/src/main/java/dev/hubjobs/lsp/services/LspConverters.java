package dev.hubjobs.lsp.services;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.rules.Rules;
import dev.hubjobs.text.LineMap;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Converts toolkit values to lsp4j data classes. Toolkit spans are half-open UTF-16 offsets and
 * {@link LineMap} counts UTF-16 columns, so a span maps to an LSP range without any re-encoding.
 */
public final class LspConverters {

    /** The {@code source} of every diagnostic, so users can tell ours from the JSON server's. */
    public static final String SOURCE = "hubjobs";

    private static final Gson GSON = new Gson();

    private LspConverters() {}

    public static Position position(LineMap lines, int offset) {
        LineMap.Position p = lines.position(offset);
        return new Position(p.line(), p.column());
    }

    public static Range range(LineMap lines, Span span) {
        return new Range(position(lines, span.start()), position(lines, span.end()));
    }

    public static DiagnosticSeverity severity(Severity severity) {
        return switch (severity) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
        };
    }

    /**
     * The LSP diagnostic for a toolkit one. Its fixes travel in {@code data} (already converted to
     * ranges) so that a code action request can answer from the diagnostic alone, without
     * validating the document again; the toolkit's own data (e.g. {@code suggestions}) rides along.
     */
    public static Diagnostic diagnostic(LineMap lines, dev.hubjobs.diag.Diagnostic d) {
        Diagnostic out = new Diagnostic(range(lines, d.span()), d.message(), severity(d.severity()), SOURCE, d.code());
        out.setCodeDescription(new DiagnosticCodeDescription(Rules.documentation(d.code())));
        Map<String, Object> data = new LinkedHashMap<>(d.data());
        if (!d.fixes().isEmpty()) {
            List<FixData> fixes = new ArrayList<>();
            for (Fix fix : d.fixes()) {
                List<TextEdit> edits = fix.edits().stream()
                        .map(e -> new TextEdit(range(lines, e.span()), e.newText()))
                        .toList();
                fixes.add(new FixData(fix.title(), fix.safe(), edits));
            }
            data.put(FIXES, fixes);
        }
        if (!data.isEmpty()) {
            try {
                out.setData(GSON.toJsonTree(data));
            } catch (RuntimeException unserialisable) {
                // A rule's extra data should never cost the finding or its fixes.
                out.setData(d.fixes().isEmpty() ? null : GSON.toJsonTree(Map.of(FIXES, data.get(FIXES))));
            }
        }
        return out;
    }

    /** The key of the fix payload in {@link Diagnostic#getData()}. */
    static final String FIXES = "fixes";

    /** One fix as carried in a diagnostic's data: edits already in LSP ranges. */
    public record FixData(String title, boolean safe, List<TextEdit> edits) {}

    private static final class Payload {
        List<FixDataJson> fixes;
    }

    // Gson cannot build records on Java 17, so the payload is read back through plain classes.
    private static final class FixDataJson {
        String title;
        boolean safe;
        List<TextEdit> edits;
    }

    /** The fixes in a diagnostic's data, whether it came from us in-process or back over the wire. */
    public static Optional<List<FixData>> fixes(Diagnostic diagnostic) {
        Object data = diagnostic.getData();
        JsonElement json = data instanceof JsonElement e ? e : data == null ? null : GSON.toJsonTree(data);
        if (!(json instanceof JsonObject o) || !o.has(FIXES)) {
            return Optional.empty();
        }
        try {
            Payload p = GSON.fromJson(o, Payload.class);
            if (p == null || p.fixes == null) {
                return Optional.empty();
            }
            List<FixData> out = new ArrayList<>();
            for (FixDataJson f : p.fixes) {
                if (f != null && f.title != null && f.edits != null) {
                    out.add(new FixData(f.title, f.safe, f.edits));
                }
            }
            return Optional.of(out);
        } catch (RuntimeException malformed) {
            // Data written by someone else (or mangled by a client) is no reason to fail the request.
            return Optional.empty();
        }
    }

    public static String codeOf(Diagnostic d) {
        Either<String, Integer> code = d.getCode();
        if (code == null) {
            return null;
        }
        return code.isLeft() ? code.getLeft() : String.valueOf(code.getRight());
    }
}
