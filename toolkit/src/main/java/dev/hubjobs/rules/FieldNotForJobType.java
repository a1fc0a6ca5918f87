package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.job.JobType;
import dev.hubjobs.json.JsonValue.JsonNull;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.Member;
import java.util.Optional;

/**
 * HJ205: {@code updateTwin} on a method job or {@code cloudToDeviceMethod} on a twin job. A job
 * does one thing; the service rejects the other type's body. The other type's field set to
 * {@code null} is what the C# and Java SDKs always send, and is not reported (docs/decisions.md).
 */
public final class FieldNotForJobType extends Rule {

    public FieldNotForJobType() {
        super(Meta.of(Codes.FIELD_NOT_FOR_JOB_TYPE, Severity.ERROR, "field that does not belong to this job type")
                .withFix());
    }

    @Override
    public void check(JobContext job, Findings findings) {
        JsonObject o = job.object();
        Optional<JobType> type = job.intendedType();
        if (type.isEmpty()) {
            return;
        }
        String foreign = JobFields.foreignTo(type.get());
        Optional<Member> member = o.member(foreign);
        if (member.isEmpty() || member.get().value() instanceof JsonNull) {
            return; // the C# and Java SDKs send the other type's field as null, and the service runs the job
        }
        findings.report(
                member.get().key().span(),
                "'" + foreign + "' does not belong to a " + type.get().wireName() + " job",
                Fix.suggestion(
                        "Remove '" + foreign + "'", Edits.remove(job.document().text(), o, member.get())));
    }
}
