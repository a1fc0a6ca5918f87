package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.QueryFunctions;

/** HJ105: a function the service accepts in twin queries but does not document there. */
public final class UndocumentedFunction extends QueryRule {

    public UndocumentedFunction() {
        super(Meta.of(
                Codes.UNDOCUMENTED_FUNCTION,
                Severity.INFO,
                "function works in twin queries but is undocumented there"
                        + " (STARTSWITH, ENDSWITH, ARRAY_CONTAINS, IS_*)"));
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        for (Expr.Call call : query.nodes(Expr.Call.class)) {
            if (QueryFunctions.find(call.name())
                            .map(QueryFunctions.Function::availability)
                            .orElse(null)
                    == QueryFunctions.Availability.ACCEPTED) {
                findings.reportInQuery(
                        call.nameSpan(),
                        call.name() + " works in twin queries but is not documented for them; only IS_DEFINED is");
            }
        }
    }
}
