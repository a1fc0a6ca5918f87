package dev.hubjobs.rules;

import dev.hubjobs.diag.Severity;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.QueryFunctions;

/** HJ106: a known function called with the wrong number of arguments. */
public final class WrongArgumentCount extends QueryRule {

    public WrongArgumentCount() {
        super("HJ106", "WrongArgumentCount", Severity.ERROR, "wrong number of arguments to a function", false);
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        for (Expr.Call call : query.nodes(Expr.Call.class)) {
            QueryFunctions.Function f = QueryFunctions.find(call.name()).orElse(null);
            int n = call.arguments().size();
            if (f == null || f.acceptsArguments(n)) {
                continue;
            }
            String expected = f.arity();
            findings.reportInQuery(call.span(), call.name() + " takes " + expected + " argument"
                    + ("1".equals(expected) ? "" : "s") + ", not " + n);
        }
    }
}
