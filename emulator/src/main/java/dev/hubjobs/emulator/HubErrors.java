package dev.hubjobs.emulator;

import dev.hubjobs.exec.JobServiceException;
import dev.hubjobs.exec.ServiceError;

/** The service's errors that the executor does not produce itself (device registry, auth, throttling). */
public final class HubErrors {

    private HubErrors() {}

    public static JobServiceException deviceNotFound(String id) {
        return new JobServiceException(
                new ServiceError(404, 404001, "DeviceNotFound", "Device " + id + " not registered"));
    }

    public static JobServiceException deviceAlreadyExists(String id) {
        return new JobServiceException(new ServiceError(
                409, 409001, "DeviceAlreadyExists", "A device with ID '" + id + "' is already registered."));
    }

    public static JobServiceException preconditionFailed() {
        return new JobServiceException(ServiceError.preconditionFailed(
                "The etag in the request does not match the etag of the existing resource, as per RFC7232."));
    }

    public static JobServiceException unauthorized(String why) {
        return new JobServiceException(new ServiceError(401, 401002, "IotHubUnauthorizedAccess", why));
    }

    public static JobServiceException tooManyActiveJobs(int limit) {
        return new JobServiceException(new ServiceError(
                429,
                429004,
                "ThrottlingMaxActiveJobCountExceeded",
                "Max number of active jobs (" + limit + ") reached for this hub's tier."));
    }

    public static JobServiceException badRequest(String message) {
        return new JobServiceException(ServiceError.argumentInvalid(message));
    }

    public static JobServiceException badFormat(String message) {
        return new JobServiceException(ServiceError.genericBadRequest(message));
    }

    public static JobServiceException deviceNotOnline(String id) {
        return new JobServiceException(new ServiceError(
                404, 404103, "DeviceNotOnline", "Timed out waiting for device " + id + " to connect."));
    }

    public static JobServiceException gatewayTimeout(String id, int seconds) {
        return new JobServiceException(new ServiceError(
                504,
                504101,
                "GatewayTimeout",
                "Timed out waiting for the response from device " + id + " after " + seconds + " seconds."));
    }

    public static JobServiceException notFound(String what) {
        return new JobServiceException(new ServiceError(404, 404000, "GenericNotFound", what));
    }

    public static JobServiceException methodNotAllowed(String what) {
        return new JobServiceException(new ServiceError(405, 405000, "GenericMethodNotAllowed", what));
    }

    public static JobServiceException tooLarge(long limit) {
        return new JobServiceException(ServiceError.messageTooLarge("The request body exceeds " + limit + " bytes."));
    }

    public static JobServiceException unavailable(String message) {
        return new JobServiceException(new ServiceError(500, 500001, "ServerError", message));
    }
}
