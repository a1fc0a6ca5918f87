package dev.hubjobs.exec;

import dev.hubjobs.twin.TwinObject;
import java.util.List;

/**
 * What a {@link JobExecutor} tells its owner as jobs progress, so that the owner can record each
 * change durably (the emulator writes every event of one {@link JobExecutor#tick()} in one
 * transaction). Called on the executor's thread, inside the operation that made the change.
 */
public interface JobListener {

    /** Hears nothing. */
    JobListener NONE = new JobListener() {};

    /** A job was created or changed status (queued, scheduled, running, completed, failed, cancelled). */
    default void jobChanged(JobResponse job, long createdMillis, long startedMillis) {}

    /** The job started running and its condition matched these twins (ids as {@link dev.hubjobs.twin.Fleet#id}), in device order. */
    default void targetsSelected(String jobId, List<String> targetIds) {}

    /**
     * One device job ended (completed, failed or canceled). {@code twin} is the device's twin
     * after a twin job changed it, else null.
     */
    default void deviceJobEnded(String jobId, int index, DeviceJob row, TwinObject twin) {}
}
