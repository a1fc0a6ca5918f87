package dev.hubjobs.emulator.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubjobs.emulator.Hub;
import dev.hubjobs.emulator.http.Handler;
import dev.hubjobs.emulator.http.Request;
import dev.hubjobs.emulator.http.Response;

/**
 * {@code POST /devices/query}: {@code FROM devices}, {@code devices.modules} or {@code devices.jobs},
 * paged by {@code x-ms-max-item-count} and {@code x-ms-continuation}; the last page has no token.
 */
public final class QueryDevices implements Handler {
    private final Hub hub;

    public QueryDevices(Hub hub) {
        this.hub = hub;
    }

    @Override
    public Response handle(Request r) {
        JsonNode body = r.json();
        JsonNode q = body.get("query");
        if (q == null || !q.isTextual()) {
            throw new dev.hubjobs.exec.JobServiceException(
                    dev.hubjobs.exec.ServiceError.argumentNull("The body must be {\"query\": \"SELECT ...\"}."));
        }
        Hub.Page page = hub.query(q.asText(), r.intHeader("x-ms-max-item-count"), r.header("x-ms-continuation"));
        Response response = Response.ok(page.items());
        String text = q.asText().toLowerCase(java.util.Locale.ROOT);
        response.header("x-ms-item-type", text.contains("devices.jobs") ? "deviceJob" : "twin");
        if (page.continuation() != null) {
            response.header("x-ms-continuation", page.continuation());
        }
        return response;
    }
}
