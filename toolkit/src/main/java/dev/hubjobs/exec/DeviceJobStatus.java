package dev.hubjobs.exec;

/**
 * Per-device status of a job. Note {@code canceled} with one L, unlike the job-level
 * {@code cancelled}: that is how the service spells them.
 */
public enum DeviceJobStatus {
    PENDING("pending"),
    SCHEDULED("scheduled"),
    RUNNING("running"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELED("canceled");

    private final String wire;

    DeviceJobStatus(String wire) {
        this.wire = wire;
    }

    public String wireName() {
        return wire;
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }
}
