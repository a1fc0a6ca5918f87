package dev.hubjobs.lsp.services;

import dev.hubjobs.ValidationResult;
import dev.hubjobs.exec.FleetSummary;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.Exprs;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.rules.Rule;
import dev.hubjobs.rules.Rules;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Hover: the findings under the cursor with their rule's summary and page, what a job field
 * means, what a query function does, a rule code in {@code .hubjobs.json}, and how many fleet
 * devices a {@code queryCondition} matches.
 */
final class HoverService {

    Hover hover(
            JobDocument doc,
            int offset,
            Supplier<ValidationResult> validation,
            FleetSummary fleet,
            CancelChecker cancel) {
        cancel.checkCanceled();
        List<String> parts = new ArrayList<>();
        Span range = null;

        if (DiagnosticsService.isConfigFile(doc.uri())) {
            JobDocument.Location at = doc.locate(offset);
            if (at.kind() == JobDocument.Kind.KEY && at.member() != null) {
                Optional<Rule> rule = Rules.byCode(at.member().key().value());
                if (rule.isPresent()) {
                    parts.add(rule(rule.get()));
                    range = at.member().key().span();
                }
            }
            return hover(doc, parts, range);
        }

        for (dev.hubjobs.diag.Diagnostic d : validation.get().diagnostics()) {
            if (d.span().contains(offset) || d.span().isEmpty() && d.span().start() == offset) {
                parts.add(Rules.byCode(d.code())
                        .map(HoverService::rule)
                        .orElse("**" + d.code() + "** " + link(d.code())));
                range = range == null ? d.span() : range;
            }
        }
        cancel.checkCanceled();

        JobDocument.Location at = doc.locate(offset);
        if (at.kind() == JobDocument.Kind.KEY && at.member() != null) {
            JobFields.fieldAt(at.path(), at.member().key().value())
                    .ifPresent(f -> parts.add("`" + f.name() + "`: " + f.description()));
            if (at.inJob() && at.member().key().value().equals("queryCondition")) {
                matches(at.job(), fleet).ifPresent(parts::add);
            }
            range = range == null ? at.member().key().span() : range;
        } else if (at.kind() == JobDocument.Kind.VALUE
                && at.inJob()
                && at.member() != null
                && at.member().key().value().equals("queryCondition")
                && at.member().value() instanceof JsonString s) {
            int q = JobDocument.valueOffset(s, offset);
            ParseResult<Condition> parsed = QueryParser.parseCondition(s.value());
            Span call = function(parsed, q, parts);
            if (call != null) {
                range = s.documentSpan(call);
            }
            matches(at.job(), fleet).ifPresent(parts::add);
        }
        return hover(doc, parts, range);
    }

    /** Adds the documentation of the function whose name is under the cursor; returns its span. */
    private static Span function(ParseResult<Condition> parsed, int q, List<String> parts) {
        Span[] hit = new Span[1];
        parsed.value()
                .ifPresent(c -> Exprs.forEach(c, e -> {
                    if (hit[0] == null
                            && e instanceof Expr.Call call
                            && (call.nameSpan().contains(q) || call.nameSpan().end() == q)) {
                        QueryLanguage.functionDoc(call.name()).ifPresent(parts::add);
                        hit[0] = call.nameSpan();
                    }
                }));
        return hit[0];
    }

    private static Optional<String> matches(JsonObject job, FleetSummary fleet) {
        if (fleet == null) {
            return Optional.empty();
        }
        return JobDocument.queryCondition(job)
                .map(s -> fleet.matches(s.value())
                        .map(m -> "Matches **" + m.count() + "** of " + m.of() + " devices in the fleet.")
                        .orElse("The condition does not parse, so it matches no device."));
    }

    private static String rule(Rule r) {
        return "**" + r.code() + "** " + r.name() + ": " + r.summary() + " (" + link(r.code()) + ")";
    }

    private static String link(String code) {
        return "[documentation](" + Rules.documentation(code) + ")";
    }

    private static Hover hover(JobDocument doc, List<String> parts, Span range) {
        if (parts.isEmpty()) {
            return null;
        }
        Hover h = new Hover(new MarkupContent(MarkupKind.MARKDOWN, String.join("\n\n---\n\n", parts)));
        if (range != null) {
            h.setRange(LspConverters.range(doc.lines(), range));
        }
        return h;
    }
}
