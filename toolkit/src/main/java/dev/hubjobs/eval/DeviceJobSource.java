package dev.hubjobs.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubjobs.twin.Interner;
import dev.hubjobs.twin.TwinJson;
import dev.hubjobs.twin.TwinObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of {@code FROM devices.jobs}: one per device per job, as the job executor reports them
 * ({@code deviceId, jobId, jobType, status, createdDateTimeUtc, ...}).
 */
@FunctionalInterface
public interface DeviceJobSource {

    /** No jobs have run. */
    DeviceJobSource NONE = List::of;

    Iterable<TwinObject> deviceJobs();

    /** A fixed list of rows given as JSON objects. */
    static DeviceJobSource of(List<? extends JsonNode> rows) {
        Interner interner = new Interner();
        List<TwinObject> converted = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            if (!row.isObject()) {
                throw new IllegalArgumentException("a device job row must be a JSON object: " + row);
            }
            converted.add((TwinObject) TwinJson.fromJackson(row, interner));
        }
        List<TwinObject> fixed = List.copyOf(converted);
        return () -> fixed;
    }
}
