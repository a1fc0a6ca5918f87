package dev.hubjobs.exec;

/**
 * An error the service answers with: HTTP status, the six-digit {@code errorCode}, its name (the
 * {@code iothub-errorcode} header) and a message.
 */
public record ServiceError(int httpStatus, int code, String name, String message) {

    public static ServiceError genericBadRequest(String message) {
        return new ServiceError(400, 400000, "GenericBadRequest", message);
    }

    public static ServiceError argumentInvalid(String message) {
        return new ServiceError(400, 400004, "ArgumentInvalid", message);
    }

    public static ServiceError argumentNull(String message) {
        return new ServiceError(400, 400005, "ArgumentNull", message);
    }

    public static ServiceError jobNotFound(String jobId) {
        return new ServiceError(404, 404002, "JobNotFound", "Job with id '" + jobId + "' not found.");
    }

    public static ServiceError jobAlreadyExists(String jobId) {
        return new ServiceError(409, 409104, "JobAlreadyExists", "Job with id '" + jobId + "' already exists.");
    }

    public static ServiceError preconditionFailed(String message) {
        return new ServiceError(412, 412001, "PreconditionFailed", message);
    }

    public static ServiceError jobRunPreconditionFailed(String message) {
        return new ServiceError(412, 412003, "JobRunPreconditionFailed", message);
    }

    public static ServiceError messageTooLarge(String message) {
        return new ServiceError(413, 413001, "MessageTooLarge", message);
    }

    /** The legacy {@code Message} text: {@code ErrorCode:<Name>;<text>}. */
    public String legacyMessage() {
        return "ErrorCode:" + name + ";" + message;
    }

    @Override
    public String toString() {
        return httpStatus + " " + name + " (" + code + "): " + message;
    }
}
