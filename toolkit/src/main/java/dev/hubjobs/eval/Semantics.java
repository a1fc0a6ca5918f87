package dev.hubjobs.eval;

import dev.hubjobs.query.Expr.BinaryOp;
import dev.hubjobs.twin.TwinArray;
import dev.hubjobs.twin.TwinNull;
import dev.hubjobs.twin.TwinObject;

/**
 * The value rules of the language, on the twin form where Java {@code null} is {@code undefined}.
 * Three-valued: a comparison or logic result is {@link Boolean#TRUE}, {@link Boolean#FALSE} or
 * {@code null} (undefined).
 */
final class Semantics {

    private Semantics() {}

    static Boolean bool(boolean b) {
        return b ? Boolean.TRUE : Boolean.FALSE;
    }

    /** {@code a = b}: undefined across types and for objects and arrays; {@code null = null} is true. */
    static Boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof String s) {
            return b instanceof String t ? bool(s.equals(t)) : null;
        }
        if (a instanceof Number x) {
            return b instanceof Number y ? bool(x.doubleValue() == y.doubleValue()) : null;
        }
        if (a instanceof Boolean p) {
            return b instanceof Boolean q ? bool(p.booleanValue() == q.booleanValue()) : null;
        }
        if (a == TwinNull.NULL) {
            return b == TwinNull.NULL ? Boolean.TRUE : null;
        }
        return null;
    }

    /** Marker for "these two cannot be ordered". */
    static final int UNORDERED = Integer.MIN_VALUE;

    /** Orders two primitives of one type: numbers, strings ordinally, false before true, null = null. */
    static int order(Object a, Object b) {
        if (a instanceof String s) {
            return b instanceof String t ? Integer.signum(s.compareTo(t)) : UNORDERED;
        }
        if (a instanceof Number x) {
            if (!(b instanceof Number y)) {
                return UNORDERED;
            }
            double p = x.doubleValue();
            double q = y.doubleValue();
            return p < q ? -1 : p > q ? 1 : 0;
        }
        if (a instanceof Boolean p) {
            return b instanceof Boolean q ? Boolean.compare(p, q) : UNORDERED;
        }
        if (a == TwinNull.NULL && b == TwinNull.NULL) {
            return 0;
        }
        return UNORDERED;
    }

    static Boolean compare(BinaryOp op, Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        switch (op) {
            case EQ:
                return equal(a, b);
            case NEQ: {
                Boolean e = equal(a, b);
                return e == null ? null : bool(!e);
            }
            default:
                break;
        }
        int c = order(a, b);
        if (c == UNORDERED) {
            return null;
        }
        switch (op) {
            case LT:
                return bool(c < 0);
            case LTE:
                return bool(c <= 0);
            case GT:
                return bool(c > 0);
            case GTE:
                return bool(c >= 0);
            default:
                throw new IllegalArgumentException(op.symbol());
        }
    }

    /** Arithmetic on numbers; anything else, and a non-finite result, is undefined. */
    static Object arithmetic(BinaryOp op, Object a, Object b) {
        if (!(a instanceof Number x) || !(b instanceof Number y)) {
            return null;
        }
        double p = x.doubleValue();
        double q = y.doubleValue();
        double r;
        switch (op) {
            case ADD:
                r = p + q;
                break;
            case SUBTRACT:
                r = p - q;
                break;
            case MULTIPLY:
                r = p * q;
                break;
            case DIVIDE:
                r = p / q;
                break;
            case MODULO:
                r = p % q;
                break;
            default:
                throw new IllegalArgumentException(op.symbol());
        }
        return number(r);
    }

    static Object number(double d) {
        return Double.isFinite(d) ? (Object) d : null;
    }

    static Boolean not(Object v) {
        return v == Boolean.TRUE ? Boolean.FALSE : v == Boolean.FALSE ? Boolean.TRUE : null;
    }

    static boolean isPrimitive(Object v) {
        return v instanceof String || v instanceof Number || v instanceof Boolean || v == TwinNull.NULL;
    }

    static boolean isObject(Object v) {
        return v instanceof TwinObject;
    }

    static boolean isArray(Object v) {
        return v instanceof TwinArray;
    }
}
