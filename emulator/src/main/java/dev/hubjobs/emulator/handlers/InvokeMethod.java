package dev.hubjobs.emulator.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.emulator.Hub;
import dev.hubjobs.emulator.http.Handler;
import dev.hubjobs.emulator.http.Request;
import dev.hubjobs.emulator.http.Response;

/**
 * {@code POST /twins/{id}/methods}: the device answers as the fleet file declares (status, payload,
 * latency scaled by the clock speed), or 404 {@code DeviceNotOnline}, or 504 {@code GatewayTimeout}.
 */
public final class InvokeMethod implements Handler {
    private final Hub hub;

    public InvokeMethod(Hub hub) {
        this.hub = hub;
    }

    @Override
    public Response handle(Request r) throws InterruptedException {
        Hub.MethodAnswer answer = hub.invokeMethod(r.param("id"), r.json());
        if (answer.delayMillis() > 0) {
            Thread.sleep(answer.delayMillis());
        }
        ObjectNode body = dev.hubjobs.job.JobJson.MAPPER.createObjectNode();
        body.put("status", answer.status());
        body.set("payload", answer.payload());
        return Response.ok(body);
    }
}
