package dev.hubjobs.exec;

/**
 * Counts over a job's device jobs. Always {@code deviceCount = pending + running + succeeded +
 * failed}; cancelled device jobs count as failed.
 */
public record DeviceJobStatistics(
        int deviceCount, int failedCount, int succeededCount, int runningCount, int pendingCount) {

    public static final DeviceJobStatistics EMPTY = new DeviceJobStatistics(0, 0, 0, 0, 0);

    public boolean consistent() {
        return deviceCount == pendingCount + runningCount + succeededCount + failedCount
                && pendingCount >= 0
                && runningCount >= 0
                && succeededCount >= 0
                && failedCount >= 0;
    }
}
