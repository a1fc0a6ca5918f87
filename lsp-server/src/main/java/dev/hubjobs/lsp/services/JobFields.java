package dev.hubjobs.lsp.services;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a job request, where they may appear and what they mean: the source of key
 * completion, field hovers and symbol details. Field names follow the service's
 * {@code PUT /jobs/v2/{jobId}} body.
 */
final class JobFields {

    /**
     * One field.
     *
     * @param snippet what completion inserts after the key, as an LSP snippet
     */
    record Field(String name, String doc, String snippet) {}

    static final List<Field> JOB = List.of(
            new Field("jobId", "Unique id of the job: letters, digits and `-`, at most 64 characters.", "\"$1\""),
            new Field("type", "Job type: `scheduleDeviceMethod` (invoke a direct method) or `scheduleUpdateTwin` "
                    + "(apply a twin patch).", "\"${1|scheduleDeviceMethod,scheduleUpdateTwin|}\""),
            new Field("queryCondition", "Which devices the job runs on: a condition of the IoT Hub query "
                    + "language (what follows `SELECT * FROM devices WHERE`), or `*` for every device.", "\"$1\""),
            new Field("startTime", "When the job starts, ISO-8601 with a zone, e.g. `2030-01-01T00:00:00Z`.",
                    "\"$1\""),
            new Field("maxExecutionTimeInSeconds", "How long the job may run before devices not yet reached "
                    + "are skipped, in whole seconds.", "${1:3600}"),
            new Field("cloudToDeviceMethod", "The direct method a `scheduleDeviceMethod` job invokes on each "
                    + "device.", "{\n\t\"methodName\": \"$1\"\n}"),
            new Field("updateTwin", "The twin patch a `scheduleUpdateTwin` job applies to each device; "
                    + "`etag` must be `\"*\"`.",
                    "{\n\t\"etag\": \"*\",\n\t\"properties\": {\n\t\t\"desired\": {$1}\n\t}\n}"));

    static final List<Field> METHOD = List.of(
            new Field("methodName", "Name of the direct method; characters of the HTTP token set only.", "\"$1\""),
            new Field("payload", "JSON payload passed to the method (at most 128 KB serialised). Give an object, "
                    + "not a string holding JSON.", "{$1}"),
            new Field("responseTimeoutInSeconds", "How long to wait for the method's result, 5 to 300 seconds "
                    + "(default 30).", "${1:30}"),
            new Field("connectTimeoutInSeconds", "How long to wait for a disconnected device to connect, 0 to "
                    + "300 seconds (default 0).", "${1:0}"));

    static final List<Field> TWIN = List.of(
            new Field("etag", "Must be `\"*\"`: a job patches every matched twin whatever its version.", "\"*\""),
            new Field("tags", "Tags to set on each matched twin (at most 8 KB, 10 levels deep).", "{$1}"),
            new Field("properties", "Holds `desired`: the desired properties to set. Reported properties "
                    + "cannot be changed by a job.", "{\n\t\"desired\": {$1}\n}"));

    static final List<Field> PROPERTIES = List.of(
            new Field("desired", "Desired properties to set on each matched twin (at most 32 KB).", "{$1}"));

    static final List<String> TYPES = List.of("scheduleDeviceMethod", "scheduleUpdateTwin");

    private static final Map<List<String>, List<Field>> BY_PATH = Map.of(
            List.of(), JOB,
            List.of("cloudToDeviceMethod"), METHOD,
            List.of("updateTwin"), TWIN,
            List.of("updateTwin", "properties"), PROPERTIES);

    private JobFields() {}

    /** The fields of the object at {@code path} below a job object; empty for free-form objects. */
    static List<Field> at(List<String> path) {
        return BY_PATH.getOrDefault(path, List.of());
    }

    static Optional<Field> field(List<String> path, String name) {
        return at(path).stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
