package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonValue.JsonString;
import java.time.Instant;
import java.util.Optional;

/**
 * HJ207: {@code startTime} is not an ISO-8601 date-time ({@code 2026-11-23T08:00:00Z}). The service
 * rejects the job; SDKs write {@code Z}, an offset, or (Java v1) no zone at all.
 */
public final class StartTimeFormat extends Rule {

    /** A parsed start time; {@code zoned} is false when the text had neither Z nor an offset. */
    record StartTime(Instant instant, boolean zoned) {}

    public StartTimeFormat() {
        super(Meta.of(Codes.START_TIME_FORMAT, Severity.ERROR, "startTime is not an ISO-8601 date-time"));
    }

    @Override
    public void check(JobContext job, Findings findings) {
        if (job.object().getOrNull(JobFields.START_TIME) instanceof JsonString s
                && job.startTime().isEmpty()) {
            findings.report(
                    s.span(),
                    "startTime '" + s.value() + "' is not an ISO-8601 date-time such as " + "'2026-11-23T08:00:00Z'");
        }
    }

    /** The instant {@code text} names, offset-less times read as UTC as the service reads them. */
    static Optional<StartTime> parse(String text) {
        if (!hasShape(text)) {
            return Optional.empty();
        }
        // The shape fixes where each field stands: yyyy-MM-ddTHH:mm[:ss[.fffffffff]][Z|+HH:mm|-HH:mm].
        // Plain arithmetic instead of java.time: the same instants (a test compares them), at a
        // fraction of the cost in a JVM that has not compiled java.time yet.
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
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        if (day > daysInMonth(year, month)) {
            return Optional.empty(); // the shape is right but the date is not (February 30, April 31)
        }
        long local = epochDay(year, month, day) * 86_400
                + number(text, 11, 13) * 3_600L
                + number(text, 14, 16) * 60L
                + second;
        if (i == n) {
            return Optional.of(new StartTime(Instant.ofEpochSecond(local, nano), false));
        }
        int offset = 0;
        if (text.charAt(i) != 'Z') {
            int hours = number(text, i + 1, i + 3);
            int minutes = number(text, i + 4, i + 6);
            if (hours > 18 || hours == 18 && minutes > 0) {
                return Optional.empty(); // beyond the ±18:00 that ISO offsets allow
            }
            offset = (text.charAt(i) == '-' ? -1 : 1) * (hours * 3_600 + minutes * 60);
        }
        return Optional.of(new StartTime(Instant.ofEpochSecond(local - offset, nano), true));
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2) {
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (years 0 to 9999 here). */
    private static long epochDay(int year, int month, int day) {
        // Count from March 1 of year 0, so that the leap day falls at the end of a counted year.
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    /**
     * Whether {@code text} matches {@link JobFields#START_TIME_PATTERN}, checked by position
     * (the pattern stays the definition, for the schema; a test holds the two together).
     */
    static boolean hasShape(String text) {
        int n = text.length();
        if (n < 16
                || !digits(text, 0, 4)
                || text.charAt(4) != '-'
                || !twoDigits(text, 5, '0', '1')
                || text.charAt(7) != '-'
                || !twoDigits(text, 8, '0', '3')
                || text.charAt(10) != 'T'
                || !twoDigits(text, 11, '0', '2')
                || text.charAt(13) != ':'
                || !twoDigits(text, 14, '0', '5')) {
            return false;
        }
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        if (month < 1 || month > 12 || day < 1 || day > 31 || number(text, 11, 13) > 23) {
            return false;
        }
        int i = 16;
        if (i < n && text.charAt(i) == ':') {
            if (!twoDigits(text, i + 1, '0', '5')) {
                return false;
            }
            i += 3;
            if (i < n && text.charAt(i) == '.') {
                int start = ++i;
                while (i < n && i - start < 10 && digits(text, i, i + 1)) {
                    i++;
                }
                if (i == start || i - start > 9) {
                    return false;
                }
            }
        }
        if (i < n && text.charAt(i) == 'Z') {
            i++;
        } else if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            if (!twoDigits(text, i + 1, '0', '2')
                    || number(text, i + 1, i + 3) > 23
                    || i + 3 >= n
                    || text.charAt(i + 3) != ':'
                    || !twoDigits(text, i + 4, '0', '5')) {
                return false;
            }
            i += 6;
        }
        return i == n;
    }

    private static boolean digits(String text, int start, int end) {
        if (end > text.length()) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Two digits at {@code start}, the first within {@code low..high}. */
    private static boolean twoDigits(String text, int start, char low, char high) {
        return digits(text, start, start + 2) && text.charAt(start) >= low && text.charAt(start) <= high;
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
