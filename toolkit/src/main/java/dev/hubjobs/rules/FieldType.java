package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.job.JobFields.Field;
import dev.hubjobs.job.JobFields.Kind;
import dev.hubjobs.job.JobType;
import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonInvalid;
import dev.hubjobs.json.JsonValue.JsonNull;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import java.util.List;
import java.util.Optional;

/**
 * HJ203: a field of the wrong JSON type ({@code "maxExecutionTimeInSeconds": "60"},
 * {@code "startTime": 5}). {@code null} is a wrong type too: the service rejects
 * {@code "startTime": null}; only the method {@code payload} may be null. Single-quoted and bare
 * strings count as strings (HJ002 reports how they are written).
 */
public final class FieldType extends Rule {

    public FieldType() {
        super(Meta.of(Codes.FIELD_TYPE, Severity.ERROR, "field of the wrong JSON type"));
    }

    @Override
    public void check(JobContext job, Findings findings) {
        JsonObject o = job.object();
        Optional<JobType> type = job.intendedType();
        // A field that does not belong to the job type is HJ205's; its type does not matter.
        String foreign = type.map(JobFields::foreignTo).orElse(null);
        checkFields(o, JobFields.JOB_FIELDS, foreign, findings);
        if (!JobFields.CLOUD_TO_DEVICE_METHOD.equals(foreign)
                && o.getOrNull(JobFields.CLOUD_TO_DEVICE_METHOD) instanceof JsonObject method) {
            checkFields(method, JobFields.METHOD_FIELDS, null, findings);
        }
        if (!JobFields.UPDATE_TWIN.equals(foreign) && o.getOrNull(JobFields.UPDATE_TWIN) instanceof JsonObject twin) {
            expectObject(twin, JobFields.TAGS, "updateTwin.tags", findings);
            expectObject(twin, JobFields.PROPERTIES, "updateTwin.properties", findings);
            if (twin.getOrNull(JobFields.PROPERTIES) instanceof JsonObject properties) {
                expectObject(properties, JobFields.DESIRED, "updateTwin.properties.desired", findings);
            }
        }
    }

    private static void checkFields(JsonObject o, List<Field> fields, String skip, Findings findings) {
        for (Field field : fields) {
            if (field.name().equals(skip)) {
                continue;
            }
            JsonValue value = o.getOrNull(field.name());
            if (value == null || value instanceof JsonInvalid || field.kind().accepts(value)) {
                continue;
            }
            findings.report(value.span(), message(field.name(), field.kind().jsonName(), value));
        }
    }

    private static void expectObject(JsonObject o, String name, String path, Findings findings) {
        JsonValue value = o.getOrNull(name);
        if (value != null && !(value instanceof JsonInvalid) && !Kind.OBJECT.accepts(value)) {
            findings.report(value.span(), message(path, "object", value));
        }
    }

    private static String message(String name, String expected, JsonValue value) {
        if (value instanceof JsonNull) {
            return "'" + name + "' must be " + article(expected) + ", not null; leave the field out instead";
        }
        if (value instanceof JsonString s && s.style() == JsonValue.Style.BARE) {
            // A bare word where a value belongs is a variable name from a code sample: quoting it
            // (HJ002's usual fix) would only make it a string, so this finding replaces HJ002's.
            return "'" + name + "' must be " + article(expected) + "; '" + s.value()
                    + "' looks like a variable name from a code sample: replace it with " + article(expected);
        }
        String hint = value instanceof JsonString && expected.equals("number") ? " (remove the quotes)" : "";
        return "'" + name + "' must be " + article(expected) + ", found " + article(value.typeName()) + hint;
    }

    private static String article(String typeName) {
        return ("aeiou".indexOf(typeName.charAt(0)) >= 0 ? "an " : "a ") + typeName;
    }
}
