package dev.hubjobs.rules;

import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonValue.JsonString;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
        // The shape fixes where each field stands: yyyy-MM-ddTHH:mm[:ss[.fffffffff]][Z|+HH:mm|-HH:mm].
        try {
            int n = text.length();
            int i = 16;
            int second = 0;
            int nano = 0;
            if (i < n && text.charAt(i) == ':') {
                second = number(text, 17, 19);
                i = 19;
                if (i < n && text.charAt(i) == '.') {
                    int start = ++i;
                    while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                        i++;
                    }
                    nano = number(text, start, i) * (int) Math.pow(10, 9 - (i - start));
                }
            }
            LocalDateTime local = LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                    number(text, 11, 13), number(text, 14, 16), second, nano);
            if (i == n) {
                return Optional.of(new StartTime(local.toInstant(ZoneOffset.UTC), false));
            }
            ZoneOffset offset = ZoneOffset.UTC;
            if (text.charAt(i) != 'Z') {
                int sign = text.charAt(i) == '-' ? -1 : 1;
                offset = ZoneOffset.ofHoursMinutes(sign * number(text, i + 1, i + 3), sign * number(text, i + 4, i + 6));
            }
            return Optional.of(new StartTime(local.toInstant(offset), true));
        } catch (DateTimeException e) {
            // The shape is right but the date is not (February 30, April 31).
            return Optional.empty();
        }
    }

    /** The decimal digits of {@code text[start, end)}, which the shape has checked. */
    private static int number(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
