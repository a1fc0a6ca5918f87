package dev.hubjobs.lsp.services;

import dev.hubjobs.eval.CompileException;
import dev.hubjobs.eval.QueryEngine;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.TwinObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fleet file (JSON array of twins or NDJSON) loaded with the toolkit's fleet loader. Conditions
 * are counted by the evaluator, so hover tells exactly what {@code hubjobs match} would; the paths
 * and values seen in the twins feed completion.
 */
public final class TwinFleetIndex implements FleetIndex {

    /** Distinct values kept per path for completion; beyond that a path is an identifier, not an enum. */
    private static final int MAX_VALUES = 1000;

    private final Fleet fleet;
    private final QueryEngine engine;
    private final Set<String> paths;
    private final Map<String, List<Object>> values;

    private TwinFleetIndex(Fleet fleet, Set<String> paths, Map<String, List<Object>> values) {
        this.fleet = fleet;
        this.engine = new QueryEngine(fleet);
        this.paths = paths;
        this.values = values;
    }

    /** Loads a fleet file; records the loader skips are left out, as {@code hubjobs match} does. */
    public static TwinFleetIndex load(Path file) throws IOException {
        Fleet fleet = FleetLoader.load(file, (read, total) -> {}).fleet();
        Map<String, String> spelling = new HashMap<>();
        Map<String, Map<Object, Integer>> counts = new HashMap<>();
        for (TwinObject twin : fleet.devices()) {
            index("", twin, spelling, counts);
        }
        Map<String, List<Object>> values = new HashMap<>();
        counts.forEach((path, c) -> {
            List<Map.Entry<Object, Integer>> entries = new ArrayList<>(c.entrySet());
            entries.sort(Map.Entry.<Object, Integer>comparingByValue().reversed()
                    .thenComparing(e -> String.valueOf(e.getKey())));
            values.put(path, entries.stream().map(Map.Entry::getKey).toList());
        });
        return new TwinFleetIndex(fleet, Collections.unmodifiableSet(new TreeSet<>(spelling.values())), values);
    }

    private static void index(String prefix, TwinObject node, Map<String, String> spelling,
            Map<String, Map<Object, Integer>> counts) {
        for (int i = 0; i < node.size(); i++) {
            String path = prefix.isEmpty() ? node.key(i) : prefix + "." + node.key(i);
            String key = path.toLowerCase(Locale.ROOT);
            Object value = node.value(i);
            spelling.putIfAbsent(key, path);
            if (value instanceof TwinObject child) {
                index(path, child, spelling, counts);
            } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                // Null and arrays are not offered as completion values.
                Map<Object, Integer> c = counts.computeIfAbsent(key, k -> new LinkedHashMap<>());
                if (c.size() < MAX_VALUES || c.containsKey(value)) {
                    c.merge(value, 1, Integer::sum);
                }
            }
        }
    }

    @Override
    public int size() {
        return fleet.devices().size();
    }

    @Override
    public Set<String> paths() {
        return paths;
    }

    @Override
    public List<Object> values(String path) {
        return values.getOrDefault(path.toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public OptionalInt count(String condition) {
        ParseResult<Condition> parsed = QueryParser.parseCondition(condition);
        if (parsed.hasErrors() || parsed.value().isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(engine.match(parsed.get()).size());
        } catch (CompileException e) {
            // A condition the evaluator cannot compile (e.g. an unknown function) has no count.
            return OptionalInt.empty();
        }
    }
}
