package dev.hubjobs.emulator.handlers;

import dev.hubjobs.emulator.Hub;
import dev.hubjobs.emulator.http.Handler;
import dev.hubjobs.emulator.http.Request;
import dev.hubjobs.emulator.http.Response;

/** {@code POST /jobs/v2/{id}/cancel}: the body, if any, is ignored. */
public final class CancelJob implements Handler {
    private final Hub hub;

    public CancelJob(Hub hub) {
        this.hub = hub;
    }

    @Override
    public Response handle(Request r) {
        return Response.ok(hub.cancelJob(r.param("id")));
    }
}
