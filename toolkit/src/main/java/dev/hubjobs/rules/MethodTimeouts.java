package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonValue.JsonNumber;
import dev.hubjobs.json.JsonValue.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * HJ210: {@code responseTimeoutInSeconds} outside 5..300 or {@code connectTimeoutInSeconds} outside
 * 0..300 (the ranges of the current service reference; older pages said "up to 3600"), or not a
 * whole number. The fix clamps into the range.
 */
public final class MethodTimeouts extends Rule {

    public MethodTimeouts() {
        super(Meta.of(
                        Codes.METHOD_TIMEOUTS,
                        Severity.ERROR,
                        "responseTimeoutInSeconds outside 5..300 or connectTimeoutInSeconds outside 0..300")
                .withFix());
    }

    @Override
    public void check(JobContext job, Findings findings) {
        JsonObject method = job.method().orElse(null);
        if (method == null) {
            return;
        }
        check(
                method,
                JobFields.RESPONSE_TIMEOUT,
                JobFields.RESPONSE_TIMEOUT_MIN,
                JobFields.RESPONSE_TIMEOUT_MAX,
                findings);
        check(
                method,
                JobFields.CONNECT_TIMEOUT,
                JobFields.CONNECT_TIMEOUT_MIN,
                JobFields.CONNECT_TIMEOUT_MAX,
                findings);
    }

    private static void check(JsonObject method, String name, int min, int max, Findings findings) {
        if (!(method.getOrNull(name) instanceof JsonNumber n)) {
            return;
        }
        BigDecimal value = n.decimal();
        boolean whole = n.isIntegral();
        boolean inRange =
                value.compareTo(BigDecimal.valueOf(min)) >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0;
        if (whole && inRange) {
            return;
        }
        // Clamp before rounding: rounding 1e999999999 itself would expand it digit by digit.
        long clamped = value.max(BigDecimal.valueOf(min))
                .min(BigDecimal.valueOf(max))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        String message = whole
                ? name + " is " + n.text() + "; the service accepts " + min + " to " + max + " seconds"
                : name + " must be a whole number of seconds from " + min + " to " + max + ", found " + n.text();
        findings.report(
                n.span(),
                message,
                Fix.suggestion("Change to " + clamped, new TextEdit(n.span(), Long.toString(clamped))));
    }
}
