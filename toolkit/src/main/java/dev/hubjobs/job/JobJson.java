package dev.hubjobs.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.json.JsonDocument;
import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.*;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@link JobRequest}s from parsed job documents, and binds them to and from the service's
 * wire JSON with Jackson.
 */
public final class JobJson {

    /** A mapper for wire JSON: nulls omitted, nesting bounded as for job documents. */
    public static final JsonMapper MAPPER = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder().maxNestingDepth(256).build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Decimals stay exact (twin values such as "2.10" must not become binary doubles).
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    private JobJson() {}

    /** The wire JSON the service expects for {@code request}. */
    public static String toWire(JobRequest request) {
        try {
            return MAPPER.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise job " + request.jobId(), e);
        }
    }

    /** Binds strict wire JSON (as a back end would build it) to a request. */
    public static JobRequest fromWire(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, JobRequest.class);
    }

    /** The job requests of a document: its root object, or each object of its root array. */
    public static List<JobRequest> requests(JsonDocument document) {
        List<JobRequest> result = new ArrayList<>();
        document.root().ifPresent(root -> {
            if (root instanceof JsonObject o) {
                result.add(request(o));
            } else if (root instanceof JsonArray a) {
                for (JsonValue v : a.elements()) {
                    if (v instanceof JsonObject o) {
                        result.add(request(o));
                    }
                }
            }
        });
        return result;
    }

    /** A typed request from one job object; fields of the wrong type are left null. */
    public static JobRequest request(JsonObject o) {
        CloudToDeviceMethod method = null;
        if (o.getOrNull("cloudToDeviceMethod") instanceof JsonObject m) {
            method = new CloudToDeviceMethod(
                    string(m, "methodName"),
                    m.get("payload").map(JobJson::toJackson).orElse(null),
                    integer(m, "responseTimeoutInSeconds"),
                    integer(m, "connectTimeoutInSeconds"));
        }
        ObjectNode updateTwin = o.getOrNull("updateTwin") instanceof JsonObject u ? (ObjectNode) toJackson(u) : null;
        Long maxSeconds =
                o.getOrNull("maxExecutionTimeInSeconds") instanceof JsonNumber n && n.isIntegral() ? asLong(n) : null;
        return new JobRequest(
                string(o, "jobId"),
                string(o, "type"),
                string(o, "queryCondition"),
                string(o, "startTime"),
                maxSeconds,
                method,
                updateTwin,
                o);
    }

    private static String string(JsonObject o, String key) {
        return o.getOrNull(key) instanceof JsonString s ? s.value() : null;
    }

    private static Integer integer(JsonObject o, String key) {
        if (o.getOrNull(key) instanceof JsonNumber n && n.isIntegral()) {
            Long v = asLong(n);
            if (v != null && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                return v.intValue();
            }
        }
        return null;
    }

    private static Long asLong(JsonNumber n) {
        try {
            return new BigInteger(n.text()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** Converts a document value to a Jackson tree; invalid values (placeholders) become null. */
    public static JsonNode toJackson(JsonValue value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof JsonObject o) {
            ObjectNode node = f.objectNode();
            for (Member m : o.members()) {
                node.set(m.key().value(), toJackson(m.value()));
            }
            return node;
        } else if (value instanceof JsonArray a) {
            var node = f.arrayNode();
            for (JsonValue v : a.elements()) {
                node.add(toJackson(v));
            }
            return node;
        } else if (value instanceof JsonString s) {
            return f.textNode(s.value());
        } else if (value instanceof JsonNumber n) {
            // The same node types Jackson builds when it reads the number, so that a request read
            // from a document equals the same request read back from its wire JSON.
            if (n.isIntegral()) {
                Long l = asLong(n);
                if (l == null) {
                    return f.numberNode(new BigInteger(n.text()));
                }
                return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? f.numberNode(l.intValue()) : f.numberNode(l);
            }
            return f.numberNode(new BigDecimal(n.text()));
        } else if (value instanceof JsonBoolean b) {
            return f.booleanNode(b.value());
        }
        return f.nullNode();
    }
}
