package dev.hubjobs.twin;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Writes realistic device twins (about 350 bytes each) for tests, examples and benchmarks. The
 * same size and seed always give the same bytes.
 *
 * <p>The fleet has the untidiness real hubs have: a few twins spell a tag {@code Building} (and a
 * few hold both {@code ring} and {@code Ring}), some floors are numbers rather than strings, some
 * twins report no battery or a {@code null} connectivity, and, when asked, some twins are module
 * twins.
 */
public final class FleetGenerator {

    private static final String[] BUILDINGS = {"40", "41", "42", "43", "44", "45", "46", "47"};
    private static final String[] RINGS = {"canary", "early", "broad", "broad", "broad"};
    private static final String[] FIRMWARE = {"1.8", "1.9", "2.0", "2.1", "2.2"};
    private static final String[] CONNECTIVITY = {"wifi", "wired", "cellular", "wifi"};
    private static final String[] MODULES = {"$edgeAgent", "$edgeHub", "sensor"};

    private final SplittableRandom random;
    private final int moduleEvery;

    /** @param moduleEvery every n-th twin is a module twin; 0 for none */
    public FleetGenerator(long seed, int moduleEvery) {
        this.random = new SplittableRandom(seed);
        this.moduleEvery = moduleEvery;
    }

    /** Writes {@code count} twins as NDJSON (one per line) or as a JSON array. */
    public static void write(int count, long seed, boolean ndjson, OutputStream out) throws IOException {
        write(count, seed, 0, ndjson, out);
    }

    /** As {@link #write(int, long, boolean, OutputStream)}, every {@code moduleEvery}-th twin a module twin. */
    public static void write(int count, long seed, int moduleEvery, boolean ndjson, OutputStream out)
            throws IOException {
        FleetGenerator gen = new FleetGenerator(seed, moduleEvery);
        try (JsonGenerator g = TwinJson.FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(null);
            if (!ndjson) {
                g.writeRaw("[\n");
            }
            for (int i = 0; i < count; i++) {
                gen.writeTwin(g, i);
                g.flush();
                g.writeRaw(ndjson || i == count - 1 ? "\n" : ",\n");
            }
            if (!ndjson) {
                g.writeRaw("]\n");
            }
        }
    }

    /** {@code count} twins as NDJSON text. */
    public static byte[] ndjson(int count, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 360);
        try {
            write(count, seed, true, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code count} twins in memory, loaded the way a fleet file would be. */
    public static Fleet fleet(int count, long seed) {
        byte[] bytes = ndjson(count, seed);
        return FleetLoader.parse(new String(bytes, StandardCharsets.UTF_8)).fleet();
    }

    public void writeTwin(JsonGenerator g, int index) throws IOException {
        SplittableRandom r = random;
        g.writeStartObject();
        g.writeStringField("deviceId", String.format("dev-%07d", index));
        if (moduleEvery > 0 && index % moduleEvery == moduleEvery - 1) {
            g.writeStringField("moduleId", MODULES[r.nextInt(MODULES.length)]);
        }
        g.writeStringField("etag", "AAAAAAAA" + Integer.toHexString(r.nextInt(1 << 16)) + "=");
        g.writeNumberField("version", 2 + r.nextInt(40));
        g.writeStringField("status", r.nextInt(20) == 0 ? "disabled" : "enabled");
        g.writeStringField("connectionState", r.nextInt(4) == 0 ? "Disconnected" : "Connected");
        g.writeStringField(
                "lastActivityTime",
                String.format(
                        "2026-11-%02dT%02d:%02d:%02d.%03dZ",
                        1 + r.nextInt(22), r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1000)));

        g.writeObjectFieldStart("tags");
        g.writeStringField(r.nextInt(50) == 0 ? "Building" : "building", BUILDINGS[r.nextInt(BUILDINGS.length)]);
        if (r.nextInt(10) == 0) {
            g.writeNumberField("floor", 1 + r.nextInt(9));
        } else {
            g.writeStringField("floor", String.valueOf(1 + r.nextInt(9)));
        }
        String ring = RINGS[r.nextInt(RINGS.length)];
        g.writeStringField("ring", ring);
        if (r.nextInt(100) == 0) {
            g.writeStringField("Ring", ring.toUpperCase(java.util.Locale.ROOT));
        }
        g.writeEndObject();

        String desired = FIRMWARE[2 + r.nextInt(FIRMWARE.length - 2)];
        String reported = r.nextInt(3) == 0 ? FIRMWARE[r.nextInt(FIRMWARE.length)] : desired;
        g.writeObjectFieldStart("properties");
        g.writeObjectFieldStart("desired");
        g.writeObjectFieldStart("firmware");
        g.writeStringField("version", desired);
        g.writeEndObject();
        g.writeNumberField("$version", 1 + r.nextInt(30));
        g.writeEndObject();
        g.writeObjectFieldStart("reported");
        if (r.nextInt(25) != 0) {
            g.writeObjectFieldStart("firmware");
            g.writeStringField("version", reported);
            g.writeEndObject();
        }
        int battery = r.nextInt(20);
        if (battery != 0) {
            if (battery == 1) {
                g.writeNumberField("battery", Math.round(r.nextDouble() * 1000) / 10.0);
            } else {
                g.writeNumberField("battery", r.nextInt(101));
            }
        }
        int c = r.nextInt(12);
        if (c == 0) {
            g.writeNullField("connectivity");
        } else if (c > 1) {
            g.writeStringField("connectivity", CONNECTIVITY[c % CONNECTIVITY.length]);
        }
        g.writeNumberField("$version", 1 + r.nextInt(200));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }
}
