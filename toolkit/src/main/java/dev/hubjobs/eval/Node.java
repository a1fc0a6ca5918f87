package dev.hubjobs.eval;

import dev.hubjobs.query.Expr.BinaryOp;
import dev.hubjobs.twin.Shape;
import dev.hubjobs.twin.TwinObject;
import java.util.Locale;

/**
 * A compiled expression: a tree of small immutable-enough objects, each evaluating one AST node
 * against a row. Results follow {@link Semantics}: Java {@code null} is {@code undefined}.
 */
abstract class Node {

    abstract Object eval(TwinObject row);

    /**
     * The truth of this node for the rows {@code sel[0..n)} of a batch, into {@code out[0..n)} as
     * {@link Batch#TRUE}, {@link Batch#FALSE} or {@link Batch#UNDEFINED} (anything not boolean).
     * Row by row unless a node knows better.
     */
    void truth(Batch batch, int[] sel, int n, byte[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = Batch.code(eval(batch.rows.get(sel[i])));
        }
    }

    static final class Const extends Node {
        final Object value;

        Const(Object value) {
            this.value = value;
        }

        @Override
        Object eval(TwinObject row) {
            return value;
        }
    }

    /**
     * A property path. Names are lower-cased and interned once here, so that resolving a step in a
     * twin's shape compares references only. Each step also remembers the first shape it saw: a
     * fleet of like twins then resolves a step with one reference compare. The memo is written at
     * most once and holds an immutable pair, so racing threads at worst both compute it.
     */
    static final class PathRef extends Node {
        final String[] exact;
        final String[] lower;
        private final Memo[] memos;

        PathRef(String[] names) {
            this.exact = new String[names.length];
            this.lower = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                exact[i] = names[i].intern();
                lower[i] = names[i].toLowerCase(Locale.ROOT).intern();
            }
            this.memos = new Memo[names.length];
        }

        private record Memo(Shape shape, int index) {}

        @Override
        Object eval(TwinObject row) {
            Object current = row;
            for (int i = 0; i < exact.length; i++) {
                if (!(current instanceof TwinObject o)) {
                    return null;
                }
                int index = index(o.shape(), i);
                if (index < 0) {
                    return null;
                }
                current = o.value(index);
            }
            return current;
        }

        /** The key the last segment resolved to in this row, as the twin spells it, or null. */
        String resolvedKey(TwinObject row) {
            Object current = row;
            for (int i = 0; i < exact.length; i++) {
                if (!(current instanceof TwinObject o)) {
                    return null;
                }
                int index = index(o.shape(), i);
                if (index < 0) {
                    return null;
                }
                if (i == exact.length - 1) {
                    return o.key(index);
                }
                current = o.value(index);
            }
            return null;
        }

        private int index(Shape shape, int step) {
            Memo m = memos[step];
            if (m != null && m.shape == shape) {
                return m.index;
            }
            int index = shape.resolve(exact[step], lower[step]);
            if (m == null) {
                memos[step] = new Memo(shape, index);
            }
            return index;
        }
    }

    static final class Compare extends Node {
        final BinaryOp op;
        final Node left;
        final Node right;

        Compare(BinaryOp op, Node left, Node right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(TwinObject row) {
            Object a = left.eval(row);
            if (a == null) {
                return null;
            }
            Object b = right.eval(row);
            return b == null ? null : Semantics.compare(op, a, b);
        }
    }

    /** {@code path = 'constant'}, the commonest condition, without the generic dispatch. */
    static final class EqualsString extends Node {
        final Node left;
        final String constant;
        final boolean negated;

        EqualsString(Node left, String constant, boolean negated) {
            this.left = left;
            this.constant = constant;
            this.negated = negated;
        }

        @Override
        Object eval(TwinObject row) {
            Object a = left.eval(row);
            if (a instanceof String s) {
                return Semantics.bool(s.equals(constant) != negated);
            }
            return null;
        }

        @Override
        void truth(Batch batch, int[] sel, int n, byte[] out) {
            if (!(left instanceof PathRef path)) {
                super.truth(batch, sel, n, out);
                return;
            }
            Object[] column = batch.column(path);
            byte hit = negated ? Batch.FALSE : Batch.TRUE;
            byte miss = negated ? Batch.TRUE : Batch.FALSE;
            for (int i = 0; i < n; i++) {
                Object a = column[sel[i]];
                out[i] = a instanceof String s ? (s.equals(constant) ? hit : miss) : Batch.UNDEFINED;
            }
        }
    }

    /** {@code path op number}, comparing doubles directly. */
    static final class CompareNumber extends Node {
        final BinaryOp op;
        final Node left;
        final double constant;

        CompareNumber(BinaryOp op, Node left, double constant) {
            this.op = op;
            this.left = left;
            this.constant = constant;
        }

        @Override
        Object eval(TwinObject row) {
            Object a = left.eval(row);
            if (!(a instanceof Number n)) {
                return null;
            }
            double d = n.doubleValue();
            switch (op) {
                case EQ:
                    return Semantics.bool(d == constant);
                case NEQ:
                    return Semantics.bool(d != constant);
                case LT:
                    return Semantics.bool(d < constant);
                case LTE:
                    return Semantics.bool(d <= constant);
                case GT:
                    return Semantics.bool(d > constant);
                case GTE:
                    return Semantics.bool(d >= constant);
                default:
                    throw new IllegalStateException(op.symbol());
            }
        }

        @Override
        void truth(Batch batch, int[] sel, int n, byte[] out) {
            if (!(left instanceof PathRef path)) {
                super.truth(batch, sel, n, out);
                return;
            }
            Object[] column = batch.column(path);
            for (int i = 0; i < n; i++) {
                out[i] = column[sel[i]] instanceof Number v ? test(v.doubleValue()) : Batch.UNDEFINED;
            }
        }

        private byte test(double d) {
            boolean r;
            switch (op) {
                case EQ:
                    r = d == constant;
                    break;
                case NEQ:
                    r = d != constant;
                    break;
                case LT:
                    r = d < constant;
                    break;
                case LTE:
                    r = d <= constant;
                    break;
                case GT:
                    r = d > constant;
                    break;
                case GTE:
                    r = d >= constant;
                    break;
                default:
                    throw new IllegalStateException(op.symbol());
            }
            return r ? Batch.TRUE : Batch.FALSE;
        }
    }

    static final class Arithmetic extends Node {
        final BinaryOp op;
        final Node left;
        final Node right;

        Arithmetic(BinaryOp op, Node left, Node right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(TwinObject row) {
            Object a = left.eval(row);
            if (!(a instanceof Number)) {
                return null;
            }
            return Semantics.arithmetic(op, a, right.eval(row));
        }
    }

    static final class Negate extends Node {
        final Node operand;

        Negate(Node operand) {
            this.operand = operand;
        }

        @Override
        Object eval(TwinObject row) {
            return operand.eval(row) instanceof Number n ? Semantics.number(-n.doubleValue()) : null;
        }
    }

    static final class Not extends Node {
        final Node operand;

        Not(Node operand) {
            this.operand = operand;
        }

        @Override
        Object eval(TwinObject row) {
            return Semantics.not(operand.eval(row));
        }

        @Override
        void truth(Batch batch, int[] sel, int n, byte[] out) {
            operand.truth(batch, sel, n, out);
            for (int i = 0; i < n; i++) {
                out[i] = out[i] == Batch.TRUE ? Batch.FALSE : out[i] == Batch.FALSE ? Batch.TRUE : Batch.UNDEFINED;
            }
        }
    }

    /** n-ary AND: false wins, then undefined, then true. */
    static final class And extends Node {
        final Node[] operands;

        And(Node[] operands) {
            this.operands = operands;
        }

        @Override
        Object eval(TwinObject row) {
            boolean undefined = false;
            for (Node n : operands) {
                Object v = n.eval(row);
                if (v == Boolean.FALSE) {
                    return Boolean.FALSE;
                }
                if (v != Boolean.TRUE) {
                    undefined = true;
                }
            }
            return undefined ? null : Boolean.TRUE;
        }

        @Override
        void truth(Batch batch, int[] sel, int n, byte[] out) {
            junction(operands, Batch.FALSE, Batch.TRUE, batch, sel, n, out);
        }
    }

    /** n-ary OR: true wins, then undefined, then false. */
    static final class Or extends Node {
        final Node[] operands;

        Or(Node[] operands) {
            this.operands = operands;
        }

        @Override
        Object eval(TwinObject row) {
            boolean undefined = false;
            for (Node n : operands) {
                Object v = n.eval(row);
                if (v == Boolean.TRUE) {
                    return Boolean.TRUE;
                }
                if (v != Boolean.FALSE) {
                    undefined = true;
                }
            }
            return undefined ? null : Boolean.FALSE;
        }

        @Override
        void truth(Batch batch, int[] sel, int n, byte[] out) {
            junction(operands, Batch.TRUE, Batch.FALSE, batch, sel, n, out);
        }
    }

    /**
     * AND (decisive value false) or OR (decisive true) over a batch: each operand sees only the
     * rows not yet decided, so later operands run on ever fewer rows.
     */
    static void junction(Node[] operands, byte decisive, byte neutral, Batch batch, int[] sel, int n, byte[] out) {
        java.util.Arrays.fill(out, 0, n, neutral);
        int[] rows = java.util.Arrays.copyOf(sel, n);
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        byte[] values = new byte[n];
        int m = n;
        for (Node operand : operands) {
            if (m == 0) {
                break;
            }
            operand.truth(batch, rows, m, values);
            int k = 0;
            for (int j = 0; j < m; j++) {
                byte v = values[j];
                if (v == decisive) {
                    out[positions[j]] = decisive;
                } else {
                    if (v == Batch.UNDEFINED) {
                        out[positions[j]] = Batch.UNDEFINED;
                    }
                    rows[k] = rows[j];
                    positions[k] = positions[j];
                    k++;
                }
            }
            m = k;
        }
    }

    /**
     * {@code x IN [..]} as the OR of {@code x = c} (so a constant of another type makes a miss
     * undefined); NIN negates that. Undefined {@code x} is undefined either way.
     */
    static final class In extends Node {
        final Node value;
        final Object[] constants;
        final boolean negated;

        In(Node value, Object[] constants, boolean negated) {
            this.value = value;
            this.constants = constants;
            this.negated = negated;
        }

        @Override
        Object eval(TwinObject row) {
            return test(value.eval(row));
        }

        @Override
        void truth(Batch batch, int[] sel, int n, byte[] out) {
            if (!(value instanceof PathRef path)) {
                super.truth(batch, sel, n, out);
                return;
            }
            Object[] column = batch.column(path);
            for (int i = 0; i < n; i++) {
                out[i] = Batch.code(test(column[sel[i]]));
            }
        }

        private Boolean test(Object v) {
            if (v == null) {
                return null;
            }
            boolean undefined = false;
            for (Object c : constants) {
                Boolean e = Semantics.equal(v, c);
                if (e == Boolean.TRUE) {
                    return Semantics.bool(!negated);
                }
                if (e == null) {
                    undefined = true;
                }
            }
            return undefined ? null : Semantics.bool(negated);
        }
    }

    static final class Call1 extends Node {
        final Functions.F1 function;
        final Node argument;

        Call1(Functions.F1 function, Node argument) {
            this.function = function;
            this.argument = argument;
        }

        @Override
        Object eval(TwinObject row) {
            return function.apply(argument.eval(row));
        }
    }

    static final class Call2 extends Node {
        final Functions.F2 function;
        final Node first;
        final Node second;

        Call2(Functions.F2 function, Node first, Node second) {
            this.function = function;
            this.first = first;
            this.second = second;
        }

        @Override
        Object eval(TwinObject row) {
            return function.apply(first.eval(row), second.eval(row));
        }
    }

    static final class CallN extends Node {
        final Functions.FN function;
        final Node[] arguments;

        CallN(Functions.FN function, Node[] arguments) {
            this.function = function;
            this.arguments = arguments;
        }

        @Override
        Object eval(TwinObject row) {
            Object[] values = new Object[arguments.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = arguments[i].eval(row);
            }
            return function.apply(values);
        }
    }
}
