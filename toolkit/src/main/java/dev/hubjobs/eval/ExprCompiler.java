package dev.hubjobs.eval;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.Expr.BinaryOp;
import dev.hubjobs.query.ExprVisitor;
import dev.hubjobs.twin.TwinArray;
import dev.hubjobs.twin.TwinNull;
import java.util.ArrayList;
import java.util.List;

/** Turns an expression tree into {@link Node}s once; the nodes are then run against every row. */
final class ExprCompiler implements ExprVisitor<Node> {

    static Node compile(Expr expr) {
        return expr.accept(new ExprCompiler());
    }

    static Node.PathRef path(Expr.Path path) {
        List<Expr.Segment> segments = path.segments();
        String[] names = new String[segments.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = segments.get(i).name();
        }
        return new Node.PathRef(names);
    }

    @Override
    public Node visitPath(Expr.Path path) {
        return path(path);
    }

    @Override
    public Node visitString(Expr.StringLiteral literal) {
        return new Node.Const(literal.value());
    }

    @Override
    public Node visitNumber(Expr.NumberLiteral literal) {
        return new Node.Const(literal.value());
    }

    @Override
    public Node visitBoolean(Expr.BooleanLiteral literal) {
        return new Node.Const(Semantics.bool(literal.value()));
    }

    @Override
    public Node visitNull(Expr.NullLiteral literal) {
        return new Node.Const(TwinNull.NULL);
    }

    @Override
    public Node visitUndefined(Expr.UndefinedLiteral literal) {
        return new Node.Const(null);
    }

    @Override
    public Node visitArray(Expr.ArrayLiteral array) {
        List<Object> items = new ArrayList<>();
        for (Object c : constants(array)) {
            if (c != null) {
                items.add(c); // an undefined element has no place in a JSON array
            }
        }
        return new Node.Const(new TwinArray(items));
    }

    @Override
    public Node visitCall(Expr.Call call) {
        if (Functions.isAggregate(call.name())) {
            throw new CompileException(Diagnostic.error(
                    Codes.UNSUPPORTED_CONDITION_CLAUSE,
                    "aggregate " + call.name() + "() can only be used in the SELECT list",
                    call.span()));
        }
        Functions.Def def = Functions.find(call.name())
                .orElseThrow(() -> new CompileException(Diagnostic.error(
                        Codes.UNSUPPORTED_FUNCTION, "unknown function " + call.name() + "()", call.nameSpan())));
        int n = call.arguments().size();
        if (!def.meta().acceptsArguments(n)) {
            String expected = def.meta().arity();
            throw new CompileException(Diagnostic.error(
                    Codes.WRONG_ARGUMENT_COUNT,
                    def.meta().name() + " takes " + expected + " argument" + ("1".equals(expected) ? "" : "s")
                            + ", found " + n,
                    call.span()));
        }
        Node[] args = new Node[n];
        for (int i = 0; i < n; i++) {
            args[i] = call.arguments().get(i).accept(this);
        }
        if (def.f1() != null) {
            return new Node.Call1(def.f1(), args[0]);
        }
        if (def.f2() != null) {
            return new Node.Call2(def.f2(), args[0], args[1]);
        }
        return new Node.CallN(def.fn(), args);
    }

    @Override
    public Node visitNegate(Expr.Negate negate) {
        return new Node.Negate(negate.operand().accept(this));
    }

    @Override
    public Node visitNot(Expr.Not not) {
        return new Node.Not(not.operand().accept(this));
    }

    @Override
    public Node visitBinary(Expr.Binary binary) {
        Node left = binary.left().accept(this);
        Node right = binary.right().accept(this);
        BinaryOp op = binary.op();
        if (op.isArithmetic()) {
            return new Node.Arithmetic(op, left, right);
        }
        if (left instanceof Node.Const && !(right instanceof Node.Const)) {
            Node swap = left;
            left = right;
            right = swap;
            op = mirror(op);
        }
        if (right instanceof Node.Const c) {
            if (c.value instanceof String s && (op == BinaryOp.EQ || op == BinaryOp.NEQ)) {
                return new Node.EqualsString(left, s, op == BinaryOp.NEQ);
            }
            if (c.value instanceof Number d) {
                return new Node.CompareNumber(op, left, d.doubleValue());
            }
        }
        return new Node.Compare(op, left, right);
    }

    /** The operator that gives the same result with the operands swapped. */
    private static BinaryOp mirror(BinaryOp op) {
        switch (op) {
            case LT:
                return BinaryOp.GT;
            case LTE:
                return BinaryOp.GTE;
            case GT:
                return BinaryOp.LT;
            case GTE:
                return BinaryOp.LTE;
            default:
                return op;
        }
    }

    @Override
    public Node visitIn(Expr.In in) {
        return new Node.In(in.value().accept(this), constants(in.list()), in.negated());
    }

    @Override
    public Node visitAnd(Expr.And and) {
        return new Node.And(all(and.operands()));
    }

    @Override
    public Node visitOr(Expr.Or or) {
        return new Node.Or(all(or.operands()));
    }

    private Node[] all(List<Expr> operands) {
        Node[] nodes = new Node[operands.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = operands.get(i).accept(this);
        }
        return nodes;
    }

    /** Array elements are constants (the grammar allows nothing else); evaluate them once. */
    private Object[] constants(Expr.ArrayLiteral array) {
        Object[] values = new Object[array.elements().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.elements().get(i).accept(this).eval(null);
        }
        return values;
    }
}
