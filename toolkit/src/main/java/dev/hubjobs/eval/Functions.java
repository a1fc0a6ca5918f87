package dev.hubjobs.eval;

import dev.hubjobs.twin.TwinNull;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Pattern;

/**
 * The scalar functions of the routing set (a superset of what twin queries accept; the validator,
 * not the evaluator, decides what a query may use). Arguments of the wrong type give undefined.
 * String positions and lengths count UTF-16 units, like the rest of the toolkit.
 */
final class Functions {

    interface F1 {
        Object apply(Object a);
    }

    interface F2 {
        Object apply(Object a, Object b);
    }

    interface FN {
        Object apply(Object[] args);
    }

    /** A function with its accepted argument counts; exactly one of f1/f2/fn is set. */
    record Def(String name, int minArgs, int maxArgs, F1 f1, F2 f2, FN fn) {}

    static final Set<String> AGGREGATES = Set.of("count", "avg", "sum", "min", "max");

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Map<String, Def> DEFS = new HashMap<>();

    static {
        one("IS_DEFINED", v -> v != null);
        one("IS_NULL", v -> v == TwinNull.NULL);
        one("IS_BOOL", v -> v instanceof Boolean);
        one("IS_NUMBER", v -> v instanceof Number);
        one("IS_STRING", v -> v instanceof String);
        one("IS_OBJECT", Semantics::isObject);
        one("IS_ARRAY", Semantics::isArray);
        one("IS_PRIMITIVE", Semantics::isPrimitive);

        many("STARTSWITH", 2, 3, a -> strings(a, (s, t) -> s.startsWith(t)));
        many("ENDSWITH", 2, 3, a -> strings(a, (s, t) -> s.endsWith(t)));
        many("CONTAINS", 2, 3, a -> strings(a, (s, t) -> s.contains(t)));
        def(new Def("LOWER", 1, 1, v -> v instanceof String s ? s.toLowerCase(Locale.ROOT) : null, null, null));
        def(new Def("UPPER", 1, 1, v -> v instanceof String s ? s.toUpperCase(Locale.ROOT) : null, null, null));
        def(new Def("LENGTH", 1, 1, v -> v instanceof String s ? (Object) (double) s.length() : null, null, null));
        many("CONCAT", 2, Integer.MAX_VALUE, Functions::concat);
        many("SUBSTRING", 2, 3, Functions::substring);
        many("INDEX_OF", 2, 3, Functions::indexOf);

        math("ABS", Math::abs);
        math("EXP", Math::exp);
        math("SQUARE", d -> d * d);
        math("CEILING", Math::ceil);
        math("FLOOR", Math::floor);
        math("SIGN", Math::signum);
        math("SQRT", Math::sqrt);
        def(new Def("POWER", 2, 2, null, (a, b) -> a instanceof Number x && b instanceof Number y
                ? Semantics.number(Math.pow(x.doubleValue(), y.doubleValue())) : null, null));
        def(new Def("AS_NUMBER", 1, 1, Functions::asNumber, null, null));
    }

    private Functions() {}

    /** Looks a scalar function up by name, in any case. */
    static Optional<Def> find(String name) {
        return Optional.ofNullable(DEFS.get(name.toLowerCase(Locale.ROOT)));
    }

    static boolean isAggregate(String name) {
        return AGGREGATES.contains(name.toLowerCase(Locale.ROOT));
    }

    private static void def(Def d) {
        DEFS.put(d.name().toLowerCase(Locale.ROOT), d);
    }

    private interface Test {
        boolean test(Object v);
    }

    private static void one(String name, Test test) {
        def(new Def(name, 1, 1, v -> Semantics.bool(test.test(v)), null, null));
    }

    private static void many(String name, int min, int max, FN fn) {
        def(new Def(name, min, max, null, null, fn));
    }

    private static void math(String name, DoubleUnaryOperator op) {
        def(new Def(name, 1, 1, v -> v instanceof Number n ? Semantics.number(op.applyAsDouble(n.doubleValue())) : null,
                null, null));
    }

    private interface StringTest {
        boolean test(String s, String t);
    }

    /** STARTSWITH and friends; an optional third boolean argument asks for a case-insensitive test. */
    private static Object strings(Object[] a, StringTest test) {
        if (!(a[0] instanceof String s) || !(a[1] instanceof String t)) {
            return null;
        }
        if (a.length == 3) {
            if (!(a[2] instanceof Boolean ignoreCase)) {
                return null;
            }
            if (ignoreCase) {
                return Semantics.bool(test.test(s.toLowerCase(Locale.ROOT), t.toLowerCase(Locale.ROOT)));
            }
        }
        return Semantics.bool(test.test(s, t));
    }

    private static Object concat(Object[] a) {
        StringBuilder sb = new StringBuilder();
        for (Object v : a) {
            if (!(v instanceof String s)) {
                return null;
            }
            sb.append(s);
        }
        return sb.toString();
    }

    /** SUBSTRING(s, start[, length]), zero-based, clamped to the string. */
    private static Object substring(Object[] a) {
        if (!(a[0] instanceof String s) || !(a[1] instanceof Number start)) {
            return null;
        }
        long from = Math.max(0, (long) start.doubleValue());
        long length = s.length();
        if (a.length == 3) {
            if (!(a[2] instanceof Number n)) {
                return null;
            }
            length = Math.max(0, (long) n.doubleValue());
        }
        if (from >= s.length()) {
            return "";
        }
        long to = Math.min(s.length(), from + length);
        return s.substring((int) from, (int) to);
    }

    /** INDEX_OF(s, fragment[, start]): the first position at or after start, or -1. */
    private static Object indexOf(Object[] a) {
        if (!(a[0] instanceof String s) || !(a[1] instanceof String t)) {
            return null;
        }
        int from = 0;
        if (a.length == 3) {
            if (!(a[2] instanceof Number n)) {
                return null;
            }
            from = (int) Math.max(0, Math.min(Integer.MAX_VALUE, n.doubleValue()));
        }
        return (double) s.indexOf(t, from);
    }

    private static Object asNumber(Object v) {
        if (v instanceof Number) {
            return v;
        }
        if (v instanceof String s) {
            String t = s.trim();
            return JSON_NUMBER.matcher(t).matches() ? Semantics.number(Double.parseDouble(t)) : null;
        }
        return null;
    }
}
