package dev.hubjobs.emulator.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.emulator.Hub;
import dev.hubjobs.emulator.HubErrors;
import dev.hubjobs.emulator.http.Handler;
import dev.hubjobs.emulator.http.Request;
import dev.hubjobs.emulator.http.Response;

/**
 * {@code PATCH /twins/{id}} (also {@code POST} with {@code X-HTTP-Method-Override: PATCH}): merges
 * tags and desired properties; {@code PUT /twins/{id}} replaces them. If-Match optional; 412 on a
 * stale etag.
 */
public final class UpdateTwin implements Handler {
    private final Hub hub;
    private final boolean replace;

    public UpdateTwin(Hub hub, boolean replace) {
        this.hub = hub;
        this.replace = replace;
    }

    @Override
    public Response handle(Request r) {
        JsonNode body = r.json();
        if (!(body instanceof ObjectNode o)) {
            throw HubErrors.badFormat("The twin must be a JSON object.");
        }
        ObjectNode twin = hub.updateTwin(r.param("id"), o, r.header("If-Match"), replace);
        return Response.ok(twin).header("ETag", "\"" + twin.path("etag").asText() + "\"");
    }
}
