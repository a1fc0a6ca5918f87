package dev.hubjobs.exec;

import dev.hubjobs.job.JobRequest;
import java.util.List;

/**
 * A job as its owner recorded it through a {@link JobListener}, given back to a new executor
 * with {@link JobExecutor#restore}: a job that was running continues with the devices that had not
 * ended; a device whose row is recorded is never run again.
 *
 * @param status the job's last recorded status (wire name)
 * @param startedMillis when it started running, or -1
 * @param endedMillis when it ended, or -1
 * @param targetIds the matched twins in device order (empty before the job ran)
 * @param endedRows per target, the recorded row of a device job that ended, or null
 */
public record RestoredJob(
        JobRequest request,
        String status,
        long createdMillis,
        long startedMillis,
        long endedMillis,
        String failureReason,
        String statusMessage,
        List<String> targetIds,
        List<DeviceJob> endedRows) {

    public RestoredJob {
        if (targetIds.size() != endedRows.size()) {
            throw new IllegalArgumentException("one row (or null) per target");
        }
    }
}
