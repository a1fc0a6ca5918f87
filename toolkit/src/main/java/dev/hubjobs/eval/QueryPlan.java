package dev.hubjobs.eval;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.Projection;
import dev.hubjobs.query.Query;
import dev.hubjobs.query.Source;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.Interner;
import dev.hubjobs.twin.TwinObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A query compiled once: its condition, its columns, its groups. What the in-memory engine and
 * the streaming scan share, so that both give the same rows. Thread-safe once built: rows can be
 * tested and projected from several threads at once.
 */
final class QueryPlan {

    final Source source;
    final CompiledCondition where;
    final boolean hasWhere;
    final List<Output> outputs;
    final long top;
    final boolean grouped;
    final Node.PathRef[] keys;
    final boolean selectsAll;

    private QueryPlan(Query query) {
        this.source = query.source();
        this.hasWhere = query.where().isPresent();
        this.where = query.where().map(CompiledCondition::compile).orElse(CompiledCondition.all());
        this.outputs = outputs(query);
        this.top = query.top().orElse(Long.MAX_VALUE);
        this.selectsAll = query.selectsAll();
        this.grouped = !query.groupBy().isEmpty() || outputs.stream().anyMatch(o -> o.aggregate != null);
        this.keys = query.groupBy().stream().map(ExprCompiler::path).toArray(Node.PathRef[]::new);
        if (grouped && selectsAll) {
            // SELECT * with GROUP BY: one row per group holding the group values.
            for (Expr.Path p : query.groupBy()) {
                outputs.add(new Output(ExprCompiler.path(p), null, null));
            }
        }
    }

    /** @throws CompileException for a query that parses but cannot be evaluated */
    static QueryPlan of(Query query) {
        return new QueryPlan(query);
    }

    /** Whether a twin of the fleet is a row of the query's collection (jobs are not twins of a fleet). */
    static boolean inSource(Source source, TwinObject twin) {
        return switch (source) {
            case DEVICES -> Fleet.moduleId(twin) == null;
            case MODULES -> Fleet.moduleId(twin) != null;
            default -> false;
        };
    }

    /** The paths the query reads (each a list of names); null when it reads whole twins. */
    List<List<String>> paths(Query query) {
        if (selectsAll && !grouped) {
            return null;
        }
        List<List<String>> paths = new ArrayList<>();
        query.where().ifPresent(w -> collect(w, paths));
        for (Projection p : query.projections()) {
            collect(p.expr(), paths);
        }
        for (Expr.Path p : query.groupBy()) {
            collect(p, paths);
        }
        return paths.contains(null) ? null : paths;
    }

    /** Adds the paths of an expression; a null entry when it holds an expression this does not know. */
    static void collect(Expr e, List<List<String>> paths) {
        if (e instanceof Expr.Path p) {
            paths.add(p.segments().stream().map(Expr.Segment::name).toList());
        } else if (e instanceof Expr.Call c) {
            c.arguments().forEach(a -> collect(a, paths));
        } else if (e instanceof Expr.Negate n) {
            collect(n.operand(), paths);
        } else if (e instanceof Expr.Not n) {
            collect(n.operand(), paths);
        } else if (e instanceof Expr.Binary b) {
            collect(b.left(), paths);
            collect(b.right(), paths);
        } else if (e instanceof Expr.In in) {
            collect(in.value(), paths);
            collect(in.list(), paths);
        } else if (e instanceof Expr.And a) {
            a.operands().forEach(o -> collect(o, paths));
        } else if (e instanceof Expr.Or o) {
            o.operands().forEach(x -> collect(x, paths));
        } else if (e instanceof Expr.ArrayLiteral a) {
            a.elements().forEach(x -> collect(x, paths));
        } else if (!(e instanceof Expr.StringLiteral
                || e instanceof Expr.NumberLiteral
                || e instanceof Expr.BooleanLiteral
                || e instanceof Expr.NullLiteral
                || e instanceof Expr.UndefinedLiteral)) {
            paths.add(null);
        }
    }

    /** The row of a non-grouped query for a twin that matched. */
    TwinObject row(TwinObject twin, Interner interner) {
        return selectsAll ? twin : project(outputs, twin, interner);
    }

    /** The group values of a row, numbers normalised so that 3 and 3.0 group together; null if any is undefined. */
    List<Object> groupKey(TwinObject row) {
        if (keys.length == 0) {
            return List.of();
        }
        Object[] values = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            Object v = keys[i].eval(row);
            if (v == null) {
                return null;
            }
            values[i] = v instanceof Number n ? (Object) n.doubleValue() : v;
        }
        return Arrays.asList(values);
    }

    /** The values a row adds to its group's aggregates, by column (null for plain columns). */
    Object[] aggregateInputs(TwinObject row) {
        Object[] in = new Object[outputs.size()];
        for (int i = 0; i < in.length; i++) {
            Output o = outputs.get(i);
            if (o.aggregate != null && o.value != null) {
                in[i] = o.value.eval(row);
            }
        }
        return in;
    }

    Group newGroup() {
        return new Group(outputs);
    }

    /** One column of the SELECT list: a scalar (path or function) or an aggregate. */
    static final class Output {
        final Node value;
        final String alias;
        final Aggregate.Kind aggregate;

        Output(Node value, String alias, Aggregate.Kind aggregate) {
            this.value = value;
            this.alias = alias;
            this.aggregate = aggregate;
        }

        /** The key of this column in a row: the alias, else the key the path found (as the twin spells it). */
        String key(TwinObject row) {
            if (alias != null) {
                return alias;
            }
            return value instanceof Node.PathRef p ? p.resolvedKey(row) : null;
        }
    }

    private static List<Output> outputs(Query query) {
        List<Output> outputs = new ArrayList<>();
        int unnamed = 0;
        for (Projection p : query.projections()) {
            Expr e = p.expr();
            String alias = p.alias().orElse(null);
            if (alias == null && !(e instanceof Expr.Path)) {
                alias = "$" + (++unnamed); // the engine's name for an unnamed computed column
            }
            if (e instanceof Expr.Call call && Functions.isAggregate(call.name())) {
                Aggregate.Kind kind = Aggregate.kind(call.name());
                int expected = kind == Aggregate.Kind.COUNT ? 0 : 1;
                if (call.arguments().size() != expected) {
                    throw new CompileException(Diagnostic.error(
                            Codes.WRONG_ARGUMENT_COUNT,
                            kind + " takes " + (expected == 0 ? "no arguments" : "one argument") + ", found "
                                    + call.arguments().size(),
                            call.span()));
                }
                Node arg = expected == 0
                        ? null
                        : ExprCompiler.compile(call.arguments().get(0));
                outputs.add(new Output(arg, alias, kind));
            } else {
                outputs.add(new Output(ExprCompiler.compile(e), alias, null));
            }
        }
        return outputs;
    }

    static TwinObject project(List<Output> outputs, TwinObject row, Interner interner) {
        TwinObject.Builder b = new TwinObject.Builder(interner);
        for (Output o : outputs) {
            Object v = o.value.eval(row);
            String key = o.key(row);
            if (v != null && key != null) {
                b.put(key, v);
            }
        }
        return b.build();
    }

    /**
     * One group's running aggregates; plain columns take their value from the group's first row,
     * which is read when the group starts and not kept.
     */
    static final class Group {
        private final List<Output> outputs;
        private final Aggregate[] aggregates;
        private Object[] firstValues;
        private String[] firstKeys;

        Group(List<Output> outputs) {
            this.outputs = outputs;
            this.aggregates = new Aggregate[outputs.size()];
            for (int i = 0; i < aggregates.length; i++) {
                Aggregate.Kind k = outputs.get(i).aggregate;
                aggregates[i] = k == null ? null : new Aggregate(k);
            }
        }

        /** Adds a row: {@code row} is read only when it is the group's first. */
        void add(TwinObject row, Object[] aggregateInputs) {
            if (firstValues == null) {
                firstValues = new Object[aggregates.length];
                firstKeys = new String[aggregates.length];
                for (int i = 0; i < aggregates.length; i++) {
                    if (aggregates[i] == null) {
                        Output o = outputs.get(i);
                        firstValues[i] = o.value.eval(row);
                        firstKeys[i] = o.key(row);
                    }
                }
            }
            for (int i = 0; i < aggregates.length; i++) {
                if (aggregates[i] != null) {
                    aggregates[i].add(aggregateInputs[i]);
                }
            }
        }

        TwinObject row(Interner interner) {
            TwinObject.Builder b = new TwinObject.Builder(interner);
            for (int i = 0; i < aggregates.length; i++) {
                Output o = outputs.get(i);
                Object v;
                String key;
                if (aggregates[i] != null) {
                    v = aggregates[i].result();
                    key = o.alias;
                } else {
                    v = firstValues == null ? null : firstValues[i];
                    key = firstValues == null ? o.alias : firstKeys[i];
                }
                if (v != null && key != null) {
                    b.put(key, v);
                }
            }
            return b.build();
        }
    }
}
