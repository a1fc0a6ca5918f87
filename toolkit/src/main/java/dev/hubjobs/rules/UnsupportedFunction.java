package dev.hubjobs.rules;

import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.query.Expr;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** HJ104: a function that twin and job queries do not have ({@code CONTAINS}, {@code LOWER}, {@code STARTS_WITH}). */
public final class UnsupportedFunction extends QueryRule {

    public UnsupportedFunction() {
        super("HJ104", "UnsupportedFunction", Severity.ERROR,
                "function not available in twin and job queries (only IS_DEFINED is documented)", true);
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        for (Expr.Call call : query.nodes(Expr.Call.class)) {
            String name = TwinFunctions.canonical(call.name());
            if (TwinFunctions.usable(name) || UnsupportedConditionClause.AGGREGATES.contains(name)) {
                continue;
            }
            String message = "function " + call.name() + " is not available in twin and job queries"
                    + " (documented: IS_DEFINED; accepted: STARTSWITH, ENDSWITH, IS_*)";
            Optional<String> suggestion = TwinFunctions.suggestion(name);
            if (suggestion.isEmpty()) {
                findings.reportInQuery(call.nameSpan(), message);
            } else {
                findings.reportInQuery(call.nameSpan(), message + "; did you mean " + suggestion.get() + "?",
                        Map.of("suggestions", List.of(suggestion.get())),
                        Fix.suggestion("Change to " + suggestion.get(),
                                new TextEdit(call.nameSpan(), suggestion.get())));
            }
        }
    }
}
