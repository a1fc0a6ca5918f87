package dev.hubjobs.exec;

import dev.hubjobs.eval.CompileException;
import dev.hubjobs.eval.CompiledCondition;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.Source;
import dev.hubjobs.rules.FleetFacts;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.Shape;
import dev.hubjobs.twin.TwinObject;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the fleet rules (HJ401-HJ404) and the dry run know about a fleet and a hub tier. Match
 * counts use the evaluator's compiled conditions, so they are exactly the devices the executor
 * would target; rates use the executor's {@link Throttle}.
 *
 * <p>{@link #matchCount} is -1 for a condition that cannot be evaluated (an unknown function:
 * other rules report it), and the fleet rules then stay silent.
 */
public final class FleetSummary implements FleetFacts {

    /** Beyond this many distinct paths (twins with unique keys) every path is assumed to exist. */
    static final int MAX_PATHS = 100_000;

    private final Fleet fleet;
    private final Throttle throttle;
    private final Map<Condition, Integer> counts = new IdentityHashMap<>();
    private Set<String> paths;
    private boolean pathsTruncated;

    public FleetSummary(Fleet fleet, Throttle throttle) {
        this.fleet = fleet;
        this.throttle = throttle;
    }

    public Fleet fleet() {
        return fleet;
    }

    public Throttle throttle() {
        return throttle;
    }

    @Override
    public int size(Condition condition) {
        return condition.source() == Source.MODULES ? fleet.modules().size() : fleet.devices().size();
    }

    @Override
    public int matchCount(Condition condition) {
        return counts.computeIfAbsent(condition, this::count);
    }

    private int count(Condition condition) {
        if (condition.source() == Source.JOBS) {
            return -1;
        }
        List<TwinObject> rows = condition.source() == Source.MODULES ? fleet.modules() : fleet.devices();
        if (condition.allDevices() || condition.expression().isEmpty()) {
            return rows.size();
        }
        CompiledCondition where;
        try {
            where = CompiledCondition.compile(condition.expression().get());
        } catch (CompileException e) {
            return -1;
        }
        int n = 0;
        for (TwinObject row : rows) {
            if (where.test(row)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean pathExists(String dottedPath) {
        Set<String> all = paths();
        return pathsTruncated || all.contains(dottedPath.toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<Double> operationsPerSecond() {
        return throttle.unthrottled() ? Optional.empty() : Optional.of((double) throttle.operationsPerSecond());
    }

    @Override
    public Set<String> paths() {
        if (paths == null) {
            collectPaths();
        }
        return paths;
    }

    /**
     * Every object path of every twin, lower-cased. Twins of a fleet share shapes, so the child
     * paths of a shape at a given path are computed once and each twin only walks its values.
     */
    private void collectPaths() {
        Set<String> out = new LinkedHashSet<>();
        PathNode root = new PathNode("");
        for (List<TwinObject> part : List.of(fleet.devices(), fleet.modules())) {
            for (TwinObject twin : part) {
                if (!walk(twin, root, out)) {
                    pathsTruncated = true;
                    paths = Collections.unmodifiableSet(out);
                    return;
                }
            }
        }
        paths = Collections.unmodifiableSet(out);
    }

    private static boolean walk(TwinObject o, PathNode node, Set<String> out) {
        Shape shape = o.shape();
        PathNode[] children = node.byShape.get(shape);
        if (children == null) {
            children = new PathNode[shape.size()];
            for (int i = 0; i < children.length; i++) {
                String key = shape.key(i).toLowerCase(Locale.ROOT);
                children[i] = node.children.computeIfAbsent(key,
                        k -> new PathNode(node.path.isEmpty() ? k : node.path + "." + k));
                out.add(children[i].path);
            }
            if (out.size() > MAX_PATHS) {
                return false;
            }
            node.byShape.put(shape, children);
        }
        for (int i = 0; i < children.length; i++) {
            if (o.value(i) instanceof TwinObject child && !walk(child, children[i], out)) {
                return false;
            }
        }
        return true;
    }

    private static final class PathNode {
        final String path;
        final Map<String, PathNode> children = new HashMap<>();
        final Map<Shape, PathNode[]> byShape = new IdentityHashMap<>();

        PathNode(String path) {
            this.path = path;
        }
    }
}
