package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.job.JobType;
import dev.hubjobs.json.JsonText;
import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonString;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HJ201: {@code type} is not one of the two scheduled job types. The documentation's own names
 * ({@code scheduleDirectRequest}, {@code scheduleTwinUpdate}, ...) are rejected by the service with
 * {@code GenericBadRequest}; for them, and for the right name in the wrong case, the right name is a
 * safe fix.
 */
public final class JobTypeName extends Rule {

    public JobTypeName() {
        super(Meta.of(Codes.JOB_TYPE_NAME, Severity.ERROR, "type is not scheduleDeviceMethod or scheduleUpdateTwin")
                .withFix());
    }

    /**
     * The new name in place of the old; a single-quoted or bare name becomes a double-quoted one,
     * so that one edit settles both this finding and HJ002's about how the name is written.
     */
    private static TextEdit rename(JsonString type, String right) {
        return type.style() == JsonValue.Style.DOUBLE_QUOTED
                ? new TextEdit(type.contentSpan(), type.encode(right))
                : new TextEdit(type.span(), JsonText.quote(right));
    }

    @Override
    public void check(JobContext job, Findings findings) {
        if (!(job.object().getOrNull(JobFields.TYPE) instanceof JsonString type)
                || JobType.fromWire(type.value()).isPresent()) {
            return;
        }
        String name = type.value();
        Optional<JobType> meant = JobFields.correctedType(name);
        if (meant.isPresent()) {
            String right = meant.get().wireName();
            String why = JobFields.TYPE_ALIASES.containsKey(name)
                    ? " is a name from the documentation that the service rejects with GenericBadRequest"
                    : " has the wrong case; the service compares job types case-sensitively";
            findings.report(
                    type.span(),
                    "job type '" + name + "'" + why + "; use '" + right + "'",
                    Map.of("suggestions", List.of(right)),
                    Fix.safe("Change to '" + right + "'", rename(type, right)));
            return;
        }
        List<String> names =
                Arrays.stream(JobType.values()).map(JobType::wireName).toList();
        String message = "unknown job type '" + name + "'; scheduled jobs are 'scheduleDeviceMethod' or "
                + "'scheduleUpdateTwin'";
        Optional<String> close = Suggestions.closest(name, names);
        if (close.isPresent()) {
            findings.report(
                    type.span(),
                    message,
                    Map.of("suggestions", List.of(close.get())),
                    Fix.suggestion(
                            "Change to '" + close.get() + "'",
                            new TextEdit(type.contentSpan(), type.encode(close.get()))));
        } else {
            findings.report(type.span(), message);
        }
    }
}
