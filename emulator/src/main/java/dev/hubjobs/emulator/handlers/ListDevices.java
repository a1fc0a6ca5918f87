package dev.hubjobs.emulator.handlers;

import dev.hubjobs.emulator.Hub;
import dev.hubjobs.emulator.HubErrors;
import dev.hubjobs.emulator.http.Handler;
import dev.hubjobs.emulator.http.Request;
import dev.hubjobs.emulator.http.Response;

/**
 * {@code GET /devices?top=N}: the first device identities, at most 1,000 (the service's limit; the
 * Node SDK's {@code Registry.list} asks for them without {@code top}).
 */
public final class ListDevices implements Handler {
    /** The most identities one answer holds. */
    public static final int MAX = 1000;

    private final Hub hub;

    public ListDevices(Hub hub) {
        this.hub = hub;
    }

    @Override
    public Response handle(Request r) {
        String top = r.query().get("top");
        int count = MAX;
        if (top != null && !top.isEmpty()) {
            try {
                count = Integer.parseInt(top);
            } catch (NumberFormatException e) {
                throw HubErrors.badRequest("top must be a number from 1 to " + MAX + ", got '" + top + "'");
            }
            if (count < 1 || count > MAX) {
                throw HubErrors.badRequest("top must be a number from 1 to " + MAX + ", got " + count);
            }
        }
        return Response.ok(hub.listDevices(count));
    }
}
