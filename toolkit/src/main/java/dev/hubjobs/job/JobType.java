package dev.hubjobs.job;

import java.util.Optional;

/** The two job types the service schedules, with their exact wire names. */
public enum JobType {
    SCHEDULE_DEVICE_METHOD("scheduleDeviceMethod"),
    SCHEDULE_UPDATE_TWIN("scheduleUpdateTwin");

    private final String wireName;

    JobType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    private static final JobType[] VALUES = values(); // values() copies its array on every call

    /** The type with exactly this wire name (the service is case-sensitive). */
    public static Optional<JobType> fromWire(String name) {
        for (JobType t : VALUES) {
            if (t.wireName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
