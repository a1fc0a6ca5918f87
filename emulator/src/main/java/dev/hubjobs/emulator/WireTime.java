package dev.hubjobs.emulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the service writes them: ISO-8601 UTC with milliseconds. */
final class WireTime {

    static final String NEVER = "0001-01-01T00:00:00Z";
    private static final DateTimeFormatter F =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WireTime() {}

    static String format(long epochMillis) {
        return F.format(Instant.ofEpochMilli(epochMillis));
    }
}
