package dev.hubjobs.rules;

import dev.hubjobs.diag.Severity;
import dev.hubjobs.query.Expr;

/** HJ106: a known function called with the wrong number of arguments. */
public final class WrongArgumentCount extends QueryRule {

    public WrongArgumentCount() {
        super("HJ106", "WrongArgumentCount", Severity.ERROR, "wrong number of arguments to a function", false);
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        for (Expr.Call call : query.nodes(Expr.Call.class)) {
            int[] arity = TwinFunctions.ARITY.get(TwinFunctions.canonical(call.name()));
            int n = call.arguments().size();
            if (arity == null || (n >= arity[0] && n <= arity[1])) {
                continue;
            }
            String expected = arity[0] == arity[1] ? String.valueOf(arity[0])
                    : arity[1] == Integer.MAX_VALUE ? "at least " + arity[0] : arity[0] + " to " + arity[1];
            findings.reportInQuery(call.span(), call.name() + " takes " + expected + " argument"
                    + ("1".equals(expected) ? "" : "s") + ", not " + n);
        }
    }
}
