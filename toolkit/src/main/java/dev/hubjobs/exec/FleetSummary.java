package dev.hubjobs.exec;

import dev.hubjobs.eval.CompileException;
import dev.hubjobs.eval.CompiledCondition;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.query.Source;
import dev.hubjobs.rules.FleetFacts;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.Shape;
import dev.hubjobs.twin.TwinObject;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the fleet rules (HJ401-HJ404), the dry run and the editor know about a fleet and a hub
 * tier: device counts, match counts, the property paths seen in the twins (as first spelled) and
 * the values seen at each. Match counts use the evaluator's compiled conditions, so they are
 * exactly the devices the executor would target; rates use the executor's {@link Throttle}.
 * Thread-safe: an editor asks from several threads.
 *
 * <p>{@link #matchCount} is -1 for a condition that cannot be evaluated (an unknown function:
 * other rules report it), and the fleet rules then stay silent.
 */
public final class FleetSummary implements FleetFacts {

    /** Beyond this many distinct paths (twins with unique keys) every path is assumed to exist. */
    static final int MAX_PATHS = 100_000;

    /** Distinct values kept per path; beyond that a path is an identifier, not a set of choices. */
    static final int MAX_VALUES = 1000;

    private final Fleet fleet;
    private final Throttle throttle;
    private final Map<Condition, Integer> counts = Collections.synchronizedMap(new IdentityHashMap<>());
    private volatile Paths paths;
    private volatile Map<String, List<Object>> values;

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
        return condition.source() == Source.MODULES
                ? fleet.modules().size()
                : fleet.devices().size();
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

    /** How many of how many twins (devices, or modules for a module condition) a condition matches. */
    public record Matches(int count, int of) {}

    /** What a condition's text matches; empty when the text does not parse or cannot be evaluated. */
    public Optional<Matches> matches(String condition) {
        ParseResult<Condition> parsed = QueryParser.parseCondition(condition);
        if (parsed.hasErrors() || parsed.value().isEmpty()) {
            return Optional.empty();
        }
        int n = matchCount(parsed.get());
        return n < 0 ? Optional.empty() : Optional.of(new Matches(n, size(parsed.get())));
    }

    @Override
    public boolean pathExists(String dottedPath) {
        Paths all = pathIndex();
        return all.truncated || all.byLowerCase.containsKey(dottedPath.toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<Double> operationsPerSecond() {
        return throttle.unthrottled() ? Optional.empty() : Optional.of((double) throttle.operationsPerSecond());
    }

    /** Every dotted path seen in the twins, spelled as first seen (names are case-insensitive), sorted. */
    @Override
    public Set<String> paths() {
        return pathIndex().sorted;
    }

    /**
     * The distinct values (String, Number or Boolean) seen at a dotted path of the devices' twins,
     * most frequent first; null and arrays are left out. At most {@value #MAX_VALUES} per path.
     */
    public List<Object> values(String dottedPath) {
        Map<String, List<Object>> all = values;
        if (all == null) {
            synchronized (this) {
                all = values;
                if (all == null) {
                    values = all = FleetValues.collect(fleet.devices(), MAX_VALUES);
                }
            }
        }
        return all.getOrDefault(dottedPath.toLowerCase(Locale.ROOT), List.of());
    }

    private Paths pathIndex() {
        Paths all = paths;
        if (all == null) {
            synchronized (this) {
                all = paths;
                if (all == null) {
                    paths = all = Paths.collect(fleet);
                }
            }
        }
        return all;
    }

    /** The paths of a fleet, keyed by their lower-cased form. */
    private record Paths(Map<String, String> byLowerCase, Set<String> sorted, boolean truncated) {

        /**
         * Every object path of every twin. Twins of a fleet share shapes, so the child paths of a
         * shape at a given path are computed once and each twin only walks its values.
         */
        static Paths collect(Fleet fleet) {
            Map<String, String> out = new HashMap<>();
            PathNode root = new PathNode("", "");
            boolean truncated = false;
            outer:
            for (List<TwinObject> part : List.of(fleet.devices(), fleet.modules())) {
                for (TwinObject twin : part) {
                    if (!walk(twin, root, out)) {
                        truncated = true;
                        break outer;
                    }
                }
            }
            return new Paths(
                    Collections.unmodifiableMap(out),
                    Collections.unmodifiableSet(new TreeSet<>(out.values())),
                    truncated);
        }

        private static boolean walk(TwinObject o, PathNode node, Map<String, String> out) {
            Shape shape = o.shape();
            PathNode[] children = node.byShape.get(shape);
            if (children == null) {
                children = new PathNode[shape.size()];
                for (int i = 0; i < children.length; i++) {
                    String key = shape.key(i);
                    children[i] = node.children.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> node.child(key));
                    out.putIfAbsent(children[i].lower, children[i].spelled);
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
    }

    private static final class PathNode {
        final String lower;
        final String spelled;
        final Map<String, PathNode> children = new HashMap<>();
        final Map<Shape, PathNode[]> byShape = new IdentityHashMap<>();

        PathNode(String lower, String spelled) {
            this.lower = lower;
            this.spelled = spelled;
        }

        PathNode child(String key) {
            return lower.isEmpty()
                    ? new PathNode(key.toLowerCase(Locale.ROOT), key)
                    : new PathNode(lower + "." + key.toLowerCase(Locale.ROOT), spelled + "." + key);
        }
    }
}
