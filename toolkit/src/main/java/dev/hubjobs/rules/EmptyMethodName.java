package dev.hubjobs.rules;

import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.job.JobType;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;

/** HJ213: {@code methodName} is empty; every SDK and the service require a name. */
public final class EmptyMethodName extends Rule {

    public EmptyMethodName() {
        super("HJ213", "EmptyMethodName", Severity.ERROR, "empty methodName", false);
    }

    @Override
    public void check(JobContext job, Findings findings) {
        if (job.intendedType().orElse(JobType.SCHEDULE_DEVICE_METHOD)
                        == JobType.SCHEDULE_DEVICE_METHOD
                && job.field(JobFields.CLOUD_TO_DEVICE_METHOD).orElse(null) instanceof JsonObject method
                && method.get(JobFields.METHOD_NAME).orElse(null) instanceof JsonString name
                && name.value().isEmpty()) {
            findings.report(name.span(), "methodName is empty; name the direct method to invoke");
        }
    }
}
