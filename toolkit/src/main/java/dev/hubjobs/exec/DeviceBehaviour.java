package dev.hubjobs.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubjobs.job.CloudToDeviceMethod;
import dev.hubjobs.twin.TwinObject;
import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated device answers a direct method: a response with a status, a payload and a
 * latency, or no answer at all because it is offline. A response slower than the method's
 * {@code responseTimeoutInSeconds} becomes {@code GatewayTimeout}; an offline device fails with
 * {@code DeviceNotOnline} once {@code connectTimeoutInSeconds} has passed.
 *
 * <p>Called once per device, in device order, at the moment the device's call starts; it must be
 * deterministic for runs to repeat.
 */
@FunctionalInterface
public interface DeviceBehaviour {

    /** Every device answers at once with status 200 and no payload. */
    DeviceBehaviour ALWAYS_OK = respond(200, null, Duration.ZERO);

    MethodResult invoke(TwinObject twin, CloudToDeviceMethod method);

    static DeviceBehaviour respond(int status, JsonNode payload, Duration latency) {
        Response response = new Response(status, payload, latency);
        return (twin, method) -> response;
    }

    static DeviceBehaviour offline() {
        return (twin, method) -> Offline.INSTANCE;
    }

    /** What a device did with one call. */
    sealed interface MethodResult permits Response, Offline {}

    /** The device answered after {@code latency}; {@code payload} may be null (no payload). */
    record Response(int status, JsonNode payload, Duration latency) implements MethodResult {
        public Response {
            Objects.requireNonNull(latency, "latency");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("negative latency " + latency);
            }
        }
    }

    /** The device is not connected and does not connect within the connect timeout. */
    enum Offline implements MethodResult {
        INSTANCE
    }
}
