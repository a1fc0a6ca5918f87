package dev.hubjobs.query;

/** Double dispatch over {@link Expr} (pattern matching for switch is not final in Java 17). */
public interface ExprVisitor<R> {
    R visitPath(Expr.Path path);

    R visitString(Expr.StringLiteral literal);

    R visitNumber(Expr.NumberLiteral literal);

    R visitBoolean(Expr.BooleanLiteral literal);

    R visitNull(Expr.NullLiteral literal);

    R visitUndefined(Expr.UndefinedLiteral literal);

    R visitArray(Expr.ArrayLiteral array);

    R visitCall(Expr.Call call);

    R visitNegate(Expr.Negate negate);

    R visitNot(Expr.Not not);

    R visitBinary(Expr.Binary binary);

    R visitIn(Expr.In in);

    R visitAnd(Expr.And and);

    R visitOr(Expr.Or or);
}
