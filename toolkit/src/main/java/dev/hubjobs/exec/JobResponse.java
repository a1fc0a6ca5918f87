package dev.hubjobs.exec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.job.CloudToDeviceMethod;

/**
 * What {@code GET /jobs/v2/{jobId}} answers. Keys whose value is null are left out: the Java SDK
 * crashes on {@code "cloudToDeviceMethod": null}. Times are ISO-8601 UTC with milliseconds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "jobId",
    "type",
    "status",
    "queryCondition",
    "createdTime",
    "startTime",
    "endTime",
    "maxExecutionTimeInSeconds",
    "cloudToDeviceMethod",
    "updateTwin",
    "failureReason",
    "statusMessage",
    "deviceJobStatistics"
})
public record JobResponse(
        String jobId,
        String type,
        String status,
        String queryCondition,
        String createdTime,
        String startTime,
        String endTime,
        Long maxExecutionTimeInSeconds,
        CloudToDeviceMethod cloudToDeviceMethod,
        ObjectNode updateTwin,
        String failureReason,
        String statusMessage,
        DeviceJobStatistics deviceJobStatistics) {

    public JobStatus jobStatus() {
        return JobStatus.fromWire(status);
    }
}
