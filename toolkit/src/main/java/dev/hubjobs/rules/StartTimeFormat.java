package dev.hubjobs.rules;

import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonValue.JsonString;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * HJ207: {@code startTime} is not an ISO-8601 date-time ({@code 2026-11-23T08:00:00Z}). The service
 * rejects the job; SDKs write {@code Z}, an offset, or (Java v1) no zone at all.
 */
public final class StartTimeFormat extends Rule {

    private static final Pattern SHAPE = Pattern.compile(JobFields.START_TIME_PATTERN);

    /** A parsed start time; {@code zoned} is false when the text had neither Z nor an offset. */
    record StartTime(Instant instant, boolean zoned) {}

    public StartTimeFormat() {
        super("HJ207", "StartTimeFormat", Severity.ERROR, "startTime is not an ISO-8601 date-time", false);
    }

    @Override
    public void check(JobContext job, Findings findings) {
        if (job.field(JobFields.START_TIME).orElse(null) instanceof JsonString s && job.startTime().isEmpty()) {
            findings.report(s.span(), "startTime '" + s.value() + "' is not an ISO-8601 date-time such as "
                    + "'2026-11-23T08:00:00Z'");
        }
    }

    /** The instant {@code text} names, offset-less times read as UTC as the service reads them. */
    static Optional<StartTime> parse(String text) {
        if (!SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            if (text.endsWith("Z") || text.length() > 6 && (text.charAt(text.length() - 6) == '+'
                    || text.charAt(text.length() - 6) == '-')) {
                return Optional.of(new StartTime(OffsetDateTime.parse(text).toInstant(), true));
            }
            return Optional.of(new StartTime(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC), false));
        } catch (DateTimeParseException e) {
            // The shape is right but the date is not (month 13, February 30, hour 24).
            return Optional.empty();
        }
    }
}
