package dev.hubjobs.eval;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.Projection;
import dev.hubjobs.query.Query;
import dev.hubjobs.query.Source;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.Interner;
import dev.hubjobs.twin.TwinObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs job conditions and queries over a fleet: the evaluator's one entry point.
 *
 * <pre>{@code
 * QueryEngine engine = new QueryEngine(FleetLoader.load(file, ProgressListener.NONE).fleet());
 * List<TwinObject> targets = engine.match(QueryParser.parseCondition("tags.building = '43'").get());
 * QueryResult rows = engine.run(QueryParser.parseQuery("SELECT COUNT() AS n FROM devices").get());
 * }</pre>
 *
 * Rows come out in fleet order. Both methods throw {@link CompileException} for a query that
 * parses but cannot be evaluated.
 */
public final class QueryEngine {

    private final Fleet fleet;
    private final DeviceJobSource jobs;
    private final Map<String, Object[]> deviceColumns = Batch.newColumnCache();
    private final Map<String, Object[]> moduleColumns = Batch.newColumnCache();

    public QueryEngine(Fleet fleet) {
        this(fleet, DeviceJobSource.NONE);
    }

    public QueryEngine(Fleet fleet, DeviceJobSource jobs) {
        this.fleet = fleet;
        this.jobs = jobs;
    }

    /**
     * The twins a job with this {@code queryCondition} would target, in fleet order. The engine
     * keeps the columns of the paths it has read, so later conditions on the same paths are
     * faster; use one engine per fleet.
     */
    public List<TwinObject> match(Condition condition) {
        List<TwinObject> rows = rowList(condition.source());
        if (condition.allDevices() || condition.expression().isEmpty()) {
            return new ArrayList<>(rows);
        }
        return select(rows, condition.source(), CompiledCondition.compile(condition.expression().get()));
    }

    private List<TwinObject> select(List<TwinObject> rows, Source source, CompiledCondition where) {
        Map<String, Object[]> columns = source == Source.DEVICES ? deviceColumns
                : source == Source.MODULES ? moduleColumns : Batch.newColumnCache();
        int[] hits = where.select(new Batch(rows, columns));
        List<TwinObject> matched = new ArrayList<>(hits.length);
        for (int i : hits) {
            matched.add(rows.get(i));
        }
        return matched;
    }

    private List<TwinObject> rowList(Source source) {
        if (source == Source.JOBS) {
            List<TwinObject> rows = new ArrayList<>();
            jobs.deviceJobs().forEach(rows::add);
            return rows;
        }
        return source == Source.MODULES ? fleet.modules() : fleet.devices();
    }

    public QueryResult run(Query query) {
        CompiledCondition where = query.where().map(CompiledCondition::compile).orElse(CompiledCondition.all());
        List<Output> outputs = outputs(query);
        long top = query.top().orElse(Long.MAX_VALUE);
        Interner interner = new Interner();
        boolean grouped = !query.groupBy().isEmpty() || outputs.stream().anyMatch(o -> o.aggregate != null);
        List<TwinObject> result = new ArrayList<>();
        List<TwinObject> matched = query.where().isEmpty() ? rowList(query.source())
                : select(rowList(query.source()), query.source(), where);
        if (!grouped) {
            for (TwinObject row : matched) {
                if (result.size() >= top) {
                    break;
                }
                result.add(query.selectsAll() ? row : project(outputs, row, interner));
            }
            return new QueryResult(result);
        }
        Node.PathRef[] keys = query.groupBy().stream().map(ExprCompiler::path).toArray(Node.PathRef[]::new);
        if (query.selectsAll()) {
            // SELECT * with GROUP BY: one row per group holding the group values.
            for (Expr.Path p : query.groupBy()) {
                outputs.add(new Output(ExprCompiler.path(p), null, null));
            }
        }
        Map<List<Object>, Group> groups = new LinkedHashMap<>();
        if (keys.length == 0) {
            groups.put(List.of(), new Group(outputs));
        }
        for (TwinObject row : matched) {
            Group g;
            if (keys.length == 0) {
                g = groups.get(List.of());
            } else {
                List<Object> key = groupKey(keys, row);
                if (key == null) {
                    continue;
                }
                g = groups.computeIfAbsent(key, k -> new Group(outputs));
            }
            g.add(row);
        }
        for (Group g : groups.values()) {
            if (result.size() >= top) {
                break;
            }
            result.add(g.row(interner));
        }
        return new QueryResult(result);
    }

    /** The group values of a row, numbers normalised so that 3 and 3.0 group together; null if any is undefined. */
    private static List<Object> groupKey(Node.PathRef[] keys, TwinObject row) {
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

    /** One column of the SELECT list: a scalar (path or function) or an aggregate. */
    private static final class Output {
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
                    throw new CompileException(Diagnostic.error(Codes.WRONG_ARGUMENT_COUNT,
                            kind + " takes " + (expected == 0 ? "no arguments" : "one argument")
                                    + ", found " + call.arguments().size(), call.span()));
                }
                Node arg = expected == 0 ? null : ExprCompiler.compile(call.arguments().get(0));
                outputs.add(new Output(arg, alias, kind));
            } else {
                outputs.add(new Output(ExprCompiler.compile(e), alias, null));
            }
        }
        return outputs;
    }

    private static TwinObject project(List<Output> outputs, TwinObject row, Interner interner) {
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

    private static final class Group {
        private final List<Output> outputs;
        private final Aggregate[] aggregates;
        private TwinObject first;

        Group(List<Output> outputs) {
            this.outputs = outputs;
            this.aggregates = new Aggregate[outputs.size()];
            for (int i = 0; i < aggregates.length; i++) {
                Aggregate.Kind k = outputs.get(i).aggregate;
                aggregates[i] = k == null ? null : new Aggregate(k);
            }
        }

        void add(TwinObject row) {
            if (first == null) {
                first = row;
            }
            for (int i = 0; i < aggregates.length; i++) {
                if (aggregates[i] != null) {
                    Node value = outputs.get(i).value;
                    aggregates[i].add(value == null ? null : value.eval(row));
                }
            }
        }

        /** Aggregates over the group; plain columns take their value from the group's first row. */
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
                    v = first == null ? null : o.value.eval(first);
                    key = first == null ? o.alias : o.key(first);
                }
                if (v != null && key != null) {
                    b.put(key, v);
                }
            }
            return b.build();
        }
    }
}
