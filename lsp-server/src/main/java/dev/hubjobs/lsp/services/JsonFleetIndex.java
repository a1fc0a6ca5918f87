package dev.hubjobs.lsp.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.QueryParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fleet read from a JSON array of device twins or from NDJSON (one twin per line), streamed
 * with Jackson so a large fleet is never held as text. Each twin is flattened to dotted paths
 * (matched case-insensitively, as the service matches property names); conditions are matched
 * by a small interpreter that covers what job conditions use.
 */
public final class JsonFleetIndex implements FleetIndex {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<Map<String, JsonNode>> devices;
    private final Set<String> paths;
    private final Map<String, List<Object>> values;

    private JsonFleetIndex(List<Map<String, JsonNode>> devices, Set<String> paths, Map<String, List<Object>> values) {
        this.devices = devices;
        this.paths = paths;
        this.values = values;
    }

    public static JsonFleetIndex load(Path file) throws IOException {
        List<Map<String, JsonNode>> devices = new ArrayList<>();
        Map<String, String> spelling = new HashMap<>();
        Map<String, Map<Object, Integer>> counts = new HashMap<>();
        // readValues reads a root array element by element, and whitespace-separated values (NDJSON) too.
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                JsonNode twin = it.nextValue();
                if (!twin.isObject()) {
                    continue;
                }
                Map<String, JsonNode> flat = new HashMap<>();
                flatten("", twin, flat, spelling, counts);
                devices.add(flat);
            }
        }
        Map<String, List<Object>> values = new HashMap<>();
        counts.forEach((path, c) -> {
            List<Map.Entry<Object, Integer>> entries = new ArrayList<>(c.entrySet());
            entries.sort(Map.Entry.<Object, Integer>comparingByValue().reversed()
                    .thenComparing(e -> String.valueOf(e.getKey())));
            values.put(path, entries.stream().map(Map.Entry::getKey).toList());
        });
        return new JsonFleetIndex(devices, Collections.unmodifiableSet(new TreeSet<>(spelling.values())), values);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> flat, Map<String, String> spelling,
            Map<String, Map<Object, Integer>> counts) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            String key = path.toLowerCase(Locale.ROOT);
            JsonNode value = field.getValue();
            flat.put(key, value);
            spelling.putIfAbsent(key, path);
            if (value.isObject()) {
                flatten(path, value, flat, spelling, counts);
            } else if (value.isValueNode() && !value.isNull()) {
                Map<Object, Integer> c = counts.computeIfAbsent(key, k -> new LinkedHashMap<>());
                if (c.size() < 1000 || c.containsKey(scalar(value))) {
                    c.merge(scalar(value), 1, Integer::sum);
                }
            }
        }
    }

    private static Object scalar(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        } else if (v.isBoolean()) {
            return v.booleanValue();
        } else if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        } else if (v.isNumber()) {
            return v.doubleValue();
        }
        return v.toString();
    }

    @Override
    public int size() {
        return devices.size();
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
        Condition c = parsed.get();
        if (c.allDevices() || c.expression().isEmpty()) {
            return OptionalInt.of(devices.size());
        }
        Expr e = c.expression().get();
        int n = 0;
        for (Map<String, JsonNode> device : devices) {
            if (Boolean.TRUE.equals(eval(e, device))) {
                n++;
            }
        }
        return OptionalInt.of(n);
    }

    /** Marks a property the twin does not have; comparisons with it are never true. */
    private static final Object UNDEFINED = new Object();

    private static Object eval(Expr e, Map<String, JsonNode> device) {
        if (e instanceof Expr.And a) {
            for (Expr x : a.operands()) {
                if (!Boolean.TRUE.equals(eval(x, device))) {
                    return false;
                }
            }
            return true;
        } else if (e instanceof Expr.Or o) {
            for (Expr x : o.operands()) {
                if (Boolean.TRUE.equals(eval(x, device))) {
                    return true;
                }
            }
            return false;
        } else if (e instanceof Expr.Not n) {
            Object v = eval(n.operand(), device);
            return v instanceof Boolean b ? !b : UNDEFINED;
        } else if (e instanceof Expr.Path p) {
            JsonNode v = device.get(p.dotted().toLowerCase(Locale.ROOT));
            return v == null ? UNDEFINED : v.isValueNode() ? v.isNull() ? null : scalar(v) : v;
        } else if (e instanceof Expr.StringLiteral s) {
            return s.value();
        } else if (e instanceof Expr.NumberLiteral n) {
            return n.value();
        } else if (e instanceof Expr.BooleanLiteral b) {
            return b.value();
        } else if (e instanceof Expr.NullLiteral) {
            return null;
        } else if (e instanceof Expr.Negate n) {
            return eval(n.operand(), device) instanceof Number x ? -x.doubleValue() : UNDEFINED;
        } else if (e instanceof Expr.In in) {
            Object v = eval(in.value(), device);
            if (v == UNDEFINED) {
                return false;
            }
            boolean found = in.list().elements().stream().anyMatch(x -> same(v, eval(x, device)));
            return found != in.negated();
        } else if (e instanceof Expr.Binary b) {
            return binary(b, eval(b.left(), device), eval(b.right(), device));
        } else if (e instanceof Expr.Call c) {
            return call(c, device);
        }
        return UNDEFINED;
    }

    private static Object call(Expr.Call c, Map<String, JsonNode> device) {
        List<Object> args = c.arguments().stream().map(a -> eval(a, device)).toList();
        String name = c.name().toUpperCase(Locale.ROOT);
        Object first = args.isEmpty() ? UNDEFINED : args.get(0);
        return switch (name) {
            case "IS_DEFINED" -> first != UNDEFINED;
            case "IS_STRING" -> first instanceof String;
            case "IS_NUMBER" -> first instanceof Number;
            case "IS_BOOL" -> first instanceof Boolean;
            case "IS_NULL" -> first == null;
            case "IS_OBJECT" -> first instanceof JsonNode n && n.isObject();
            case "IS_ARRAY" -> first instanceof JsonNode n && n.isArray();
            case "IS_PRIMITIVE" -> first != UNDEFINED && !(first instanceof JsonNode);
            case "STARTSWITH" -> args.size() == 2 && first instanceof String s && args.get(1) instanceof String p
                    && s.startsWith(p);
            case "ENDSWITH" -> args.size() == 2 && first instanceof String s && args.get(1) instanceof String p
                    && s.endsWith(p);
            default -> UNDEFINED;
        };
    }

    private static Object binary(Expr.Binary b, Object l, Object r) {
        if (l == UNDEFINED || r == UNDEFINED) {
            return UNDEFINED;
        }
        if (b.op().isArithmetic()) {
            if (!(l instanceof Number x) || !(r instanceof Number y)) {
                return UNDEFINED;
            }
            double a = x.doubleValue();
            double c = y.doubleValue();
            return switch (b.op()) {
                case ADD -> a + c;
                case SUBTRACT -> a - c;
                case MULTIPLY -> a * c;
                case DIVIDE -> a / c;
                default -> a % c;
            };
        }
        switch (b.op()) {
            case EQ:
                return same(l, r);
            case NEQ:
                return comparable(l, r) && !same(l, r);
            default:
                break;
        }
        int cmp;
        if (l instanceof Number x && r instanceof Number y) {
            cmp = Double.compare(x.doubleValue(), y.doubleValue());
        } else if (l instanceof String x && r instanceof String y) {
            cmp = x.compareTo(y);
        } else {
            return false;
        }
        return switch (b.op()) {
            case LT -> cmp < 0;
            case LTE -> cmp <= 0;
            case GT -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    private static boolean comparable(Object l, Object r) {
        return l == null || r == null || l instanceof Number && r instanceof Number || l.getClass() == r.getClass();
    }

    private static boolean same(Object l, Object r) {
        if (l instanceof Number x && r instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return l != UNDEFINED && r != UNDEFINED && Objects.equals(l, r);
    }
}
