package dev.hubjobs.eval;

import dev.hubjobs.query.Condition;
import dev.hubjobs.query.Query;
import dev.hubjobs.query.Source;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetReader;
import dev.hubjobs.twin.Interner;
import dev.hubjobs.twin.ProgressListener;
import dev.hubjobs.twin.TwinObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Conditions and queries evaluated while a fleet file is read, keeping no twin longer than it
 * takes to test it: memory does not grow with the fleet. Rows come out in fleet order, the same
 * rows as {@link QueryEngine} gives over the loaded fleet; a {@code GROUP BY} keeps one running
 * row per group, a {@code TOP n} query stops reading after its n-th row. Only the fields the
 * query reads are built from each record, and records of one twin per line are parsed and
 * tested on several threads.
 *
 * <pre>{@code
 * FleetScan scan = FleetScan.of(QueryParser.parseCondition("tags.building = '43'").get());
 * FleetReader.Summary read = scan.match(Path.of("fleet.ndjson"), null, ProgressListener.NONE,
 *         FleetReader.defaultThreads(), System.out::println);
 * }</pre>
 *
 * <p>The collection {@code devices.jobs} is not in a fleet file: such a query has no rows (as the
 * engine without a job source). Instances are immutable and may be reused.
 */
public final class FleetScan {

    private final Query query;
    private final Condition condition;
    private final QueryPlan plan;
    private final List<List<String>> paths;

    private FleetScan(Query query, Condition condition) {
        this.query = query;
        this.condition = condition;
        if (query != null) {
            this.plan = QueryPlan.of(query);
            this.paths = plan.paths(query);
        } else {
            this.plan = null;
            List<List<String>> p = new ArrayList<>();
            condition.expression().ifPresent(e -> QueryPlan.collect(e, p));
            this.paths = p.contains(null) ? null : p;
        }
    }

    /** @throws CompileException for a query that parses but cannot be evaluated */
    public static FleetScan of(Query query) {
        return new FleetScan(query, null);
    }

    /** @throws CompileException for a condition that parses but cannot be evaluated */
    public static FleetScan of(Condition condition) {
        FleetScan scan = new FleetScan(null, condition);
        scan.compiledCondition();
        return scan;
    }

    private CompiledCondition compiledCondition() {
        return condition.allDevices() || condition.expression().isEmpty()
                ? null
                : CompiledCondition.compile(condition.expression().get());
    }

    /**
     * The ids ({@link Fleet#id}) of the twins a job with this condition would target, in fleet
     * order, handed to {@code ids} as they are found.
     */
    public FleetReader.Summary match(
            Path fleet, FleetReader.Format format, ProgressListener progress, int threads, Consumer<String> ids)
            throws IOException {
        requireCondition();
        CompiledCondition where = compiledCondition();
        Source source = condition.source();
        return FleetReader.scan(
                fleet, format, progress, threads, paths, twin -> matchedId(source, where, twin), sinkOf(ids));
    }

    /** {@link #match(Path, FleetReader.Format, ProgressListener, int, Consumer)} of a stream. */
    public FleetReader.Summary match(
            InputStream in, String name, FleetReader.Format format, int threads, Consumer<String> ids)
            throws IOException {
        requireCondition();
        CompiledCondition where = compiledCondition();
        Source source = condition.source();
        return FleetReader.scan(
                in,
                name,
                -1,
                format,
                ProgressListener.NONE,
                threads,
                paths,
                twin -> matchedId(source, where, twin),
                sinkOf(ids));
    }

    private static String matchedId(Source source, CompiledCondition where, TwinObject twin) {
        return QueryPlan.inSource(source, twin) && (where == null || where.test(twin)) ? Fleet.id(twin) : null;
    }

    private static FleetReader.OrderedSink<String> sinkOf(Consumer<String> ids) {
        return id -> {
            ids.accept(id);
            return true;
        };
    }

    /** The rows of the query, in fleet order, handed to {@code rows}: as they are found, or at the end for groups. */
    public FleetReader.Summary run(
            Path fleet, FleetReader.Format format, ProgressListener progress, int threads, Consumer<TwinObject> rows)
            throws IOException {
        return run(rows, (mapper, sink) -> FleetReader.scan(fleet, format, progress, threads, paths, mapper, sink));
    }

    /** {@link #run(Path, FleetReader.Format, ProgressListener, int, Consumer)} of a stream. */
    public FleetReader.Summary run(
            InputStream in, String name, FleetReader.Format format, int threads, Consumer<TwinObject> rows)
            throws IOException {
        return run(
                rows,
                (mapper, sink) ->
                        FleetReader.scan(in, name, -1, format, ProgressListener.NONE, threads, paths, mapper, sink));
    }

    @FunctionalInterface
    private interface Reader<T> {
        FleetReader.Summary read(FleetReader.Mapper<T> mapper, FleetReader.OrderedSink<T> sink) throws IOException;
    }

    /** What a matching twin adds to its group: the group, the aggregates' inputs, the twin for a new group. */
    private record Contribution(List<Object> key, Object[] inputs, TwinObject twin) {}

    private FleetReader.Summary run(Consumer<TwinObject> rows, Reader<?> reader) throws IOException {
        if (plan == null) {
            throw new IllegalStateException("a scan of a condition lists ids: use match");
        }
        QueryPlan p = plan;
        ThreadLocal<Interner> interners = ThreadLocal.withInitial(Interner::new);
        if (!p.grouped) {
            long[] emitted = {0};
            @SuppressWarnings("unchecked")
            Reader<TwinObject> r = (Reader<TwinObject>) reader;
            return r.read(twin -> matches(p, twin) ? p.row(twin, interners.get()) : null, row -> {
                if (emitted[0] >= p.top) {
                    return false;
                }
                rows.accept(row);
                return ++emitted[0] < p.top;
            });
        }
        Map<List<Object>, QueryPlan.Group> groups = new LinkedHashMap<>();
        if (p.keys.length == 0) {
            groups.put(List.of(), p.newGroup());
        }
        @SuppressWarnings("unchecked")
        Reader<Contribution> r = (Reader<Contribution>) reader;
        FleetReader.Summary summary = r.read(
                twin -> {
                    if (!matches(p, twin)) {
                        return null;
                    }
                    List<Object> key = p.groupKey(twin);
                    return key == null ? null : new Contribution(key, p.aggregateInputs(twin), twin);
                },
                c -> {
                    groups.computeIfAbsent(c.key, k -> p.newGroup()).add(c.twin, c.inputs);
                    return true;
                });
        Interner interner = new Interner();
        long emitted = 0;
        for (QueryPlan.Group g : groups.values()) {
            if (emitted++ >= p.top) {
                break;
            }
            rows.accept(g.row(interner));
        }
        return summary;
    }

    private static boolean matches(QueryPlan p, TwinObject twin) {
        return QueryPlan.inSource(p.source, twin) && (!p.hasWhere || p.where.test(twin));
    }

    private void requireCondition() {
        if (condition == null) {
            throw new IllegalStateException("a scan of a query gives rows: use run");
        }
    }
}
