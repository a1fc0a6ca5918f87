package dev.hubjobs.exec;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Wire times: written {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (what both SDKs parse), read leniently. */
final class Times {

    private static final DateTimeFormatter WIRE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private long lastMillis = Long.MIN_VALUE;
    private String last;

    /** Formats, remembering the last result: a job formats the same instant for many devices. */
    String format(long epochMillis) {
        if (epochMillis != lastMillis) {
            last = WIRE.format(Instant.ofEpochMilli(epochMillis));
            lastMillis = epochMillis;
        }
        return last;
    }

    static String formatOnce(long epochMillis) {
        return WIRE.format(Instant.ofEpochMilli(epochMillis));
    }

    /** ISO-8601 with {@code Z} or an offset; without a zone it is read as UTC, as the service does. */
    static Optional<Instant> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
