package dev.hubjobs.bench;

import dev.hubjobs.eval.CompiledCondition;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.ProgressListener;
import dev.hubjobs.twin.TwinObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The fleet and condition every evaluator benchmark uses, and the same condition by hand. */
final class Workload {

    static final long SEED = 42;

    static final String CONDITION = "tags.building = '43' AND properties.reported.battery < 20 "
            + "AND properties.reported.firmware.version NIN ['2.0','2.1']";

    static final String JSON_PATH = "$[?(@.tags.building == '43' && @.properties.reported.battery < 20 "
            + "&& @.properties.reported.firmware.version nin ['2.0','2.1'])]";

    static final String DUCKDB_WHERE = "tags.building = '43' AND properties.reported.battery < 20 "
            + "AND properties.reported.firmware.version NOT IN ('2.0', '2.1')";

    private Workload() {}

    static byte[] ndjson(int size) {
        return dev.hubjobs.twin.FleetGenerator.ndjson(size, SEED);
    }

    static Fleet fleet(byte[] ndjson) {
        try {
            return FleetLoader.load(new ByteArrayInputStream(ndjson), ndjson.length, ProgressListener.NONE)
                    .fleet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CompiledCondition compiled() {
        return CompiledCondition.compile(
                QueryParser.parseCondition(CONDITION).get().expression().orElseThrow());
    }

    /**
     * What a programmer would write for this one condition over the same twins: exact-case keys, no
     * three-valued bookkeeping beyond "missing or wrong type does not match".
     */
    static boolean handWritten(TwinObject twin) {
        if (!(twin.get("tags") instanceof TwinObject tags) || !"43".equals(tags.get("building"))) {
            return false;
        }
        if (!(twin.get("properties") instanceof TwinObject properties)
                || !(properties.get("reported") instanceof TwinObject reported)
                || !(reported.get("battery") instanceof Number battery)
                || !(battery.doubleValue() < 20)) {
            return false;
        }
        return reported.get("firmware") instanceof TwinObject firmware
                && firmware.get("version") instanceof String version
                && !version.equals("2.0")
                && !version.equals("2.1");
    }
}
