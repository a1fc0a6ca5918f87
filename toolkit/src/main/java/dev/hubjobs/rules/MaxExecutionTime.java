package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonValue.JsonNumber;
import java.math.BigDecimal;

/**
 * HJ209: {@code maxExecutionTimeInSeconds} negative or not an integer (error; the SDKs refuse a
 * negative value and the service reads an int64), or 0 (warning: a job that may not run at all).
 */
public final class MaxExecutionTime extends Rule {

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    public MaxExecutionTime() {
        super(Meta.of(
                Codes.MAX_EXECUTION_TIME,
                Severity.ERROR,
                "maxExecutionTimeInSeconds negative or not an integer; warning when 0"));
    }

    @Override
    public void check(JobContext job, Findings findings) {
        if (!(job.object().getOrNull(JobFields.MAX_EXECUTION_TIME) instanceof JsonNumber n)) {
            return;
        }
        String name = JobFields.MAX_EXECUTION_TIME;
        if (!n.isIntegral()) {
            findings.report(n.span(), name + " must be a whole number of seconds, found " + n.text());
            return;
        }
        BigDecimal seconds = n.decimal();
        if (seconds.signum() < 0) {
            findings.report(n.span(), name + " must not be negative, found " + n.text());
        } else if (seconds.compareTo(LONG_MAX) > 0) {
            findings.report(n.span(), name + " " + n.text() + " does not fit the service's 64-bit integer");
        } else if (seconds.signum() == 0) {
            findings.report(
                    Severity.WARNING,
                    n.span(),
                    name + " is 0: the job has no time to run; leave the field out for the default");
        }
    }
}
