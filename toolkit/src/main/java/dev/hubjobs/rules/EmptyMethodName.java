package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonValue.JsonString;

/** HJ213: {@code methodName} is empty; every SDK and the service require a name. */
public final class EmptyMethodName extends Rule {

    public EmptyMethodName() {
        super(Meta.of(Codes.EMPTY_METHOD_NAME, Severity.ERROR, "empty methodName"));
    }

    @Override
    public void check(JobContext job, Findings findings) {
        if (job.methodField(JobFields.METHOD_NAME) instanceof JsonString name
                && name.value().isEmpty()) {
            findings.report(name.span(), "methodName is empty; name the direct method to invoke");
        }
    }
}
