package dev.hubjobs.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetGenerator;
import dev.hubjobs.twin.FleetLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The compiled evaluator against a plain tree-walking interpreter over Jackson trees, written
 * here from the semantics alone, on a generated fleet and random conditions.
 */
class ReferenceAgreementTest {

    private static final int TWINS = 100_000;
    private static final int CONDITIONS = 200;

    private static final String[] PATHS = {
        "deviceId",
        "DeviceId",
        "status",
        "connectionState",
        "version",
        "tags.building",
        "tags.Building",
        "TAGS.BUILDING",
        "tags.floor",
        "tags.ring",
        "tags.Ring",
        "tags.RING",
        "tags.nothing",
        "properties.reported.battery",
        "properties.reported.firmware.version",
        "properties.desired.firmware.version",
        "properties.reported.connectivity",
        "properties.reported.$version",
        "properties.desired.$version",
        "properties.reported",
        "tags",
        "devices.tags.floor",
        "properties.reported.firmware",
    };
    private static final String[] CONSTANTS = {
        "'43'",
        "'3'",
        "'canary'",
        "'CANARY'",
        "'wifi'",
        "'2.0'",
        "'2.1'",
        "'enabled'",
        "'Connected'",
        "'dev-0000001'",
        "3",
        "20",
        "50",
        "55.5",
        "0",
        "100",
        "true",
        "false",
        "null",
        "'2.2'",
        "'45'",
    };
    private static final String[] OPS = {"=", "!=", "<>", "<", "<=", ">", ">="};

    /** Constants that fit a path, so that most random conditions split the fleet. */
    private static final Map<String, String[]> FITTING = Map.ofEntries(
            Map.entry("deviceid", new String[] {"'dev-0000001'", "'dev-0050000'", "'dev-0099999'"}),
            Map.entry("status", new String[] {"'enabled'", "'disabled'", "'Enabled'"}),
            Map.entry("connectionstate", new String[] {"'Connected'", "'Disconnected'"}),
            Map.entry("version", new String[] {"10", "20", "30"}),
            Map.entry("tags.building", new String[] {"'43'", "'45'", "'40'", "43"}),
            Map.entry("tags.floor", new String[] {"'3'", "3", "'5'", "5"}),
            Map.entry("tags.ring", new String[] {"'canary'", "'broad'", "'BROAD'"}),
            Map.entry("properties.reported.battery", new String[] {"20", "50", "55.5", "0", "100"}),
            Map.entry("properties.reported.firmware.version", new String[] {"'2.0'", "'2.1'", "'2.2'", "'1.9'"}),
            Map.entry("properties.desired.firmware.version", new String[] {"'2.0'", "'2.1'", "'2.2'"}),
            Map.entry("properties.reported.connectivity", new String[] {"'wifi'", "'wired'", "null"}),
            Map.entry("properties.reported.$version", new String[] {"10", "100", "150"}),
            Map.entry("properties.desired.$version", new String[] {"10", "15", "25"}));

    @Test
    void compiledPredicateAgreesWithReferenceInterpreter() throws IOException {
        long seed = System.getProperty("agreement.seed") != null
                ? Long.parseLong(System.getProperty("agreement.seed"))
                : 20261123L;
        byte[] ndjson = FleetGenerator.ndjson(TWINS, 99);
        String text = new String(ndjson, StandardCharsets.UTF_8);
        Fleet fleet = FleetLoader.parse(text).fleet();
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> trees = new ArrayList<>(TWINS);
        for (String line : (Iterable<String>) text.lines()::iterator) {
            trees.add(mapper.readTree(line));
        }
        assertThat(fleet.devices()).hasSize(trees.size());
        QueryEngine engine = new QueryEngine(fleet);
        SplittableRandom random = new SplittableRandom(seed);
        int nonTrivial = 0;
        for (int c = 0; c < CONDITIONS; c++) {
            String condition = condition(random, 0);
            ParseResult<Condition> parsed = QueryParser.parseCondition(condition);
            assertThat(parsed.hasErrors())
                    .as("seed %d: %s %s", seed, condition, parsed.diagnostics())
                    .isFalse();
            Expr expr = parsed.get().expression().orElseThrow();
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < trees.size(); i++) {
                if (Reference.eval(expr, trees.get(i)) == Boolean.TRUE) {
                    expected.add(i);
                }
            }
            List<Integer> actual = new ArrayList<>();
            CompiledCondition compiled = CompiledCondition.compile(expr);
            for (int i = 0; i < fleet.devices().size(); i++) {
                if (compiled.test(fleet.devices().get(i))) {
                    actual.add(i);
                }
            }
            assertThat(actual)
                    .as("seed %d, condition #%d: %s", seed, c, condition)
                    .isEqualTo(expected);
            // The engine evaluates column by column; it must pick exactly the same twins.
            List<Integer> batch = new ArrayList<>();
            for (var twin : engine.match(parsed.get())) {
                batch.add(Integer.parseInt(Fleet.deviceId(twin).substring(4)));
            }
            assertThat(batch)
                    .as("seed %d, condition #%d (batch): %s", seed, c, condition)
                    .isEqualTo(expected);
            if (!expected.isEmpty() && expected.size() < trees.size()) {
                nonTrivial++;
            }
        }
        // The generator must produce conditions that split the fleet, or the test proves little.
        assertThat(nonTrivial).as("seed %d", seed).isGreaterThan(CONDITIONS / 4);
    }

    private static String pick(SplittableRandom r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    /** A constant that usually fits the path. */
    private static String constant(SplittableRandom r, String path) {
        String[] fitting = FITTING.get(path.toLowerCase(Locale.ROOT).replace("devices.", ""));
        return fitting != null && r.nextInt(4) != 0 ? pick(r, fitting) : pick(r, CONSTANTS);
    }

    static String condition(SplittableRandom r, int depth) {
        int k = r.nextInt(depth >= 2 ? 6 : 9);
        String path = pick(r, PATHS);
        switch (k) {
            case 0:
                return path + " " + pick(r, OPS) + " " + constant(r, path);
            case 1:
                return pick(r, PATHS) + " " + pick(r, OPS) + " " + pick(r, PATHS);
            case 2: {
                StringBuilder sb = new StringBuilder(path).append(r.nextBoolean() ? " IN [" : " NIN [");
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? ", " : "").append(constant(r, path));
                }
                return sb.append(']').toString();
            }
            case 3: {
                String[] fs = {"IS_DEFINED", "is_null", "IS_STRING", "Is_Number", "IS_BOOL", "IS_OBJECT", "IS_PRIMITIVE"
                };
                return pick(r, fs) + "(" + pick(r, PATHS) + ")";
            }
            case 4: {
                String[] fs = {"STARTSWITH", "ENDSWITH", "CONTAINS"};
                return pick(r, fs) + "(" + path + ", " + constant(r, path) + ")";
            }
            case 5: {
                String[] ar = {"+", "-", "*", "/", "%"};
                return "(" + path + " " + pick(r, ar) + " " + constant(r, path) + ") " + pick(r, OPS) + " "
                        + constant(r, path);
            }
            case 6:
                return "NOT (" + condition(r, depth + 1) + ")";
            case 7:
            case 8: {
                int n = 2 + r.nextInt(3);
                String op = r.nextBoolean() ? " AND " : " OR ";
                StringBuilder sb = new StringBuilder("(");
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? op : "").append(condition(r, depth + 1));
                }
                return sb.append(')').toString();
            }
            default:
                throw new IllegalStateException();
        }
    }

    /** Deliberately naive: values are JsonNodes, undefined is Java null, logic is spelled out. */
    static final class Reference {

        static Object eval(Expr e, JsonNode twin) {
            if (e instanceof Expr.Path p) {
                JsonNode cur = twin;
                for (Expr.Segment s : p.segments()) {
                    cur = field(cur, s.name());
                    if (cur == null) {
                        return null;
                    }
                }
                return cur;
            }
            if (e instanceof Expr.StringLiteral s) {
                return mapperNode(s.value());
            }
            if (e instanceof Expr.NumberLiteral n) {
                return com.fasterxml.jackson.databind.node.DoubleNode.valueOf(n.value());
            }
            if (e instanceof Expr.BooleanLiteral b) {
                return com.fasterxml.jackson.databind.node.BooleanNode.valueOf(b.value());
            }
            if (e instanceof Expr.NullLiteral) {
                return com.fasterxml.jackson.databind.node.NullNode.getInstance();
            }
            if (e instanceof Expr.Negate n) {
                Object v = eval(n.operand(), twin);
                return v instanceof JsonNode j && j.isNumber() ? num(-j.doubleValue()) : null;
            }
            if (e instanceof Expr.Not n) {
                Object v = truth(eval(n.operand(), twin));
                return v == null ? null : !(Boolean) v;
            }
            if (e instanceof Expr.And a) {
                List<Object> vs = new ArrayList<>();
                a.operands().forEach(o -> vs.add(truth(eval(o, twin))));
                if (vs.contains(Boolean.FALSE)) {
                    return false;
                }
                return vs.contains(null) ? null : true;
            }
            if (e instanceof Expr.Or o) {
                List<Object> vs = new ArrayList<>();
                o.operands().forEach(x -> vs.add(truth(eval(x, twin))));
                if (vs.contains(Boolean.TRUE)) {
                    return true;
                }
                return vs.contains(null) ? null : false;
            }
            if (e instanceof Expr.In in) {
                Object v = eval(in.value(), twin);
                if (v == null) {
                    return null;
                }
                List<Object> eqs = new ArrayList<>();
                for (Expr c : in.list().elements()) {
                    eqs.add(compare("=", v, eval(c, twin)));
                }
                Object any = eqs.contains(Boolean.TRUE) ? Boolean.TRUE : eqs.contains(null) ? null : Boolean.FALSE;
                return !in.negated() || any == null ? any : !(Boolean) any;
            }
            if (e instanceof Expr.Binary b) {
                Object l = eval(b.left(), twin);
                Object r = eval(b.right(), twin);
                if (b.op().isArithmetic()) {
                    if (!(l instanceof JsonNode x && x.isNumber() && r instanceof JsonNode y && y.isNumber())) {
                        return null;
                    }
                    double p = x.doubleValue();
                    double q = y.doubleValue();
                    switch (b.op()) {
                        case ADD:
                            return num(p + q);
                        case SUBTRACT:
                            return num(p - q);
                        case MULTIPLY:
                            return num(p * q);
                        case DIVIDE:
                            return num(p / q);
                        default:
                            return num(p % q);
                    }
                }
                return compare(b.op().symbol(), l, r);
            }
            if (e instanceof Expr.Call c) {
                String name = c.name().toUpperCase(Locale.ROOT);
                Object v = eval(c.arguments().get(0), twin);
                JsonNode j = v instanceof JsonNode n ? n : null;
                switch (name) {
                    case "IS_DEFINED":
                        return j != null;
                    case "IS_NULL":
                        return j != null && j.isNull();
                    case "IS_STRING":
                        return j != null && j.isTextual();
                    case "IS_NUMBER":
                        return j != null && j.isNumber();
                    case "IS_BOOL":
                        return j != null && j.isBoolean();
                    case "IS_OBJECT":
                        return j != null && j.isObject();
                    case "IS_PRIMITIVE":
                        return j != null && (j.isValueNode());
                    default:
                        break;
                }
                Object w = eval(c.arguments().get(1), twin);
                if (j == null || !j.isTextual() || !(w instanceof JsonNode k) || !k.isTextual()) {
                    return null;
                }
                switch (name) {
                    case "STARTSWITH":
                        return j.textValue().startsWith(k.textValue());
                    case "ENDSWITH":
                        return j.textValue().endsWith(k.textValue());
                    default:
                        return j.textValue().contains(k.textValue());
                }
            }
            throw new IllegalArgumentException("reference does not know " + e);
        }

        private static JsonNode mapperNode(String s) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(s);
        }

        private static Object num(double d) {
            return Double.isFinite(d) ? com.fasterxml.jackson.databind.node.DoubleNode.valueOf(d) : null;
        }

        private static Boolean truth(Object v) {
            return v instanceof Boolean b ? b : v instanceof JsonNode j && j.isBoolean() ? j.booleanValue() : null;
        }

        /** Case-insensitive field lookup where a field spelled exactly like the name wins. */
        private static JsonNode field(JsonNode node, String name) {
            if (!node.isObject()) {
                return null;
            }
            if (node.has(name)) {
                return node.get(name);
            }
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                if (f.getKey().equalsIgnoreCase(name)) {
                    return f.getValue();
                }
            }
            return null;
        }

        private static Object compare(String op, Object l, Object r) {
            if (!(l instanceof JsonNode a) || !(r instanceof JsonNode b)) {
                return null;
            }
            Integer c = null;
            if (a.isNumber() && b.isNumber()) {
                c = Double.compare(a.doubleValue(), b.doubleValue());
            } else if (a.isTextual() && b.isTextual()) {
                c = a.textValue().compareTo(b.textValue());
            } else if (a.isBoolean() && b.isBoolean()) {
                c = Boolean.compare(a.booleanValue(), b.booleanValue());
            } else if (a.isNull() && b.isNull()) {
                c = 0;
            }
            if (c == null) {
                return null;
            }
            switch (op) {
                case "=":
                    return c == 0;
                case "!=":
                case "<>":
                    return c != 0;
                case "<":
                    return c < 0;
                case "<=":
                    return c <= 0;
                case ">":
                    return c > 0;
                default:
                    return c >= 0;
            }
        }
    }
}
