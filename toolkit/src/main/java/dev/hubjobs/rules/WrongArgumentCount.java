package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.QueryFunctions;

/** HJ106: a known function called with the wrong number of arguments. */
public final class WrongArgumentCount extends QueryRule {

    public WrongArgumentCount() {
        super(Meta.of(Codes.WRONG_ARGUMENT_COUNT, Severity.ERROR, "wrong number of arguments to a function"));
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
            findings.reportInQuery(
                    call.span(),
                    call.name() + " takes " + expected + " argument" + ("1".equals(expected) ? "" : "s") + ", not "
                            + n);
        }
    }
}
