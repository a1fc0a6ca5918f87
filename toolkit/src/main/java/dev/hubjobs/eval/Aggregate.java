package dev.hubjobs.eval;

import dev.hubjobs.twin.Interner;
import dev.hubjobs.twin.TwinNull;
import java.util.Locale;

/**
 * Running state of one aggregate over one group. SUM and AVG take numbers only: a defined value
 * of another type makes the result undefined, as in the engine the service follows; undefined
 * values are skipped. MIN and MAX order null, then booleans, then numbers, then strings.
 */
final class Aggregate {

    enum Kind {
        COUNT,
        SUM,
        AVG,
        MIN,
        MAX
    }

    static Kind kind(String name) {
        return Kind.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private final Kind kind;
    private long count;
    private double sum;
    private Object best;
    private boolean poisoned;

    Aggregate(Kind kind) {
        this.kind = kind;
    }

    void add(Object value) {
        if (kind == Kind.COUNT) {
            count++;
            return;
        }
        if (value == null || poisoned) {
            return;
        }
        switch (kind) {
            case SUM:
            case AVG:
                if (value instanceof Number n) {
                    sum += n.doubleValue();
                    count++;
                } else {
                    poisoned = true;
                }
                break;
            default:
                if (!Semantics.isPrimitive(value)) {
                    poisoned = true;
                } else if (best == null || better(value, best)) {
                    best = value;
                }
        }
    }

    private boolean better(Object value, Object current) {
        int a = rank(value);
        int b = rank(current);
        int c = a != b ? Integer.compare(a, b) : Semantics.order(value, current);
        return kind == Kind.MIN ? c < 0 : c > 0;
    }

    private static int rank(Object v) {
        if (v == TwinNull.NULL) {
            return 0;
        }
        if (v instanceof Boolean) {
            return 1;
        }
        return v instanceof Number ? 2 : 3;
    }

    /** The result, or {@code null} when undefined. */
    Object result() {
        if (poisoned) {
            return null;
        }
        switch (kind) {
            case COUNT:
                return Interner.number(count);
            case SUM:
                return sum;
            case AVG:
                return count == 0 ? null : (Object) (sum / count);
            default:
                return best;
        }
    }
}
