package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.job.JobType;
import dev.hubjobs.json.JsonValue.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * HJ202: a required field is missing: {@code jobId}, {@code type}, {@code queryCondition};
 * {@code cloudToDeviceMethod} (with {@code methodName}) for method jobs, {@code updateTwin} for
 * twin jobs. Reported on the opening brace of the object that lacks it, with a skeleton to insert.
 */
public final class RequiredField extends Rule {

    public RequiredField() {
        super(Meta.of(Codes.REQUIRED_FIELD, Severity.ERROR, "required field missing")
                .withFix());
    }

    @Override
    public void check(JobContext job, Findings findings) {
        Optional<JobType> type = job.intendedType();
        requireAll(job, findings, JobFields.REQUIRED, type);
        type.ifPresent(t -> requireAll(job, findings, JobFields.requiredFor(t), type));
        JsonObject method = job.method().orElse(null);
        if (method != null) {
            for (String name : JobFields.METHOD_REQUIRED) {
                if (!method.has(name)) {
                    report(job, findings, method, name, "\"\"", "cloudToDeviceMethod");
                }
            }
        }
    }

    private static void requireAll(JobContext job, Findings findings, List<String> names, Optional<JobType> type) {
        JsonObject o = job.object();
        for (String name : names) {
            if (!o.has(name)) {
                report(job, findings, o, name, skeleton(name, o, type), "job");
            }
        }
    }

    private static void report(
            JobContext job, Findings findings, JsonObject where, String name, String value, String owner) {
        String member = "\"" + name + "\": " + value;
        findings.report(
                Edits.openingBrace(where),
                "required field '" + name + "' is missing from the " + owner,
                Fix.suggestion(
                        "Insert " + name, Edits.insertFirst(job.document().text(), where, member)));
    }

    /**
     * What to insert. Values are left for the user to fill in (an empty condition or id is itself
     * reported): a guessed condition such as {@code *} would target every device.
     */
    private static String skeleton(String name, JsonObject job, Optional<JobType> type) {
        return switch (name) {
            case JobFields.TYPE -> {
                JobType guess =
                        job.has(JobFields.UPDATE_TWIN) ? JobType.SCHEDULE_UPDATE_TWIN : JobType.SCHEDULE_DEVICE_METHOD;
                yield "\"" + guess.wireName() + "\"";
            }
            case JobFields.CLOUD_TO_DEVICE_METHOD ->
                "{\"methodName\": \"\", \"payload\": null, " + "\"responseTimeoutInSeconds\": 30}";
            case JobFields.UPDATE_TWIN -> "{\"etag\": \"*\", \"tags\": {}, \"properties\": {\"desired\": {}}}";
            default -> "\"\"";
        };
    }
}
