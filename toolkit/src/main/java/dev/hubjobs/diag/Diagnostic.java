package dev.hubjobs.diag;

import dev.hubjobs.text.Span;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One finding: a rule code from the catalogue, a severity, a message that names the offending
 * text, and a half-open span into the document (or query) it was found in.
 *
 * <p>{@code fixes} are edits that resolve it; {@code data} carries machine-readable details
 * (for example {@code "suggestions"}) for editors and other tools.
 */
public record Diagnostic(
        String code, Severity severity, String message, Span span, List<Fix> fixes, Map<String, Object> data) {

    /** The order of a report: by position, then by code. */
    public static final Comparator<Diagnostic> BY_POSITION = (a, b) -> {
        int c = a.span.compareTo(b.span);
        return c != 0 ? c : a.code.compareTo(b.code);
    };

    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(span, "span");
        fixes = List.copyOf(fixes);
        data = Map.copyOf(data);
    }

    public static Diagnostic of(String code, Severity severity, String message, Span span) {
        return new Diagnostic(code, severity, message, span, List.of(), Map.of());
    }

    public static Diagnostic error(String code, String message, Span span) {
        return of(code, Severity.ERROR, message, span);
    }

    public Diagnostic withFix(Fix fix) {
        return new Diagnostic(
                code,
                severity,
                message,
                span,
                fixes.isEmpty()
                        ? List.of(fix)
                        : java.util.stream.Stream.concat(fixes.stream(), java.util.stream.Stream.of(fix))
                                .toList(),
                data);
    }

    public Diagnostic withData(String key, Object value) {
        var copy = new java.util.LinkedHashMap<>(data);
        copy.put(key, value);
        return new Diagnostic(code, severity, message, span, fixes, copy);
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return newSeverity == severity ? this : new Diagnostic(code, newSeverity, message, span, fixes, data);
    }

    /**
     * The same finding moved into another text, e.g. from offsets in a query to offsets in the JSON
     * document that holds it; {@code newTextMapper} re-encodes fix text for that document.
     */
    public Diagnostic relocate(UnaryOperator<Span> spanMapper, UnaryOperator<String> newTextMapper) {
        List<Fix> moved = fixes.stream()
                .map(f -> new Fix(
                        f.title(),
                        f.edits().stream()
                                .map(e -> new TextEdit(spanMapper.apply(e.span()), newTextMapper.apply(e.newText())))
                                .toList(),
                        f.safe()))
                .toList();
        return new Diagnostic(code, severity, message, spanMapper.apply(span), moved, data);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
