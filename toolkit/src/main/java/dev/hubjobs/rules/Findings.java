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

    /**
     * How many findings one rule reports in one job; past it, one summary says how many more. A
     * hostile document (a condition of 800,000 unknown paths) costs bounded memory and output.
     */
    static final int MAX_PER_RULE = 100;

    private final ValidatorConfig config;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private Rule rule;
    private JsonString condition;
    private int reported;
    private int suppressed;
    private Span firstSuppressed;

    Findings(ValidatorConfig config) {
        this.config = config;
    }

    void begin(Rule rule, JsonString condition) {
        summarise();
        this.rule = rule;
        this.condition = condition;
        reported = 0;
    }

    List<Diagnostic> diagnostics() {
        summarise();
        return diagnostics;
    }

    /** The summary of the running rule's findings past {@link #MAX_PER_RULE}, once. */
    private void summarise() {
        if (suppressed > 0) {
            diagnostics.add(configured(Diagnostic.of(
                    rule.code(),
                    rule.defaultSeverity(),
                    "and " + suppressed
                            + " more " + rule.code() + " finding" + (suppressed == 1 ? "" : "s")
                            + " in this job, not listed"
                            + " (at most " + MAX_PER_RULE + " are)",
                    firstSuppressed)));
            suppressed = 0;
        }
    }

    /** Whether one more finding of the running rule is listed; counts it otherwise. {@code at} is in the document. */
    private boolean admit(Span at) {
        if (reported < MAX_PER_RULE) {
            reported++;
            return true;
        }
        if (suppressed++ == 0) {
            firstSuppressed = at;
        }
        return false;
    }

    /** Reports at {@code span} of the document. */
    public void report(Span span, String message, Fix... fixes) {
        report(span, message, Map.of(), fixes);
    }

    public void report(Span span, String message, Map<String, Object> data, Fix... fixes) {
        if (!admit(span)) {
            return;
        }
        add(new Diagnostic(rule.code(), rule.defaultSeverity(), message, span, List.of(fixes), data));
    }

    /** Reports with a severity other than the rule's default (before configuration applies). */
    public void report(Severity severity, Span span, String message, Fix... fixes) {
        if (!admit(span)) {
            return;
        }
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

    public void reportInQuery(
            Severity severity, Span querySpan, String message, Map<String, Object> data, Fix... fixes) {
        if (!admit(condition == null ? querySpan : condition.documentSpan(querySpan))) {
            return;
        }
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
