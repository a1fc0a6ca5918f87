package dev.hubjobs.rules;

import dev.hubjobs.config.Limits;
import dev.hubjobs.job.JobRequest;
import dev.hubjobs.job.JobType;
import dev.hubjobs.json.JsonDocument;
import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.ParseResult;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a rule sees of one job: the document, the job's JSON object (for spans), the typed
 * request, and the {@code queryCondition} parsed once for all rules.
 */
public final class JobContext {

    private final JsonDocument document;
    private final JsonObject object;
    private final JobRequest request;
    private final JsonString conditionString;
    private final ParseResult<Condition> condition;
    private final Clock clock;
    private final Limits limits;
    private final FleetFacts fleet;
    private final Predicate<String> enabled;

    JobContext(JsonDocument document, JsonObject object, JobRequest request, JsonString conditionString,
            ParseResult<Condition> condition, Clock clock, Limits limits, FleetFacts fleet,
            Predicate<String> enabled) {
        this.document = document;
        this.object = object;
        this.request = request;
        this.conditionString = conditionString;
        this.condition = condition;
        this.clock = clock;
        this.limits = limits;
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

    public JobRequest request() {
        return request;
    }

    public Optional<JobType> type() {
        return request.jobType();
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

    public Optional<ParseResult<Condition>> conditionParse() {
        return Optional.ofNullable(condition);
    }

    public Clock clock() {
        return clock;
    }

    public Limits limits() {
        return limits;
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
