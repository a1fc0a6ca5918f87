package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.QueryFunctions;
import dev.hubjobs.query.QueryFunctions.Availability;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * HJ104: a function that twin and job queries do not have: one the service knows only in routing
 * queries ({@code CONTAINS}, {@code LOWER}, the routing spelling {@code STARTS_WITH}), or no
 * function at all. The catalogue is {@link QueryFunctions}.
 */
public final class UnsupportedFunction extends QueryRule {

    /** The names twin queries accept, for suggestions, in catalogue order. */
    private static final List<String> USABLE = QueryFunctions.all().stream()
            .filter(f -> f.usableInTwinQueries() && !f.isAggregate())
            .map(QueryFunctions.Function::name)
            .toList();

    private static final String AVAILABLE = "documented: " + names(Availability.DOCUMENTED) + "; accepted: "
            + names(Availability.ACCEPTED).replaceAll("IS_[A-Z]+(, IS_[A-Z]+)*", "IS_*");

    public UnsupportedFunction() {
        super(Meta.of(
                        Codes.UNSUPPORTED_FUNCTION,
                        Severity.ERROR,
                        "function not available in twin and job queries (only IS_DEFINED is documented)")
                .withFix());
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        for (Expr.Call call : query.nodes(Expr.Call.class)) {
            if (QueryFunctions.find(call.name())
                    .map(QueryFunctions.Function::usableInTwinQueries)
                    .orElse(false)) {
                continue;
            }
            String message =
                    "function " + call.name() + " is not available in twin and job queries (" + AVAILABLE + ")";
            Optional<String> suggestion =
                    QueryFunctions.renamed(call.name()).or(() -> Suggestions.closest(call.name(), USABLE));
            if (suggestion.isEmpty()) {
                findings.reportInQuery(call.nameSpan(), message);
            } else {
                findings.reportInQuery(
                        call.nameSpan(),
                        message + "; did you mean " + suggestion.get() + "?",
                        Map.of("suggestions", List.of(suggestion.get())),
                        Fix.suggestion(
                                "Change to " + suggestion.get(), new TextEdit(call.nameSpan(), suggestion.get())));
            }
        }
    }

    private static String names(Availability availability) {
        return QueryFunctions.all().stream()
                .filter(f -> f.availability() == availability && !f.isAggregate())
                .map(QueryFunctions.Function::name)
                .collect(Collectors.joining(", "));
    }
}
