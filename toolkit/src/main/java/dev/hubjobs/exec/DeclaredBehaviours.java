package dev.hubjobs.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.Interner;
import dev.hubjobs.twin.TwinJson;
import dev.hubjobs.twin.TwinObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Device behaviours declared in a fleet file. A twin record may carry an optional top-level
 * {@code "$behaviour"} object, which is not part of the twin and is removed from it:
 *
 * <pre>{@code
 * {"deviceId": "dev-1", "$behaviour": {"status": 200, "payload": {"ok": true}, "latencyMs": 100, "offline": false}, ...}
 * }</pre>
 *
 * {@code status} (integer, default 200), {@code payload} (any JSON, default none),
 * {@code latencyMs} (integer >= 0, default 0), {@code offline} (boolean, default false). Twins
 * without one answer as {@link DeviceBehaviour#ALWAYS_OK} does. A malformed declaration is
 * reported and that twin keeps the default.
 */
public final class DeclaredBehaviours {

    public static final String KEY = "$behaviour";

    private DeclaredBehaviours() {}

    /** The fleet without {@code $behaviour} keys, the behaviour they declare, and any problems. */
    public record Extracted(Fleet fleet, DeviceBehaviour behaviour, List<String> problems) {
        public Extracted {
            problems = List.copyOf(problems);
        }
    }

    public static Extracted extract(Fleet fleet) {
        Map<String, DeviceBehaviour.MethodResult> declared = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<TwinObject> twins = new ArrayList<>(fleet.size());
        Interner interner = new Interner();
        boolean any = false;
        for (List<TwinObject> part : List.of(fleet.devices(), fleet.modules())) {
            for (TwinObject twin : part) {
                Object spec = twin.get(KEY);
                if (spec == null) {
                    twins.add(twin);
                    continue;
                }
                any = true;
                String id = Fleet.id(twin);
                twins.add(without(twin, KEY, interner));
                try {
                    declared.put(id, parse(spec));
                } catch (IllegalArgumentException e) {
                    problems.add(id + ": " + KEY + " " + e.getMessage() + "; using the default (200, no delay)");
                }
            }
        }
        if (!any) {
            return new Extracted(fleet, DeviceBehaviour.ALWAYS_OK, problems);
        }
        DeviceBehaviour behaviour = (twin, method) -> {
            DeviceBehaviour.MethodResult r = declared.get(Fleet.id(twin));
            return r != null ? r : DeviceBehaviour.ALWAYS_OK.invoke(twin, method);
        };
        return new Extracted(Fleet.of(twins), behaviour, problems);
    }

    private static DeviceBehaviour.MethodResult parse(Object spec) {
        if (!(spec instanceof TwinObject o)) {
            throw new IllegalArgumentException("must be an object");
        }
        int status = 200;
        JsonNode payload = null;
        long latency = 0;
        boolean offline = false;
        for (int i = 0; i < o.size(); i++) {
            Object v = o.value(i);
            switch (o.key(i)) {
                case "status" -> {
                    if (!(v instanceof Long l) || l < 0 || l > 999) {
                        throw new IllegalArgumentException("\"status\" must be an integer status code");
                    }
                    status = l.intValue();
                }
                case "payload" -> payload = payload(v);
                case "latencyMs" -> {
                    if (!(v instanceof Long l) || l < 0) {
                        throw new IllegalArgumentException("\"latencyMs\" must be an integer >= 0");
                    }
                    latency = l;
                }
                case "offline" -> {
                    if (!(v instanceof Boolean b)) {
                        throw new IllegalArgumentException("\"offline\" must be true or false");
                    }
                    offline = b;
                }
                default ->
                    throw new IllegalArgumentException(
                            "has an unknown key \"" + o.key(i) + "\" (known: status, payload, latencyMs, offline)");
            }
        }
        return offline
                ? DeviceBehaviour.Offline.INSTANCE
                : new DeviceBehaviour.Response(status, payload, Duration.ofMillis(latency));
    }

    /** Through text, so that numbers get the node types a parsed job document has. */
    private static JsonNode payload(Object value) {
        try {
            return JobJson.MAPPER.readTree(TwinJson.toJson(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("\"payload\" is not JSON: " + e.getOriginalMessage());
        }
    }

    private static TwinObject without(TwinObject twin, String key, Interner interner) {
        TwinObject.Builder b = new TwinObject.Builder(interner);
        for (int i = 0; i < twin.size(); i++) {
            if (!twin.key(i).equals(key)) {
                b.put(twin.key(i), twin.value(i));
            }
        }
        return b.build();
    }
}
