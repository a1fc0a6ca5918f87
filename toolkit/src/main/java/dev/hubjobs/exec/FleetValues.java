package dev.hubjobs.exec;

import dev.hubjobs.twin.TwinObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The distinct scalar values seen at each path of a set of twins, most frequent first. */
final class FleetValues {

    private FleetValues() {}

    /** Keyed by the lower-cased dotted path; at most {@code max} distinct values per path. */
    static Map<String, List<Object>> collect(List<TwinObject> twins, int max) {
        Map<String, Map<Object, Integer>> counts = new HashMap<>();
        for (TwinObject twin : twins) {
            count("", twin, counts, max);
        }
        Map<String, List<Object>> values = new HashMap<>();
        counts.forEach((path, c) -> {
            List<Map.Entry<Object, Integer>> entries = new ArrayList<>(c.entrySet());
            entries.sort(Map.Entry.<Object, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(e -> String.valueOf(e.getKey())));
            values.put(path, entries.stream().map(Map.Entry::getKey).toList());
        });
        return Map.copyOf(values);
    }

    private static void count(String prefix, TwinObject node, Map<String, Map<Object, Integer>> counts, int max) {
        for (int i = 0; i < node.size(); i++) {
            String key = node.key(i).toLowerCase(Locale.ROOT);
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            Object value = node.value(i);
            if (value instanceof TwinObject child) {
                count(path, child, counts, max);
            } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                Map<Object, Integer> c = counts.computeIfAbsent(path, k -> new LinkedHashMap<>());
                if (c.size() < max || c.containsKey(value)) {
                    c.merge(value, 1, Integer::sum);
                }
            }
        }
    }
}
