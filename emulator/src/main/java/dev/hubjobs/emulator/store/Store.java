package dev.hubjobs.emulator.store;

import java.util.List;
import java.util.Map;

/**
 * Where the emulator keeps devices, twins, jobs and per-device job results. Every change goes
 * through {@link #write}, one transaction, committed (and on disk) before it returns: the server
 * acknowledges a request only after that. Read while the hub opens; then written by one thread,
 * {@link GroupCommit}'s.
 */
public interface Store extends AutoCloseable {

    /** A device: its identity (registry JSON) and its twin (JSON), in creation order. */
    record DeviceRecord(String id, String identity, String twin) {}

    /** A job as last recorded; times in epoch milliseconds, -1 for "not yet". */
    record JobRecord(
            String id,
            String request,
            String status,
            long created,
            long started,
            long ended,
            String failureReason,
            String statusMessage) {}

    /** One device's part in a job: its twin id and, once it ended, its row (JSON), else null. */
    record TargetRecord(int index, String deviceId, String row) {}

    /** The changes of one transaction. */
    interface Tx {
        void putMeta(String key, String value);

        /** Adds or replaces a device, identity and twin. */
        void putDevice(String id, String identity, String twin);

        /** Replaces the twin of an existing device. */
        void putTwin(String id, String twin);

        void deleteDevice(String id);

        void putJob(JobRecord job);

        void putTargets(String jobId, List<String> deviceIds);

        void putRow(String jobId, int index, String row);
    }

    @FunctionalInterface
    interface Work {
        void run(Tx tx) throws Exception;
    }

    /** Runs {@code work} in one transaction and commits it; nothing of it is kept if it throws. */
    void write(Work work);

    Map<String, String> meta();

    List<DeviceRecord> devices();

    List<JobRecord> jobs();

    List<TargetRecord> targets(String jobId);

    /** Where the data lives, for the start-up banner. */
    String describe();

    @Override
    void close();
}
