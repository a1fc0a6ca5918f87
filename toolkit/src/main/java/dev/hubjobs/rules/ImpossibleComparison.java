package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.query.Expr;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HJ107: a comparison that can never be true. Values of different types never compare equal or
 * ordered (the result is undefined), arrays and objects never compare at all, and one property
 * cannot equal a string and a number in the same conjunction.
 */
public final class ImpossibleComparison extends QueryRule {

    public ImpossibleComparison() {
        super(Meta.of(Codes.IMPOSSIBLE_COMPARISON, Severity.WARNING, "comparison that can never be true"));
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        for (Expr.Binary b : query.nodes(Expr.Binary.class)) {
            if (b.op().isComparison()) {
                checkOperands(b, findings);
            }
        }
        for (Expr.And and : query.nodes(Expr.And.class)) {
            checkConjunction(and, findings);
        }
    }

    private static void checkOperands(Expr.Binary b, Findings findings) {
        Expr array = b.left() instanceof Expr.ArrayLiteral
                ? b.left()
                : b.right() instanceof Expr.ArrayLiteral ? b.right() : null;
        if (array != null) {
            findings.reportInQuery(
                    array.span(), "comparing with an array is never true; " + "to test membership write IN [...]");
            return;
        }
        String left = literalType(b.left());
        String right = literalType(b.right());
        if (left != null && right != null && !left.equals(right) && !left.equals("null") && !right.equals("null")) {
            findings.reportInQuery(
                    b.span(),
                    "comparing a " + left + " with a " + right
                            + " is never true: values of different types do not compare");
        }
    }

    /** Within one AND, {@code p = 'x'} and {@code p = 1} cannot both hold. */
    private static void checkConjunction(Expr.And and, Findings findings) {
        int equalities = 0;
        for (Expr operand : and.operands()) {
            if (operand instanceof Expr.Binary b && b.op() == Expr.BinaryOp.EQ) {
                equalities++;
            }
        }
        if (equalities < 2) {
            return; // a contradiction takes two equalities
        }
        Map<String, String> typeByPath = new HashMap<>();
        for (Expr operand : and.operands()) {
            if (!(operand instanceof Expr.Binary b) || b.op() != Expr.BinaryOp.EQ) {
                continue;
            }
            Expr.Path path = b.left() instanceof Expr.Path p ? p : b.right() instanceof Expr.Path p2 ? p2 : null;
            Expr other = path == b.left() ? b.right() : b.left();
            String type = literalType(other);
            if (path == null || type == null || type.equals("null")) {
                continue;
            }
            String key = path.dotted().toLowerCase(Locale.ROOT);
            String previous = typeByPath.putIfAbsent(key, type);
            if (previous != null && !previous.equals(type)) {
                findings.reportInQuery(
                        b.span(),
                        path.dotted() + " is compared with a " + previous + " and with a " + type
                                + " in the same AND; a property has one type, so this is never true");
            }
        }
    }

    private static String literalType(Expr e) {
        if (e instanceof Expr.StringLiteral) {
            return "string";
        } else if (e instanceof Expr.NumberLiteral
                || (e instanceof Expr.Negate n && n.operand() instanceof Expr.NumberLiteral)) {
            return "number";
        } else if (e instanceof Expr.BooleanLiteral) {
            return "boolean";
        } else if (e instanceof Expr.NullLiteral) {
            return "null";
        }
        return null;
    }
}
