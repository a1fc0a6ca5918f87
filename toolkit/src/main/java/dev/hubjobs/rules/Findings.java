package dev.hubjobs.rules;

import dev.hubjobs.config.ValidatorConfig;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where rules report. Gives each finding the running rule's code and its configured severity,
 * and moves findings made in query coordinates into the document through the JSON escapes of
 * the {@code queryCondition} string.
 */
public final class Findings {

    private final ValidatorConfig config;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private Rule rule;
    private JsonString condition;

    Findings(ValidatorConfig config) {
        this.config = config;
    }

    void begin(Rule rule, JsonString condition) {
        this.rule = rule;
        this.condition = condition;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Reports at {@code span} of the document. */
    public void report(Span span, String message, Fix... fixes) {
        report(span, message, Map.of(), fixes);
    }

    public void report(Span span, String message, Map<String, Object> data, Fix... fixes) {
        add(new Diagnostic(rule.code(), rule.defaultSeverity(), message, span, List.of(fixes), data));
    }

    /** Reports with a severity other than the rule's default (before configuration applies). */
    public void report(Severity severity, Span span, String message, Fix... fixes) {
        add(new Diagnostic(rule.code(), severity, message, span, List.of(fixes), Map.of()));
    }

    /**
     * Reports at {@code querySpan} of the query: of the {@code queryCondition}, mapped into the
     * document, inside a job; as it is for a query given alone.
     */
    public void reportInQuery(Span querySpan, String message, Fix... fixes) {
        reportInQuery(querySpan, message, Map.of(), fixes);
    }

    public void reportInQuery(Span querySpan, String message, Map<String, Object> data, Fix... fixes) {
        reportInQuery(rule.defaultSeverity(), querySpan, message, data, fixes);
    }

    /** Reports in the query with a severity other than the rule's default (before configuration applies). */
    public void reportInQuery(Severity severity, Span querySpan, String message, Fix... fixes) {
        reportInQuery(severity, querySpan, message, Map.of(), fixes);
    }

    private void reportInQuery(Severity severity, Span querySpan, String message, Map<String, Object> data,
            Fix... fixes) {
        Diagnostic d = new Diagnostic(rule.code(), severity, message, querySpan, List.of(fixes), data);
        add(condition == null ? d : d.relocate(condition::documentSpan, condition::encode));
    }

    private void add(Diagnostic d) {
        diagnostics.add(configured(d));
    }

    /** A severity set in the configuration replaces whatever the rule chose. */
    private Diagnostic configured(Diagnostic d) {
        Severity configured = config.severities().get(d.code());
        return configured == null ? d : d.withSeverity(configured);
    }
}
