package dev.hubjobs.emulator.handlers;

import dev.hubjobs.emulator.Hub;
import dev.hubjobs.emulator.http.Handler;
import dev.hubjobs.emulator.http.Request;
import dev.hubjobs.emulator.http.Response;

/** {@code DELETE /devices/{id}}: removes a device identity and its twin (If-Match optional). */
public final class DeleteDevice implements Handler {
    private final Hub hub;

    public DeleteDevice(Hub hub) {
        this.hub = hub;
    }

    @Override
    public Response handle(Request r) {
        hub.deleteDevice(r.param("id"), r.header("If-Match"));
        return Response.noContent();
    }
}
