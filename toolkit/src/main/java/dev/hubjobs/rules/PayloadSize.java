package dev.hubjobs.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.json.JsonValue;

/**
 * HJ211: the method {@code payload} serializes to more than 128 KB, the direct-method request
 * limit; the service answers 413 for every device.
 */
public final class PayloadSize extends Rule {

    public PayloadSize() {
        super(Meta.of(Codes.PAYLOAD_SIZE, Severity.ERROR, "method payload serializes to more than 128 KB"));
    }

    @Override
    public void check(JobContext job, Findings findings) {
        JsonValue payload = job.methodField(JobFields.PAYLOAD);
        if (payload == null) {
            return;
        }
        int max = job.limits().maxPayloadBytes();
        // A character of the document gives at most six bytes (a raw control character becomes a
        // six-character escape): a payload written in a sixth of the limit cannot exceed it, and
        // is not serialized to see.
        if ((long) payload.span().length() * 6 <= max) {
            return;
        }
        int size = serializedSize(payload);
        if (size > max) {
            findings.report(
                    payload.span(),
                    "payload is " + size + " bytes serialized; the limit is " + max + " bytes (" + (max / 1024)
                            + " KB)");
        }
    }

    /** Bytes of the compact UTF-8 JSON the service receives. */
    static int serializedSize(JsonValue value) {
        try {
            return JobJson.MAPPER.writeValueAsBytes(JobJson.toJackson(value)).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON value cannot be written back", e);
        }
    }
}
