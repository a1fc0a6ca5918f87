package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.QueryFunctions;
import dev.hubjobs.query.Source;

/** HJ102: {@code FROM devices.jobs}, GROUP BY, aggregates or TOP in a job condition. */
public final class UnsupportedConditionClause extends QueryRule {

    public UnsupportedConditionClause() {
        super(Meta.of(
                Codes.UNSUPPORTED_CONDITION_CLAUSE,
                Severity.ERROR,
                "queryCondition uses FROM devices.jobs, GROUP BY, an aggregate or TOP"));
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        Condition condition = query.condition().orElse(null);
        if (condition == null) {
            return;
        }
        if (condition.source() == Source.JOBS) {
            condition
                    .sourceSpan()
                    .ifPresent(span -> findings.reportInQuery(
                            span,
                            "a job cannot target devices.jobs; job conditions select devices (or devices.modules)"));
        }
        condition
                .groupBySpan()
                .ifPresent(span -> findings.reportInQuery(
                        span, "GROUP BY is not allowed in a queryCondition; a job condition only selects devices"));
        for (Expr.Call c : query.nodes(Expr.Call.class)) {
            QueryFunctions.Function f = QueryFunctions.find(c.name()).orElse(null);
            if (f != null && f.isAggregate()) {
                findings.reportInQuery(
                        c.nameSpan(),
                        "aggregate " + f.name()
                                + "() is not allowed in a queryCondition; aggregates belong in SELECT queries");
            }
        }
    }
}
