package dev.hubjobs.emulator.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.emulator.Hub;
import dev.hubjobs.emulator.http.Handler;
import dev.hubjobs.emulator.http.Request;
import dev.hubjobs.emulator.http.Response;

/** {@code GET /twins/{id}}: a device twin. */
public final class GetTwin implements Handler {
    private final Hub hub;

    public GetTwin(Hub hub) {
        this.hub = hub;
    }

    @Override
    public Response handle(Request r) {
        ObjectNode twin = hub.getTwin(r.param("id"));
        return Response.ok(twin).header("ETag", "\"" + twin.path("etag").asText() + "\"");
    }
}
