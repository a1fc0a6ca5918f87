package dev.hubjobs.query;

import dev.hubjobs.text.Span;
import java.util.List;

/**
 * An expression of the query language. Every node carries its span in the query text.
 *
 * <p>AND and OR chains are n-ary ({@link And}, {@link Or}) so that a condition of 100,000 terms
 * is a wide tree, not a deep one. Parentheses leave no node: precedence is in the tree's shape,
 * and {@link QueryFormatter} puts back the parentheses it needs.
 */
public sealed interface Expr {

    Span span();

    <R> R accept(ExprVisitor<R> visitor);

    /** Binary operators other than AND/OR, by precedence class. */
    enum BinaryOp {
        MULTIPLY("*", 5),
        DIVIDE("/", 5),
        MODULO("%", 5),
        ADD("+", 4),
        SUBTRACT("-", 4),
        EQ("=", 3),
        NEQ("!=", 3),
        LT("<", 3),
        LTE("<=", 3),
        GT(">", 3),
        GTE(">=", 3);

        private final String symbol;
        private final int precedence;

        BinaryOp(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        public String symbol() {
            return symbol;
        }

        /** Higher binds tighter: NOT is 2, AND 1, OR 0, unary minus 6, primaries 7. */
        public int precedence() {
            return precedence;
        }

        public boolean isComparison() {
            return precedence == 3;
        }

        public boolean isArithmetic() {
            return precedence > 3;
        }
    }

    /** A dotted property path such as {@code properties.reported.fw} or {@code tags.[[group]].name}. */
    record Path(Collection collection, List<Segment> segments, Span span) implements Expr {
        public Path {
            segments = List.copyOf(segments);
        }

        /** The segment names joined with dots, without [[ ]] and without the collection prefix. */
        public String dotted() {
            StringBuilder sb = new StringBuilder();
            for (Segment s : segments) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(s.name());
            }
            return sb.toString();
        }

        public Segment first() {
            return segments.get(0);
        }

        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitPath(this);
        }
    }

    /** One path segment; {@code quoted} when written as {@code [[name]]}. */
    record Segment(String name, boolean quoted, Span span) {}

    /** The collection prefix written in front of a path ({@code devices.}, {@code devices.jobs.}). */
    enum Collection {
        NONE(""),
        DEVICES("devices."),
        MODULES("devices.modules."),
        JOBS("devices.jobs.");

        private final String prefix;

        Collection(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    record StringLiteral(String value, boolean doubleQuoted, Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitString(this);
        }
    }

    /** A number as written ({@code text}, e.g. {@code 0x1F} or {@code -1.5e2}) and its value. */
    record NumberLiteral(String text, double value, Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitNumber(this);
        }
    }

    record BooleanLiteral(boolean value, Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitBoolean(this);
        }
    }

    record NullLiteral(Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitNull(this);
        }
    }

    record UndefinedLiteral(Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitUndefined(this);
        }
    }

    /** {@code [c1, c2, ...]}: constants only, at least one. */
    record ArrayLiteral(List<Expr> elements, Span span) implements Expr {
        public ArrayLiteral {
            elements = List.copyOf(elements);
        }

        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitArray(this);
        }
    }

    record Call(String name, Span nameSpan, List<Expr> arguments, Span span) implements Expr {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitCall(this);
        }
    }

    record Negate(Expr operand, Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitNegate(this);
        }
    }

    record Not(Expr operand, Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitNot(this);
        }
    }

    record Binary(BinaryOp op, Expr left, Expr right, Span opSpan, Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitBinary(this);
        }
    }

    /** {@code value IN [..]} or, when {@code negated}, {@code value NIN [..]}. */
    record In(Expr value, boolean negated, ArrayLiteral list, Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitIn(this);
        }
    }

    record And(List<Expr> operands, Span span) implements Expr {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitAnd(this);
        }
    }

    record Or(List<Expr> operands, Span span) implements Expr {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.visitOr(this);
        }
    }
}
