package dev.hubjobs.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** The direct method a {@code scheduleDeviceMethod} job invokes on each device. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudToDeviceMethod(
        String methodName, JsonNode payload, Integer responseTimeoutInSeconds, Integer connectTimeoutInSeconds) {

    /** Default response timeout when none is given (service default). */
    public static final int DEFAULT_RESPONSE_TIMEOUT = 30;

    public int effectiveResponseTimeout() {
        return responseTimeoutInSeconds == null ? DEFAULT_RESPONSE_TIMEOUT : responseTimeoutInSeconds;
    }

    public int effectiveConnectTimeout() {
        return connectTimeoutInSeconds == null ? 0 : connectTimeoutInSeconds;
    }
}
