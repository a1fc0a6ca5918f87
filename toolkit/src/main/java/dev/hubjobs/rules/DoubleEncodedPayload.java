package dev.hubjobs.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonValue.JsonString;
import java.io.IOException;

/**
 * HJ212: the method {@code payload} is a string that holds a JSON object or array
 * ({@code "{\"a\":1}"}): the device receives a string, not the object. The fix unwraps it.
 */
public final class DoubleEncodedPayload extends Rule {

    /** Strict JSON: what the device could have been meant to receive. In a holder: most jobs never need it. */
    private static final class Strict {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public DoubleEncodedPayload() {
        super(Meta.of(
                        Codes.DOUBLE_ENCODED_PAYLOAD,
                        Severity.WARNING,
                        "method payload is a string that holds JSON (double-encoded)")
                .withFix());
    }

    @Override
    public void check(JobContext job, Findings findings) {
        if (!(job.methodField(JobFields.PAYLOAD) instanceof JsonString payload)) {
            return;
        }
        String text = payload.value().strip();
        if (!(text.startsWith("{") || text.startsWith("["))) {
            return;
        }
        JsonNode node;
        try {
            node = Strict.MAPPER.readTree(text);
        } catch (IOException e) {
            return;
        }
        if (node == null || !node.isContainerNode()) {
            return;
        }
        findings.report(
                payload.span(),
                "payload is a string holding JSON " + (node.isObject() ? "object" : "array")
                        + "; the device receives the string, not the " + (node.isObject() ? "object" : "array"),
                Fix.suggestion("Unwrap the JSON", new TextEdit(payload.span(), text)));
    }
}
