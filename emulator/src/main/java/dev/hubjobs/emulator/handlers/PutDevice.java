package dev.hubjobs.emulator.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.emulator.Hub;
import dev.hubjobs.emulator.HubErrors;
import dev.hubjobs.emulator.http.Handler;
import dev.hubjobs.emulator.http.Request;
import dev.hubjobs.emulator.http.Response;

/** {@code PUT /devices/{id}}: creates a device identity (no If-Match) or updates it (If-Match). */
public final class PutDevice implements Handler {
    private final Hub hub;

    public PutDevice(Hub hub) {
        this.hub = hub;
    }

    @Override
    public Response handle(Request r) {
        JsonNode body = r.json();
        if (!(body instanceof ObjectNode o)) {
            throw HubErrors.badFormat("The device must be a JSON object.");
        }
        ObjectNode device = hub.putDevice(r.param("id"), o, r.header("If-Match"));
        return Response.ok(device).header("ETag", "\"" + device.path("etag").asText() + "\"");
    }
}
