package dev.hubjobs.eval;

import dev.hubjobs.query.Condition;
import dev.hubjobs.query.Query;
import dev.hubjobs.query.Source;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.Interner;
import dev.hubjobs.twin.TwinObject;
import java.util.ArrayList;
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
        return select(
                rows,
                condition.source(),
                CompiledCondition.compile(condition.expression().get()));
    }

    private List<TwinObject> select(List<TwinObject> rows, Source source, CompiledCondition where) {
        Map<String, Object[]> columns = source == Source.DEVICES
                ? deviceColumns
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
        QueryPlan plan = QueryPlan.of(query);
        Interner interner = new Interner();
        List<TwinObject> result = new ArrayList<>();
        List<TwinObject> matched =
                !plan.hasWhere ? rowList(plan.source) : select(rowList(plan.source), plan.source, plan.where);
        if (!plan.grouped) {
            for (TwinObject row : matched) {
                if (result.size() >= plan.top) {
                    break;
                }
                result.add(plan.row(row, interner));
            }
            return new QueryResult(result);
        }
        Map<List<Object>, QueryPlan.Group> groups = new LinkedHashMap<>();
        if (plan.keys.length == 0) {
            groups.put(List.of(), plan.newGroup());
        }
        for (TwinObject row : matched) {
            List<Object> key = plan.groupKey(row);
            if (key == null) {
                continue;
            }
            groups.computeIfAbsent(key, k -> plan.newGroup()).add(row, plan.aggregateInputs(row));
        }
        for (QueryPlan.Group g : groups.values()) {
            if (result.size() >= plan.top) {
                break;
            }
            result.add(g.row(interner));
        }
        return new QueryResult(result);
    }
}
