package dev.hubjobs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.job.JobFields;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Reading a start time field by field gives what java.time's ISO parsers give, for every shape the rule accepts. */
class StartTimeFormatTest {

    @Test
    void agreesWithTheIsoParsers() {
        Random random = new Random(11);
        int valid = 0;
        for (int n = 0; n < 50_000; n++) {
            String text = randomShape(random);
            Optional<StartTimeFormat.StartTime> expected = reference(text);
            assertThat(StartTimeFormat.parse(text)).as(text).isEqualTo(expected);
            valid += expected.isPresent() ? 1 : 0;
        }
        assertThat(valid).as("valid dates among the samples").isGreaterThan(40_000);
        assertThat(StartTimeFormat.parse("2026-02-30T00:00:00Z")).isEmpty();
        assertThat(StartTimeFormat.parse("2028-02-29T23:59:59.5-05:30")).isPresent();
        assertThat(StartTimeFormat.parse("2026-13-01T00:00:00Z")).isEmpty();
    }

    @Test
    void theShapeCheckIsThePattern() {
        Pattern pattern = Pattern.compile(JobFields.START_TIME_PATTERN);
        Random random = new Random(13);
        String noise = "0123456789-:T.Z+ zt";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder(randomShape(random));
            for (int k = random.nextInt(3); k > 0 && sb.length() > 0; k--) { // mutate a few characters
                int at = random.nextInt(sb.length());
                switch (random.nextInt(3)) {
                    case 0 -> sb.setCharAt(at, noise.charAt(random.nextInt(noise.length())));
                    case 1 -> sb.deleteCharAt(at);
                    default -> sb.insert(at, noise.charAt(random.nextInt(noise.length())));
                }
            }
            String text = sb.toString();
            assertThat(StartTimeFormat.hasShape(text))
                    .as(text)
                    .isEqualTo(pattern.matcher(text).matches());
        }
        for (String text : List.of(
                "",
                "2026-11-23T08:00",
                "2026-11-23T08:00:00.1234567890Z",
                "2026-11-23T24:00Z",
                "2026-11-23T08:00+24:00",
                "2026-11-23T08:00+05",
                "2026-11-23t08:00Z",
                "2026-00-10T08:00Z")) {
            assertThat(StartTimeFormat.hasShape(text))
                    .as(text)
                    .isEqualTo(pattern.matcher(text).matches());
        }
    }

    private static String randomShape(Random r) {
        StringBuilder sb = new StringBuilder(String.format(
                "%04d-%02d-%02dT%02d:%02d",
                r.nextBoolean() ? r.nextInt(10_000) : 1890 + r.nextInt(220),
                1 + r.nextInt(12),
                1 + r.nextInt(31),
                r.nextInt(24),
                r.nextInt(60)));
        if (r.nextInt(4) > 0) {
            sb.append(String.format(":%02d", r.nextInt(60)));
            if (r.nextBoolean()) {
                sb.append('.');
                int digits = 1 + r.nextInt(9);
                for (int i = 0; i < digits; i++) {
                    sb.append((char) ('0' + r.nextInt(10)));
                }
            }
        }
        switch (r.nextInt(3)) {
            case 0 -> sb.append('Z');
            case 1 ->
                sb.append(String.format("%c%02d:%02d", r.nextBoolean() ? '+' : '-', r.nextInt(24), r.nextInt(60)));
            default -> {}
        }
        return sb.toString();
    }

    private static Optional<StartTimeFormat.StartTime> reference(String text) {
        try {
            if (text.endsWith("Z")
                    || text.length() > 6
                            && (text.charAt(text.length() - 6) == '+' || text.charAt(text.length() - 6) == '-')) {
                return Optional.of(
                        new StartTimeFormat.StartTime(OffsetDateTime.parse(text).toInstant(), true));
            }
            return Optional.of(
                    new StartTimeFormat.StartTime(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC), false));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
