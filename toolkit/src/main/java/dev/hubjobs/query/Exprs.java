package dev.hubjobs.query;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/** Traversal helpers over expressions. */
public final class Exprs {

    private Exprs() {}

    /** The direct children of {@code e}, in text order. */
    public static List<Expr> children(Expr e) {
        if (e instanceof Expr.And a) {
            return a.operands();
        } else if (e instanceof Expr.Or o) {
            return o.operands();
        } else if (e instanceof Expr.Not n) {
            return List.of(n.operand());
        } else if (e instanceof Expr.Negate n) {
            return List.of(n.operand());
        } else if (e instanceof Expr.Binary b) {
            return List.of(b.left(), b.right());
        } else if (e instanceof Expr.In in) {
            return List.of(in.value(), in.list());
        } else if (e instanceof Expr.Call c) {
            return c.arguments();
        } else if (e instanceof Expr.ArrayLiteral a) {
            return a.elements();
        }
        return List.of();
    }

    /** Visits {@code root} and every node below it in text order, without recursion. */
    public static void forEach(Expr root, Consumer<Expr> action) {
        ArrayDeque<Expr> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            action.accept(e);
            pushChildren(e, stack);
        }
    }

    /** Pushes the children of {@code e} to pop in text order; the usual nodes without a list for each. */
    private static void pushChildren(Expr e, ArrayDeque<Expr> stack) {
        if (e instanceof Expr.Binary b) {
            stack.push(b.right());
            stack.push(b.left());
        } else if (e instanceof Expr.In in) {
            stack.push(in.list());
            stack.push(in.value());
        } else if (e instanceof Expr.Not n) {
            stack.push(n.operand());
        } else {
            List<Expr> children = children(e);
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
    }

    /** Every node of {@code condition}, including its GROUP BY paths. */
    public static void forEach(Condition condition, Consumer<Expr> action) {
        condition.expression().ifPresent(e -> forEach(e, action));
        condition.groupBy().forEach(action);
    }
}
