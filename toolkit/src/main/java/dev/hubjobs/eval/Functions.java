package dev.hubjobs.eval;

import dev.hubjobs.query.QueryFunctions;
import dev.hubjobs.twin.TwinArray;
import dev.hubjobs.twin.TwinNull;
import dev.hubjobs.twin.TwinObject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Pattern;

/**
 * How the evaluator computes each scalar function of {@link QueryFunctions}, routing-only ones
 * included (the validator, not the evaluator, decides what a query may use); names and argument
 * counts are the catalogue's. Arguments of the wrong type give undefined. String positions and
 * lengths count UTF-16 units, like the rest of the toolkit.
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

    /** A function of the catalogue with its implementation; exactly one of f1/f2/fn is set. */
    record Def(QueryFunctions.Function meta, F1 f1, F2 f2, FN fn) {}

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

        two("STARTSWITH", (a, b) -> strings(a, b, String::startsWith));
        two("ENDSWITH", (a, b) -> strings(a, b, String::endsWith));
        two("CONTAINS", (a, b) -> strings(a, b, String::contains));
        many("ARRAY_CONTAINS", Functions::arrayContains);
        def("LOWER", v -> v instanceof String s ? s.toLowerCase(Locale.ROOT) : null, null, null);
        def("UPPER", v -> v instanceof String s ? s.toUpperCase(Locale.ROOT) : null, null, null);
        def("LENGTH", v -> v instanceof String s ? (Object) (double) s.length() : null, null, null);
        many("CONCAT", Functions::concat);
        many("SUBSTRING", Functions::substring);
        two(
                "INDEX_OF",
                (a, b) -> a instanceof String s && b instanceof String t ? (Object) (double) s.indexOf(t) : null);

        math("ABS", Math::abs);
        math("EXP", Math::exp);
        math("SQUARE", d -> d * d);
        math("CEILING", Math::ceil);
        math("FLOOR", Math::floor);
        math("SIGN", Math::signum);
        math("SQRT", Math::sqrt);
        two(
                "POWER",
                (a, b) -> a instanceof Number x && b instanceof Number y
                        ? Semantics.number(Math.pow(x.doubleValue(), y.doubleValue()))
                        : null);
        def("AS_NUMBER", Functions::asNumber, null, null);
    }

    private Functions() {}

    /** A scalar function by name, in any case; empty for aggregates and unknown names. */
    static Optional<Def> find(String name) {
        return QueryFunctions.find(name).map(f -> DEFS.get(f.name()));
    }

    static boolean isAggregate(String name) {
        return QueryFunctions.find(name)
                .map(QueryFunctions.Function::isAggregate)
                .orElse(false);
    }

    private static void def(String name, F1 f1, F2 f2, FN fn) {
        QueryFunctions.Function meta = QueryFunctions.find(name)
                .orElseThrow(() -> new IllegalStateException(name + " is not in the catalogue"));
        DEFS.put(meta.name(), new Def(meta, f1, f2, fn));
    }

    private interface Test {
        boolean test(Object v);
    }

    private static void one(String name, Test test) {
        def(name, v -> Semantics.bool(test.test(v)), null, null);
    }

    private static void two(String name, F2 f) {
        def(name, null, f, null);
    }

    private static void many(String name, FN fn) {
        def(name, null, null, fn);
    }

    private static void math(String name, DoubleUnaryOperator op) {
        def(name, v -> v instanceof Number n ? Semantics.number(op.applyAsDouble(n.doubleValue())) : null, null, null);
    }

    private interface StringTest {
        boolean test(String s, String t);
    }

    /** STARTSWITH and friends: undefined unless both are strings. */
    private static Object strings(Object a, Object b, StringTest test) {
        return a instanceof String s && b instanceof String t ? Semantics.bool(test.test(s, t)) : null;
    }

    /**
     * ARRAY_CONTAINS(array, value[, partial]): whether an element equals the value; with partial
     * true, an object element matches an object value whose every property it holds equal.
     */
    private static Object arrayContains(Object[] a) {
        if (!(a[0] instanceof TwinArray array) || a[1] == null) {
            return a[0] instanceof TwinArray ? Boolean.FALSE : null;
        }
        boolean partial = a.length == 3 && a[2] == Boolean.TRUE;
        for (int i = 0; i < array.size(); i++) {
            Object element = array.get(i);
            if (element.equals(a[1])
                    || Semantics.equal(element, a[1]) == Boolean.TRUE
                    || (partial && holds(element, a[1]))) {
                return Boolean.TRUE;
            }
        }
        return Boolean.FALSE;
    }

    private static boolean holds(Object element, Object value) {
        if (!(element instanceof TwinObject e) || !(value instanceof TwinObject v)) {
            return false;
        }
        for (int i = 0; i < v.size(); i++) {
            Object mine = e.get(v.key(i));
            if (mine == null || !mine.equals(v.value(i))) {
                return false;
            }
        }
        return true;
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
