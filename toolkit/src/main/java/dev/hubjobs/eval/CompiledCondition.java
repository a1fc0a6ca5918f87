package dev.hubjobs.eval;

import dev.hubjobs.query.Expr;
import dev.hubjobs.twin.TwinObject;

/**
 * A WHERE condition compiled once and reused for every row. Thread-safe: rows can be tested from
 * several threads at once.
 */
public final class CompiledCondition {

    private static final CompiledCondition ALL = new CompiledCondition(new Node.Const(Boolean.TRUE));

    private final Node root;

    private CompiledCondition(Node root) {
        this.root = root;
    }

    /** @throws CompileException for an unknown function, a wrong argument count, or an aggregate */
    public static CompiledCondition compile(Expr expr) {
        return new CompiledCondition(ExprCompiler.compile(expr));
    }

    /** The condition of {@code *}: every row. */
    public static CompiledCondition all() {
        return ALL;
    }

    /** True only when the condition is {@code true} for the row (not false, not undefined). */
    public boolean test(TwinObject row) {
        return root.eval(row) == Boolean.TRUE;
    }

    /** Indexes of the batch's rows for which the condition is true, ascending. */
    int[] select(Batch batch) {
        int n = batch.rows.size();
        int[] sel = new int[n];
        for (int i = 0; i < n; i++) {
            sel[i] = i;
        }
        byte[] truth = new byte[n];
        root.truth(batch, sel, n, truth);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (truth[i] == Batch.TRUE) {
                sel[k++] = i;
            }
        }
        return java.util.Arrays.copyOf(sel, k);
    }

    /** The condition's value: a twin-form value, or {@code null} for undefined. */
    public Object evaluate(TwinObject row) {
        return root.eval(row);
    }
}
