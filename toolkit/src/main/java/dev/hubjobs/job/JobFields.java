package dev.hubjobs.job;

import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.twin.TwinFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The field rules of a job request in one place: names, JSON types, enums and ranges. The field
 * rules (HJ2xx, HJ3xx) and the generated JSON Schema both read these constants, so the two cannot
 * drift apart.
 */
public final class JobFields {

    /** {@code "$schema"}: the editors' convention for naming a JSON schema; accepted in a job, ignored by the service. */
    public static final String SCHEMA = "$schema";

    public static final String JOB_ID = "jobId";
    public static final String TYPE = "type";
    public static final String QUERY_CONDITION = "queryCondition";
    public static final String START_TIME = "startTime";
    public static final String MAX_EXECUTION_TIME = "maxExecutionTimeInSeconds";
    public static final String CLOUD_TO_DEVICE_METHOD = "cloudToDeviceMethod";
    public static final String UPDATE_TWIN = "updateTwin";

    public static final String METHOD_NAME = "methodName";
    public static final String PAYLOAD = "payload";
    public static final String RESPONSE_TIMEOUT = "responseTimeoutInSeconds";
    public static final String CONNECT_TIMEOUT = "connectTimeoutInSeconds";

    public static final String ETAG = TwinFields.ETAG;
    public static final String TAGS = TwinFields.TAGS;
    public static final String PROPERTIES = TwinFields.PROPERTIES;
    public static final String DESIRED = TwinFields.DESIRED;
    public static final String REPORTED = TwinFields.REPORTED;

    /** The only etag a twin-update job accepts: the job is a forced update. */
    public static final String FORCE_ETAG = "*";

    public static final int RESPONSE_TIMEOUT_MIN = 5;
    public static final int RESPONSE_TIMEOUT_MAX = 300;
    public static final int CONNECT_TIMEOUT_MIN = 0;
    public static final int CONNECT_TIMEOUT_MAX = 300;

    /** The JSON type a field must have. {@link #ANY} is the method payload: any JSON, null included. */
    public enum Kind {
        STRING("string"),
        INTEGER("number"),
        OBJECT("object"),
        ANY("any");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The JSON type name used in messages ("number" for integers: the JSON type is what is wrong). */
        public String jsonName() {
            return jsonName;
        }

        /** Whether {@code value} has this JSON type; single-quoted and bare strings count as strings. */
        public boolean accepts(JsonValue value) {
            return switch (this) {
                case STRING -> value instanceof JsonString;
                case INTEGER -> value instanceof JsonValue.JsonNumber;
                case OBJECT -> value instanceof JsonObject;
                case ANY -> true;
            };
        }
    }

    /**
     * One field of an object of the request.
     *
     * @param description what the field means, in Markdown, for the schema, hovers and completion
     */
    public record Field(String name, Kind kind, String description) {}

    /** Top-level fields of {@code PUT /jobs/v2/{jobId}}, in the order the documentation lists them. */
    public static final List<Field> JOB_FIELDS = List.of(
            new Field(
                    JOB_ID,
                    Kind.STRING,
                    "Unique id of the job: letters, digits and `-`, at most 64 characters. "
                            + "The service takes it from the request path; a body may leave it out."),
            new Field(
                    TYPE,
                    Kind.STRING,
                    "Job type: `scheduleDeviceMethod` (invoke a direct method) or "
                            + "`scheduleUpdateTwin` (apply a twin patch), in exactly that case."),
            new Field(
                    QUERY_CONDITION,
                    Kind.STRING,
                    "Which devices the job runs on: a condition of the IoT Hub "
                            + "query language (what follows `SELECT * FROM devices WHERE`), or `*` for every device."),
            new Field(
                    START_TIME,
                    Kind.STRING,
                    "When the job starts, ISO-8601 with `Z` or an offset, e.g. "
                            + "`2030-01-01T00:00:00Z`; absent means as soon as possible."),
            new Field(
                    MAX_EXECUTION_TIME,
                    Kind.INTEGER,
                    "How long the job may run before devices not yet " + "reached are skipped, in whole seconds."),
            new Field(
                    CLOUD_TO_DEVICE_METHOD,
                    Kind.OBJECT,
                    "The direct method a `scheduleDeviceMethod` job " + "invokes on each device."),
            new Field(
                    UPDATE_TWIN,
                    Kind.OBJECT,
                    "The twin patch a `scheduleUpdateTwin` job applies to each " + "device; `etag` must be `\"*\"`."));

    /** Fields of {@code cloudToDeviceMethod}. */
    public static final List<Field> METHOD_FIELDS = List.of(
            new Field(METHOD_NAME, Kind.STRING, "Name of the direct method; characters of the HTTP token set only."),
            new Field(
                    PAYLOAD,
                    Kind.ANY,
                    "JSON payload passed to the method (at most 128 KB serialised). Give "
                            + "an object, not a string holding JSON."),
            new Field(
                    RESPONSE_TIMEOUT,
                    Kind.INTEGER,
                    "How long to wait for the method's result, " + RESPONSE_TIMEOUT_MIN + " to " + RESPONSE_TIMEOUT_MAX
                            + " seconds (default 30)."),
            new Field(
                    CONNECT_TIMEOUT,
                    Kind.INTEGER,
                    "How long to wait for a disconnected device to connect, " + CONNECT_TIMEOUT_MIN + " to "
                            + CONNECT_TIMEOUT_MAX + " seconds (default 0)."));

    /** Fields of {@code updateTwin}: what a job's twin patch may change. */
    public static final List<Field> TWIN_FIELDS = List.of(
            new Field(ETAG, Kind.STRING, "Must be `\"*\"`: a job patches every matched twin whatever its version."),
            new Field(TAGS, Kind.OBJECT, "Tags to set on each matched twin (at most 8 KB, 10 levels deep)."),
            new Field(
                    PROPERTIES,
                    Kind.OBJECT,
                    "Holds `desired`: the desired properties to set. Reported "
                            + "properties cannot be changed by a job."));

    /** Fields of {@code updateTwin.properties}. */
    public static final List<Field> PATCH_PROPERTIES_FIELDS =
            List.of(new Field(DESIRED, Kind.OBJECT, "Desired properties to set on each matched twin (at most 32 KB)."));

    /** The fields of the object at a path of member names below a job object. */
    private static final Map<List<String>, List<Field>> FIELDS_AT = Map.of(
            List.of(), JOB_FIELDS,
            List.of(CLOUD_TO_DEVICE_METHOD), METHOD_FIELDS,
            List.of(UPDATE_TWIN), TWIN_FIELDS,
            List.of(UPDATE_TWIN, PROPERTIES), PATCH_PROPERTIES_FIELDS);

    /**
     * Fields every job body needs. {@code jobId} is not one: the service takes the id from the
     * request path ({@code PUT /jobs/v2/{jobId}}) and runs bodies without it (docs/decisions.md).
     */
    public static final List<String> REQUIRED = List.of(TYPE, QUERY_CONDITION);

    public static final List<String> METHOD_REQUIRED = List.of(METHOD_NAME);

    public static final int MAX_EXECUTION_TIME_MIN = 0;

    /** Characters a job id may hold (current service documentation). */
    public static final String JOB_ID_CHARACTER_CLASS = "[A-Za-z0-9-]";

    public static final Pattern JOB_ID_CHARACTER = Pattern.compile(JOB_ID_CHARACTER_CLASS);

    /**
     * The shape of an ISO-8601 date-time as the service reads {@code startTime}: date, {@code T},
     * time with optional seconds and fraction, then {@code Z}, an offset, or nothing (read as UTC).
     */
    public static final String START_TIME_PATTERN = "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])"
            + "T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)?$";

    /** Names the documentation and old SDKs used for the two types, with the name the service accepts. */
    public static final Map<String, JobType> TYPE_ALIASES = aliases();

    /**
     * Field names that are known mistakes, with the field meant. {@code deviceIds} has no rename:
     * devices are chosen with {@code queryCondition}.
     */
    public static final Map<String, String> KNOWN_MISSPELLINGS = Map.of(
            "maxExecutionTimeSeconds", MAX_EXECUTION_TIME,
            "timeoutInSeconds", RESPONSE_TIMEOUT);

    public static final String DEVICE_IDS = "deviceIds";

    /** What a job's twin patch may change. */
    public static final List<String> TWIN_WRITABLE =
            TWIN_FIELDS.stream().map(Field::name).toList();

    private JobFields() {}

    private static Map<String, JobType> aliases() {
        Map<String, JobType> m = new LinkedHashMap<>();
        m.put("scheduleDirectRequest", JobType.SCHEDULE_DEVICE_METHOD);
        m.put("scheduleDirectMethod", JobType.SCHEDULE_DEVICE_METHOD);
        m.put("scheduledDeviceMethod", JobType.SCHEDULE_DEVICE_METHOD);
        m.put("scheduleTwinUpdate", JobType.SCHEDULE_UPDATE_TWIN);
        m.put("scheduledUpdateTwin", JobType.SCHEDULE_UPDATE_TWIN);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The fields {@code type} requires beyond {@link #REQUIRED}. */
    public static List<String> requiredFor(JobType type) {
        return type == JobType.SCHEDULE_DEVICE_METHOD ? List.of(CLOUD_TO_DEVICE_METHOD) : List.of(UPDATE_TWIN);
    }

    /** The type-specific field that must not appear on a job of {@code type}. */
    public static String foreignTo(JobType type) {
        return type == JobType.SCHEDULE_DEVICE_METHOD ? UPDATE_TWIN : CLOUD_TO_DEVICE_METHOD;
    }

    /**
     * The fields of the object at {@code path} (member names from the job object down, e.g.
     * {@code [cloudToDeviceMethod]}); empty for free-form objects such as a payload or tags.
     */
    public static List<Field> fieldsAt(List<String> path) {
        return FIELDS_AT.getOrDefault(path, List.of());
    }

    /** The field {@code name} of the object at {@code path}, as {@link #fieldsAt} lists them. */
    public static Optional<Field> fieldAt(List<String> path, String name) {
        return fieldsAt(path).stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public static Optional<Field> jobField(String name) {
        return JOB_FIELDS.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public static Optional<Field> methodField(String name) {
        return METHOD_FIELDS.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The type a misspelt or miscased type name stands for: exact, a documentation alias, or another case. */
    public static Optional<JobType> correctedType(String name) {
        Optional<JobType> exact = JobType.fromWire(name);
        if (exact.isPresent()) {
            return exact;
        }
        JobType alias = TYPE_ALIASES.get(name);
        if (alias != null) {
            return Optional.of(alias);
        }
        for (Map.Entry<String, JobType> e : TYPE_ALIASES.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e.getValue());
            }
        }
        for (JobType t : JobType.values()) {
            if (t.wireName().equalsIgnoreCase(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The type a job means: its {@code type} if valid, else the type its misspelt name stands for,
     * so that a job with a documentation alias is still checked as the job it is meant to be.
     */
    public static Optional<JobType> intendedType(JsonObject job) {
        return job.getOrNull(TYPE) instanceof JsonString s ? correctedType(s.value()) : Optional.empty();
    }
}
