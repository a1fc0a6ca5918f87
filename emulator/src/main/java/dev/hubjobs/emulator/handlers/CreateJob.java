package dev.hubjobs.emulator.handlers;

import dev.hubjobs.emulator.Hub;
import dev.hubjobs.emulator.http.Handler;
import dev.hubjobs.emulator.http.Request;
import dev.hubjobs.emulator.http.Response;

/** {@code PUT /jobs/v2/{id}}: schedules a twin-update or direct-method job. */
public final class CreateJob implements Handler {
    private final Hub hub;

    public CreateJob(Hub hub) {
        this.hub = hub;
    }

    @Override
    public Response handle(Request r) {
        return Response.ok(hub.createJob(r.param("id"), r.json()));
    }
}
