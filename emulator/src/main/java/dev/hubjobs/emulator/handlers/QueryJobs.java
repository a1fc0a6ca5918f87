package dev.hubjobs.emulator.handlers;

import dev.hubjobs.emulator.Hub;
import dev.hubjobs.emulator.http.Handler;
import dev.hubjobs.emulator.http.Request;
import dev.hubjobs.emulator.http.Response;

/** {@code GET /jobs/v2/query?jobType=&jobStatus=}, paged like the device query. */
public final class QueryJobs implements Handler {
    private final Hub hub;

    public QueryJobs(Hub hub) {
        this.hub = hub;
    }

    @Override
    public Response handle(Request r) {
        String type = r.query().get("jobType");
        String status = r.query().get("jobStatus");
        dev.hubjobs.exec.JobPage page = hub.listJobs(
                type == null || type.isEmpty() ? null : type,
                status == null || status.isEmpty() ? null : status,
                r.intHeader("x-ms-max-item-count"),
                r.header("x-ms-continuation"));
        Response response = Response.ok(page.items()).header("x-ms-item-type", "jobResponse");
        page.continuationToken().ifPresent(t -> response.header("x-ms-continuation", t));
        return response;
    }
}
