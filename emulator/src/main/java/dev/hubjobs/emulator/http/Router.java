package dev.hubjobs.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.emulator.HubErrors;
import dev.hubjobs.emulator.Sas;
import dev.hubjobs.emulator.Sas.Permission;
import dev.hubjobs.exec.JobServiceException;
import dev.hubjobs.exec.ServiceError;
import dev.hubjobs.job.JobJson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Finds the operation for a request and runs it: the token is checked first (401 before anything
 * else, as the service does), then the route (404, 405), then the policy's permissions (401), then
 * the api-version (400). Every failure is the service's JSON error body, and no request, however
 * malformed, stops the server.
 */
public final class Router {

    /** The api-versions accepted; the SDKs send 2021-04-12. */
    public static final Set<String> API_VERSIONS = Set.of(
            "2021-04-12", "2020-09-30", "2020-05-31-preview", "2020-03-13", "2019-10-01", "2019-03-30", "2018-06-30");

    private record Route(String method, String[] pattern, Set<Permission> anyOf, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();
    private final Sas sas;
    private final Consumer<String> log;

    public Router(Sas sas, Consumer<String> log) {
        this.sas = sas;
        this.log = log;
    }

    /** {@code pattern} like {@code /twins/{id}/methods}; the request needs one of {@code anyOf}. */
    public Router add(String method, String pattern, Set<Permission> anyOf, Handler handler) {
        routes.add(new Route(method, pattern.substring(1).split("/"), anyOf, handler));
        return this;
    }

    /** Makes a {@link Request} from a server's exchange; reading the body may fail. */
    @FunctionalInterface
    public interface RequestReader {
        Request read() throws IOException;
    }

    /**
     * What a front end answers: the request that {@code reader} makes, dispatched; a request that
     * cannot be made (a malformed path, a body over the limit) gets its error, anything unexpected
     * in making it a logged 400.
     */
    public Response answer(RequestReader reader) throws IOException {
        try {
            return dispatch(reader.read());
        } catch (JobServiceException e) {
            return error(e.error());
        } catch (RuntimeException e) {
            log.accept("malformed request: " + e.getMessage());
            return error(HubErrors.badFormat("Malformed request.").error());
        }
    }

    public Response dispatch(Request request) {
        try {
            Set<Permission> granted =
                    sas.verify(request.header("Authorization"), Instant.now().getEpochSecond());
            Route found = null;
            Map<String, String> params = null;
            boolean pathMatched = false;
            for (Route r : routes) {
                Map<String, String> p = match(r.pattern, request.segments());
                if (p == null) {
                    continue;
                }
                pathMatched = true;
                if (r.method.equals(request.method())) {
                    found = r;
                    params = p;
                    break;
                }
            }
            if (found == null) {
                throw pathMatched
                        ? HubErrors.methodNotAllowed("The method " + request.method() + " is not allowed here.")
                        : HubErrors.notFound("No such resource: /" + String.join("/", request.segments()));
            }
            if (EnumSet.copyOf(granted).stream().noneMatch(found.anyOf::contains)) {
                throw HubErrors.unauthorized(
                        "The shared access policy lacks the permission this operation needs (" + found.anyOf + ").");
            }
            String version = request.query().get("api-version");
            if (version == null || !API_VERSIONS.contains(version)) {
                throw new JobServiceException(new ServiceError(
                        400,
                        400001,
                        "InvalidProtocolVersion",
                        version == null
                                ? "api-version is required"
                                : "api-version '" + version + "' is not supported"));
            }
            return found.handler.handle(request.withParams(params));
        } catch (JobServiceException e) {
            return error(e.error());
        } catch (dev.hubjobs.emulator.store.StoreException e) {
            log.accept("store: " + e.getMessage());
            return error(new ServiceError(500, 500001, "ServerError", "The hub could not record the change."));
        } catch (Exception e) {
            log.accept(
                    "internal error on " + request.method() + " /" + String.join("/", request.segments()) + ": " + e);
            return error(new ServiceError(500, 500001, "ServerError", "Internal error."));
        }
    }

    private static Map<String, String> match(String[] pattern, List<String> segments) {
        if (pattern.length != segments.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{")) {
                params.put(p.substring(1, p.length() - 1), segments.get(i));
            } else if (!p.equals(segments.get(i))) {
                return null;
            }
        }
        return params;
    }

    /** The service's error body: the legacy {@code Message}, the {@code ExceptionMessage}, the numeric code. */
    public static Response error(ServiceError e) {
        ObjectNode body = JobJson.MAPPER.createObjectNode();
        body.put("Message", e.legacyMessage());
        body.put(
                "ExceptionMessage",
                "Tracking ID:" + UUID.randomUUID().toString().replace("-", "") + "-G:0-TimeStamp:" + Instant.now());
        body.put("errorCode", e.code());
        return Response.json(e.httpStatus(), body).header("iothub-errorcode", e.name());
    }
}
