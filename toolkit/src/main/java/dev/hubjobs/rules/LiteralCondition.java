package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.query.Expr;
import java.util.ArrayDeque;

/**
 * HJ115: a condition, or an operand of its AND, OR or NOT, that is a string, number, null or array
 * literal ({@code "tags.env = 'DEV'"} with the whole condition quoted). Only {@code true} passes a
 * filter, so such a condition selects no device; the service refuses it as a deployment's target
 * condition (azure-iot-cli-extension issue 101: ArgumentInvalid).
 */
public final class LiteralCondition extends QueryRule {

    public LiteralCondition() {
        super(Meta.of(
                Codes.LITERAL_CONDITION,
                Severity.ERROR,
                "condition that is a string, number, null or array literal instead of a test"));
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        Expr where = query.condition()
                .flatMap(c -> c.expression())
                .or(() -> query.query().flatMap(q -> q.where()))
                .orElse(null);
        if (where == null) {
            return;
        }
        ArrayDeque<Expr> predicates = new ArrayDeque<>();
        predicates.push(where);
        while (!predicates.isEmpty()) {
            Expr e = predicates.pop();
            if (e instanceof Expr.And a) {
                a.operands().forEach(predicates::push);
            } else if (e instanceof Expr.Or o) {
                o.operands().forEach(predicates::push);
            } else if (e instanceof Expr.Not n) {
                predicates.push(n.operand());
            } else if (e instanceof Expr.StringLiteral
                    || e instanceof Expr.NumberLiteral
                    || e instanceof Expr.NullLiteral
                    || e instanceof Expr.UndefinedLiteral
                    || e instanceof Expr.ArrayLiteral) {
                String hint = e instanceof Expr.StringLiteral s && s.doubleQuoted()
                        ? "; the whole condition seems to be in quotes: remove them"
                        : "";
                findings.reportInQuery(
                        e.span(),
                        "this is a value, not a test of the twin: a filter passes only"
                                + " what is true, so it selects no device" + hint);
            }
        }
    }
}
