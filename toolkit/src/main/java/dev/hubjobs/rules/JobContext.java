package dev.hubjobs.rules;

import dev.hubjobs.config.Limits;
import dev.hubjobs.config.ValidatorConfig;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.job.JobRequest;
import dev.hubjobs.job.JobType;
import dev.hubjobs.json.JsonDocument;
import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.ParseResult;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a rule sees of one job: the document, the job's JSON object (for spans), the typed request,
 * and the {@code queryCondition} parsed once for all rules. One instance per job, used by one
 * thread; what several rules need (the twin patch, the condition's nodes, the start time, the
 * intended type) is worked out on first use and kept.
 */
public final class JobContext {

    private final JsonDocument document;
    private final JsonObject object;
    private final JsonString conditionString;
    private final ParseResult<Condition> condition;
    private final Clock clock;
    private final ValidatorConfig config;
    private final FleetFacts fleet;
    private final Predicate<String> enabled;

    private JobRequest request;
    private TwinPatch twinPatch;
    private QueryContext query;
    private Optional<StartTimeFormat.StartTime> startTime;
    private Optional<JobType> intendedType;

    JobContext(
            JsonDocument document,
            JsonObject object,
            JsonString conditionString,
            ParseResult<Condition> condition,
            Clock clock,
            ValidatorConfig config,
            FleetFacts fleet,
            Predicate<String> enabled) {
        this.document = document;
        this.object = object;
        this.conditionString = conditionString;
        this.condition = condition;
        this.clock = clock;
        this.config = config;
        this.fleet = fleet;
        this.enabled = enabled;
    }

    public JsonDocument document() {
        return document;
    }

    /** The job's JSON object in the document. */
    public JsonObject object() {
        return object;
    }

    /** The typed request, bound on first use (few rules need it). */
    public JobRequest request() {
        if (request == null) {
            request = JobJson.request(object);
        }
        return request;
    }

    /** The type the job names, as the service reads it (no correction of near-misses). */
    public Optional<JobType> type() {
        return object.getOrNull(JobFields.TYPE) instanceof JsonString s
                ? JobType.fromWire(s.value())
                : Optional.empty();
    }

    /** The {@code startTime} string read as an instant, once for HJ207 and HJ208; empty when absent or unreadable. */
    Optional<StartTimeFormat.StartTime> startTime() {
        if (startTime == null) {
            startTime = object.getOrNull(JobFields.START_TIME) instanceof JsonString s
                    ? StartTimeFormat.parse(s.value())
                    : Optional.empty();
        }
        return startTime;
    }

    /** The type the job means, a near-miss corrected ({@link JobFields#intendedType}), read once for all rules. */
    public Optional<JobType> intendedType() {
        if (intendedType == null) {
            intendedType = JobFields.intendedType(object);
        }
        return intendedType;
    }

    /**
     * The {@code cloudToDeviceMethod} object of a method job (or of a job whose type is unknown),
     * the method rules' counterpart of {@link #twinPatch}; a twin job's is HJ205's.
     */
    public Optional<JsonObject> method() {
        return intendedType().orElse(JobType.SCHEDULE_DEVICE_METHOD) == JobType.SCHEDULE_DEVICE_METHOD
                        && object.getOrNull(JobFields.CLOUD_TO_DEVICE_METHOD) instanceof JsonObject m
                ? Optional.of(m)
                : Optional.empty();
    }

    /** The value of {@code name} in {@link #method}, or null without a method object or without the field. */
    public JsonValue methodField(String name) {
        JsonObject method = method().orElse(null);
        return method == null ? null : method.getOrNull(name);
    }

    /** The twin patch, walked once for all the twin rules. */
    TwinPatch twinPatch() {
        if (twinPatch == null) {
            twinPatch = TwinPatch.of(object, intendedType());
        }
        return twinPatch;
    }

    public Optional<JsonValue> field(String name) {
        return object.get(name);
    }

    /** The {@code queryCondition} string, when the job has one that is a string. */
    public Optional<JsonString> conditionString() {
        return Optional.ofNullable(conditionString);
    }

    /** The parsed condition, when it parsed well enough to have a tree. */
    public Optional<Condition> condition() {
        return condition == null ? Optional.empty() : condition.value();
    }

    /**
     * The {@code queryCondition} as the query rules see it, when the job has one that is a string;
     * made once for all of them.
     */
    public Optional<QueryContext> query() {
        if (query == null && conditionString != null) {
            query = QueryContext.ofCondition(
                    conditionString.value(), condition().orElse(null), type(), config.limits());
        }
        return Optional.ofNullable(query);
    }

    /** The condition's nodes of one kind, in text order ({@link QueryContext#nodes}); empty without a tree. */
    public <T extends Expr> List<T> conditionNodes(Class<T> kind) {
        return query().map(q -> q.nodes(kind)).orElse(List.of());
    }

    public Optional<ParseResult<Condition>> conditionParse() {
        return Optional.ofNullable(condition);
    }

    public Clock clock() {
        return clock;
    }

    public Limits limits() {
        return config.limits();
    }

    /** The severity the configuration sets for {@code code}, when it sets one. */
    public Optional<Severity> configuredSeverity(String code) {
        return Optional.ofNullable(config.severities().get(code));
    }

    /** Whether the rule with {@code code} runs, so that rules sharing a finding can leave it to the other. */
    public boolean isEnabled(String code) {
        return enabled.test(code);
    }

    /** What is known of the fleet and tier; empty unless the caller gave a fleet. */
    public Optional<FleetFacts> fleet() {
        return Optional.ofNullable(fleet);
    }
}
