package dev.hubjobs.emulator.handlers;

import dev.hubjobs.emulator.Hub;
import dev.hubjobs.emulator.http.Handler;
import dev.hubjobs.emulator.http.Request;
import dev.hubjobs.emulator.http.Response;

/** {@code GET /jobs/v2/{id}}. */
public final class GetJob implements Handler {
    private final Hub hub;

    public GetJob(Hub hub) {
        this.hub = hub;
    }

    @Override
    public Response handle(Request r) {
        return Response.ok(hub.getJob(r.param("id")));
    }
}
