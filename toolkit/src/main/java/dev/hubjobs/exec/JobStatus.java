package dev.hubjobs.exec;

/** Job-level status, with the exact strings the service (and the Java SDK's {@code valueOf}) use. */
public enum JobStatus {
    QUEUED("queued"),
    SCHEDULED("scheduled"),
    RUNNING("running"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String wire;

    JobStatus(String wire) {
        this.wire = wire;
    }

    public String wireName() {
        return wire;
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** The status with exactly this wire name, or null. */
    public static JobStatus fromWire(String name) {
        for (JobStatus s : values()) {
            if (s.wire.equals(name)) {
                return s;
            }
        }
        return null;
    }
}
