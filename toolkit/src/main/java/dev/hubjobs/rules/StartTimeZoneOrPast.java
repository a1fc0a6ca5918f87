package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonValue.JsonString;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * HJ208: {@code startTime} without a zone (the service reads it as UTC, which is seldom what a
 * person writing local time meant), or in the past relative to the validator's clock ("a custom
 * start time that's in the past may cause the operation to fail").
 */
public final class StartTimeZoneOrPast extends Rule {

    public StartTimeZoneOrPast() {
        super(Meta.of(Codes.START_TIME_ZONE_OR_PAST, Severity.WARNING, "startTime without zone, or in the past"));
    }

    @Override
    public void check(JobContext job, Findings findings) {
        if (!(job.object().getOrNull(JobFields.START_TIME) instanceof JsonString s)) {
            return;
        }
        job.startTime().ifPresent(time -> {
            if (!time.zoned()) {
                findings.report(
                        s.span(),
                        "startTime '" + s.value() + "' has no zone and is read as UTC; "
                                + "add 'Z' or an offset such as '+01:00'");
            }
            Instant now = job.clock().instant();
            if (time.instant().isBefore(now)) {
                findings.report(
                        s.span(),
                        "startTime '" + s.value() + "' is in the past (now is " + now.truncatedTo(ChronoUnit.SECONDS)
                                + "); the service may fail the job");
            }
        });
    }
}
