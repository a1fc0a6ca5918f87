package dev.hubjobs.exec;

/**
 * The hub's device-operation throttle, which the jobs running at the same time share: the tier's
 * rate is a quota of the hub (service-facts A10, "Jobs device operations: 50/s/unit" on S3), not of
 * each job. Each device start takes the next slot; the jobs take them in the order the executor
 * processes them (the order they were created), so a job started while another is still starting
 * devices waits for its slots. How the service divides its quota between concurrent jobs is not
 * documented; taking turns in creation order is this executor's reading.
 *
 * <p>Slot {@code k} of a run of slots is {@link Throttle#startOffsetMillis(long) startOffsetMillis(k)}
 * after the run's first; a job ready later than the next slot starts a new run at its own time.
 * So one job alone gets exactly the schedule of its throttle, whatever the other jobs did before.
 */
final class DeviceSlots {

    private final Throttle throttle;
    /** When the current run of slots began, and how many of its slots are taken. */
    private long origin;

    private long taken;
    private boolean started;

    DeviceSlots(Throttle throttle) {
        this.throttle = throttle;
    }

    /** When a job ready since {@code ready} may start its next device. */
    long next(long ready) {
        if (throttle.unthrottled() || !started) {
            return ready;
        }
        return Math.max(ready, origin + throttle.startOffsetMillis(taken));
    }

    /** Takes the slot at {@code at}, which {@link #next} gave. */
    void take(long at) {
        if (throttle.unthrottled()) {
            return;
        }
        if (!started || origin + throttle.startOffsetMillis(taken) < at) {
            origin = at; // the throttle was idle: a new run of slots
            taken = 0;
            started = true;
        }
        taken++;
    }
}
