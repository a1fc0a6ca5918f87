package dev.hubjobs.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.json.JsonValue;
import java.util.Optional;

/**
 * The body of {@code PUT /jobs/v2/{jobId}}. Fields hold what the document says, even when it is
 * wrong ({@code type} is a plain string so that a misspelt type can be reported, not lost); a
 * field of the wrong JSON type is null here and reported by the validator.
 *
 * <p>{@code source} is the JSON object the request was read from, so that findings can point at
 * it; it is absent for requests built in code and never serialised.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobRequest(
        String jobId,
        String type,
        String queryCondition,
        String startTime,
        Long maxExecutionTimeInSeconds,
        CloudToDeviceMethod cloudToDeviceMethod,
        ObjectNode updateTwin,
        @JsonIgnore JsonValue.JsonObject source) {

    public static JobRequest twinUpdate(String jobId, String queryCondition, ObjectNode updateTwin) {
        return new JobRequest(
                jobId, JobType.SCHEDULE_UPDATE_TWIN.wireName(), queryCondition, null, null, null, updateTwin, null);
    }

    public static JobRequest deviceMethod(String jobId, String queryCondition, String methodName, JsonNode payload) {
        return new JobRequest(
                jobId,
                JobType.SCHEDULE_DEVICE_METHOD.wireName(),
                queryCondition,
                null,
                null,
                new CloudToDeviceMethod(methodName, payload, null, null),
                null,
                null);
    }

    @JsonIgnore
    public Optional<JobType> jobType() {
        return type == null ? Optional.empty() : JobType.fromWire(type);
    }

    @JsonIgnore
    public Optional<JsonValue.JsonObject> sourceObject() {
        return Optional.ofNullable(source);
    }

    public JobRequest withStartTime(String newStartTime) {
        return new JobRequest(
                jobId,
                type,
                queryCondition,
                newStartTime,
                maxExecutionTimeInSeconds,
                cloudToDeviceMethod,
                updateTwin,
                source);
    }

    /** The request as the service sees it when {@code jobId} is the id of the request path. */
    public JobRequest withJobId(String pathJobId) {
        return new JobRequest(
                pathJobId,
                type,
                queryCondition,
                startTime,
                maxExecutionTimeInSeconds,
                cloudToDeviceMethod,
                updateTwin,
                source);
    }

    public JobRequest withMaxExecutionTimeInSeconds(Long seconds) {
        return new JobRequest(jobId, type, queryCondition, startTime, seconds, cloudToDeviceMethod, updateTwin, source);
    }
}
