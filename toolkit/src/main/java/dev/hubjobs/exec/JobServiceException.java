package dev.hubjobs.exec;

/** A request the service would refuse; {@link #error()} is what it would answer. */
public final class JobServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ServiceError error;

    public JobServiceException(ServiceError error) {
        super(error.toString(), null, false, false); // an expected answer, not a bug: no stack trace
        this.error = error;
    }

    public ServiceError error() {
        return error;
    }
}
