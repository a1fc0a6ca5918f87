package dev.hubjobs.exec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row of {@code SELECT * FROM devices.jobs}: one device's part in one job. Null keys are left
 * out. {@code moduleId} appears only for jobs that target module twins.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "deviceId",
    "moduleId",
    "jobId",
    "jobType",
    "status",
    "createdDateTimeUtc",
    "startTimeUtc",
    "endTimeUtc",
    "lastUpdatedDateTimeUtc",
    "outcome",
    "error"
})
public record DeviceJob(
        String deviceId,
        String moduleId,
        String jobId,
        String jobType,
        String status,
        String createdDateTimeUtc,
        String startTimeUtc,
        String endTimeUtc,
        String lastUpdatedDateTimeUtc,
        Outcome outcome,
        Error error) {

    @JsonIgnore
    public DeviceJobStatus deviceJobStatus() {
        for (DeviceJobStatus s : DeviceJobStatus.values()) {
            if (s.wireName().equals(status)) {
                return s;
            }
        }
        throw new IllegalStateException(status);
    }

    /** {@code outcome} of a method job's device: what the device answered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(MethodResponse deviceMethodResponse) {}

    /** The device's answer to the direct method; {@code payload} is left out when the device sent none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"status", "payload"})
    public record MethodResponse(int status, JsonNode payload) {}

    /** Why a device job failed, e.g. {@code DeviceNotOnline}, {@code GatewayTimeout}, {@code JobRunTimeout}. */
    @JsonPropertyOrder({"code", "description"})
    public record Error(String code, String description) {}
}
