package dev.hubjobs.emulator.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.emulator.Hub;
import dev.hubjobs.emulator.http.Handler;
import dev.hubjobs.emulator.http.Request;
import dev.hubjobs.emulator.http.Response;

/** {@code GET /devices/{id}}: a device identity. */
public final class GetDevice implements Handler {
    private final Hub hub;

    public GetDevice(Hub hub) {
        this.hub = hub;
    }

    @Override
    public Response handle(Request r) {
        ObjectNode device = hub.getDevice(r.param("id"));
        return Response.ok(device).header("ETag", "\"" + device.path("etag").asText() + "\"");
    }
}
