package dev.hubjobs.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.eval.CompileException;
import dev.hubjobs.eval.CompiledCondition;
import dev.hubjobs.job.CloudToDeviceMethod;
import dev.hubjobs.job.JobRequest;
import dev.hubjobs.job.JobType;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.query.Source;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.TwinObject;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * One job in a {@link JobExecutor}: its request, its state machine ({@code queued}, {@code scheduled},
 * {@code running}, then {@code completed}, {@code failed} or {@code cancelled}) and one compact slot
 * per matched device, one byte of state each. The executor drives it in virtual time; the twins it
 * reads and changes are the executor's.
 */
final class JobRun {

    private static final long NEVER = JobExecutor.NEVER;
    private static final int MODULE_BIT = JobExecutor.MODULE_BIT;

    // Device job states, stored one byte per device.
    private static final byte PENDING = 0;
    private static final byte RUNNING = 1;
    private static final byte COMPLETED = 2;
    private static final byte FAILED = 3;
    private static final byte CANCELED = 4;

    // Why a device job failed.
    private static final byte NO_ERROR = 0;
    private static final byte TIMEOUT = 1;
    private static final byte NOT_ONLINE = 2;
    private static final byte GATEWAY_TIMEOUT = 3;
    private static final byte NOT_FOUND = 4;

    /** A method call in flight: it ends at {@code end}. */
    private record InFlight(long end, int device) implements Comparable<InFlight> {
        @Override
        public int compareTo(InFlight o) {
            int c = Long.compare(end, o.end);
            return c != 0 ? c : Integer.compare(device, o.device);
        }
    }

    private final JobExecutor hub;
    final JobRequest request;
    final JobType type;
    final long created;
    final long requestedStart;
    JobStatus status = JobStatus.QUEUED;
    long started = NEVER;
    long ended = NEVER;
    long deadline = NEVER;
    String failureReason;
    String statusMessage;

    int[] targets = new int[0];
    int count;
    byte[] state;
    byte[] error;
    boolean[] begun;
    long[] endedAt;
    DeviceJob.Outcome[] outcomes;
    /** Rows of device jobs that ended before a {@link JobExecutor#restore}, else null. */
    DeviceJob[] restoredRows;
    /** When this job is ready to start devices: its start, or when it was restored. */
    long readyAt;
    /** When each begun device started (for a device whose row was restored, unused). */
    long[] startedMillis;

    int next;
    int pending;
    int running;
    int succeeded;
    int failed;
    long lastEvent;
    final PriorityQueue<InFlight> inFlight = new PriorityQueue<>();
    MergePatch patch;

    JobRun(JobExecutor hub, JobRequest request, long created) {
        this.hub = hub;
        this.request = request;
        this.type = request.jobType().orElseThrow();
        this.created = created;
        this.requestedStart = request.startTime() == null
                ? NEVER
                : Times.parse(request.startTime()).orElseThrow().toEpochMilli();
    }

    boolean matches(String jobType, String jobStatus) {
        return (jobType == null || jobType.equals(type.wireName()))
                && (jobStatus == null || jobStatus.equals(status.wireName()));
    }

    long nextEvent() {
        switch (status) {
            case QUEUED:
                return created;
            case SCHEDULED:
                return requestedStart;
            case RUNNING: {
                long e = deadline;
                if (next < count) {
                    e = Math.min(e, hub.slots.next(readyAt));
                }
                if (!inFlight.isEmpty()) {
                    e = Math.min(e, inFlight.peek().end);
                }
                return e;
            }
            default:
                return NEVER;
        }
    }

    /** Tells the listener of this job's state. */
    void announce() {
        if (hub.listener != JobListener.NONE) {
            hub.listener.jobChanged(response(), created, started == NEVER ? -1 : started);
        }
    }

    /** Processes this job's events up to and including {@code now}. */
    void advance(long now) {
        if (status == JobStatus.QUEUED && created <= now) {
            if (requestedStart != NEVER && requestedStart > created) {
                status = JobStatus.SCHEDULED;
                announce();
            } else {
                start(created);
            }
        }
        if (status == JobStatus.SCHEDULED && requestedStart <= now) {
            start(requestedStart);
        }
        if (status == JobStatus.RUNNING) {
            runDevices(now);
        }
    }

    /** The job starts: the condition is evaluated once, over the fleet as it is now. */
    void start(long at) {
        started = at;
        readyAt = at;
        lastEvent = at;
        Optional<String> problem = selectTargets();
        if (problem.isPresent()) {
            status = JobStatus.FAILED;
            failureReason = problem.get();
            ended = at;
            announce();
            return;
        }
        status = JobStatus.RUNNING;
        if (hub.listener != JobListener.NONE) {
            List<String> ids = new java.util.ArrayList<>(count);
            for (int d = 0; d < count; d++) {
                ids.add(Fleet.id(hub.twinAt(targets[d])));
            }
            hub.listener.targetsSelected(request.jobId(), ids);
        }
        Long max = request.maxExecutionTimeInSeconds();
        if (max != null) {
            deadline = max > (NEVER - at) / 1000 ? NEVER : at + max * 1000;
        }
        state = new byte[count];
        error = new byte[count];
        begun = new boolean[count];
        startedMillis = new long[count];
        endedAt = new long[count];
        pending = count;
        if (type == JobType.SCHEDULE_UPDATE_TWIN) {
            patch = MergePatch.compile(request.updateTwin(), hub.edits);
        } else {
            outcomes = new DeviceJob.Outcome[count];
        }
        if (count == 0) {
            complete(at);
        } else {
            announce();
        }
    }

    /** Puts this job back as it was recorded; see {@link JobExecutor#restore}. */
    void restore(RestoredJob job, long now) {
        JobStatus recorded = JobStatus.fromWire(job.status());
        if (recorded == null) {
            throw new IllegalArgumentException("unknown job status '" + job.status() + "'");
        }
        failureReason = job.failureReason();
        statusMessage = job.statusMessage();
        if (recorded == JobStatus.QUEUED || recorded == JobStatus.SCHEDULED) {
            status = recorded; // advance() starts it when due
            return;
        }
        started = job.startedMillis() < 0 ? created : job.startedMillis();
        lastEvent = started;
        ended = job.endedMillis() < 0 ? NEVER : job.endedMillis();
        count = job.targetIds().size();
        targets = new int[count];
        state = new byte[count];
        error = new byte[count];
        begun = new boolean[count];
        startedMillis = new long[count];
        endedAt = new long[count];
        restoredRows = new DeviceJob[count];
        if (type == JobType.SCHEDULE_DEVICE_METHOD) {
            outcomes = new DeviceJob.Outcome[count];
        } else {
            patch = MergePatch.compile(request.updateTwin(), hub.edits);
        }
        int firstOpen = -1;
        for (int d = 0; d < count; d++) {
            String id = job.targetIds().get(d);
            Integer target = hub.indexOfId(id);
            DeviceJob row = job.endedRows().get(d);
            if (row == null && (target == null || hub.removed.contains(target))) {
                int slash = id.indexOf('/');
                row = new DeviceJob(
                        slash < 0 ? id : id.substring(0, slash),
                        slash < 0 ? null : id.substring(slash + 1),
                        request.jobId(),
                        type.wireName(),
                        DeviceJobStatus.FAILED.wireName(),
                        Times.formatOnce(started),
                        null,
                        Times.formatOnce(now),
                        Times.formatOnce(now),
                        null,
                        errorOf(NOT_FOUND));
            }
            targets[d] = target == null ? -1 : target;
            if (row == null) {
                pending++;
                if (firstOpen < 0) {
                    firstOpen = d;
                }
                continue;
            }
            restoredRows[d] = row;
            begun[d] = true;
            switch (row.deviceJobStatus()) {
                case COMPLETED -> {
                    state[d] = COMPLETED;
                    succeeded++;
                }
                case CANCELED -> {
                    state[d] = CANCELED;
                    failed++;
                }
                default -> {
                    state[d] = FAILED;
                    failed++;
                }
            }
        }
        status = recorded;
        if (status != JobStatus.RUNNING) {
            // A job that had ended: devices without a row were never reached.
            pending = 0;
            next = count;
            return;
        }
        Long max = request.maxExecutionTimeInSeconds();
        if (max != null) {
            deadline = max > (NEVER - started) / 1000 ? NEVER : started + max * 1000;
        }
        next = firstOpen < 0 ? count : firstOpen;
        readyAt = Math.max(now, started);
        if (succeeded + failed == count) {
            complete(Math.max(now, started));
        }
    }

    /** Sets {@link #targets}; an error text when the condition cannot run (the job fails). */
    Optional<String> selectTargets() {
        String text = request.queryCondition();
        ParseResult<Condition> parsed = QueryParser.parseCondition(text);
        Optional<Diagnostic> firstError =
                parsed.diagnostics().stream().filter(Diagnostic::isError).findFirst();
        if (firstError.isPresent() || parsed.value().isEmpty()) {
            return Optional.of(parseFailure(
                    firstError.map(d -> d.span().start()).orElse(0),
                    firstError.map(Diagnostic::message).orElse("the condition could not be read")));
        }
        Condition condition = parsed.get();
        if (condition.misplacedPrefix().isPresent()) {
            return Optional.of(parseFailure(
                    condition.misplacedPrefix().get().start(),
                    "Unexpected character at input '"
                            + text.substring(
                                            condition.misplacedPrefix().get().start(),
                                            condition.misplacedPrefix().get().end())
                                    .split("\\s+")[0]
                            + "'"));
        }
        if (condition.source() == Source.JOBS || !condition.groupBy().isEmpty()) {
            return Optional.of("The query condition must select devices or modules, without GROUP BY");
        }
        CompiledCondition where;
        try {
            where = condition.allDevices() || condition.expression().isEmpty()
                    ? CompiledCondition.all()
                    : CompiledCondition.compile(condition.expression().get());
        } catch (CompileException e) {
            return Optional.of("SQL query could not be evaluated: " + e.getMessage());
        }
        boolean onModules = condition.source() == Source.MODULES;
        List<TwinObject> rows = onModules ? hub.modules : hub.devices;
        int[] matched = new int[Math.min(rows.size(), 1024)];
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!hub.removed.isEmpty() && hub.removed.contains(onModules ? i | MODULE_BIT : i)) {
                continue;
            }
            if (where.test(rows.get(i))) {
                if (n == matched.length) {
                    matched = java.util.Arrays.copyOf(matched, Math.min(rows.size(), n * 2));
                }
                matched[n++] = onModules ? i | MODULE_BIT : i;
            }
        }
        targets = n == matched.length ? matched : java.util.Arrays.copyOf(matched, n);
        count = n;
        return Optional.empty();
    }

    /** The service's wording: it prefixes 28 characters ({@code SELECT * FROM devices WHERE }). */
    String parseFailure(int offset, String message) {
        return "SQL query parse failed due to following errors: Line 1:" + (29 + offset) + " " + message;
    }

    void runDevices(long now) {
        while (status == JobStatus.RUNNING) {
            while (next < count && begun[next]) {
                next++; // ended before a restore
            }
            long nextSlot = next < count ? hub.slots.next(readyAt) : NEVER;
            long nextDone = inFlight.isEmpty() ? NEVER : inFlight.peek().end;
            long e = Math.min(nextSlot, nextDone);
            if (deadline <= e) {
                if (deadline > now) {
                    return;
                }
                timeOut();
                return;
            }
            if (e > now) {
                return;
            }
            if (nextDone <= nextSlot) {
                InFlight f = inFlight.poll();
                finishCall(f.device(), f.end());
            } else {
                startDevice(next++, nextSlot);
            }
        }
    }

    void startDevice(int device, long at) {
        hub.slots.take(at);
        lastEvent = at;
        begun[device] = true;
        startedMillis[device] = at;
        int target = targets[device];
        pending--;
        if (target < 0 || hub.removed.contains(target)) {
            end(device, FAILED, NOT_FOUND, at);
            return;
        }
        TwinObject twin = hub.twinAt(target);
        if (type == JobType.SCHEDULE_UPDATE_TWIN) {
            TwinObject updated = patch.apply(twin, hub.times.format(at));
            if (updated != twin) {
                hub.replaceTwin(target, updated);
            }
            end(device, COMPLETED, NO_ERROR, at);
            return;
        }
        CloudToDeviceMethod method = request.cloudToDeviceMethod();
        DeviceBehaviour.MethodResult result = hub.behaviour.invoke(twin, method);
        long end;
        if (result instanceof DeviceBehaviour.Response r) {
            long latency = r.latency().toMillis();
            long limit = method.effectiveResponseTimeout() * 1000L;
            if (latency > limit) {
                error[device] = GATEWAY_TIMEOUT;
                end = at + limit;
            } else {
                outcomes[device] = new DeviceJob.Outcome(new DeviceJob.MethodResponse(r.status(), r.payload()));
                end = at + latency;
            }
        } else {
            error[device] = NOT_ONLINE;
            end = at + method.effectiveConnectTimeout() * 1000L;
        }
        state[device] = RUNNING;
        running++;
        inFlight.add(new InFlight(end, device));
    }

    void finishCall(int device, long at) {
        running--;
        end(device, error[device] == NO_ERROR ? COMPLETED : FAILED, error[device], at);
    }

    /** Ends one device job ({@code pending} or {@code running} already decremented). */
    void end(int device, byte outcome, byte why, long at) {
        state[device] = outcome;
        error[device] = why;
        endedAt[device] = at;
        lastEvent = at;
        if (outcome == COMPLETED) {
            succeeded++;
        } else {
            failed++;
        }
        if (hub.listener != JobListener.NONE) {
            int target = targets[device];
            TwinObject twin = type == JobType.SCHEDULE_UPDATE_TWIN && outcome == COMPLETED ? hub.twinAt(target) : null;
            hub.listener.deviceJobEnded(request.jobId(), device, row(device), twin);
        }
        if (succeeded + failed == count) {
            complete(at);
        }
    }

    void complete(long at) {
        status = JobStatus.COMPLETED;
        ended = at;
        announce();
    }

    /** Tells the listener of device jobs that {@link #timeOut} or {@link #cancel} just ended. */
    private void announceEnded(boolean[] ending) {
        if (hub.listener == JobListener.NONE) {
            return;
        }
        for (int d = 0; d < count; d++) {
            if (ending[d]) {
                hub.listener.deviceJobEnded(request.jobId(), d, row(d), null);
            }
        }
    }

    /** The deadline passed: whatever has not ended fails with JobRunTimeout; the job completes. */
    void timeOut() {
        long at = deadline;
        int timedOut = pending + running;
        inFlight.clear();
        boolean[] ending = new boolean[count];
        for (int d = 0; d < count; d++) {
            if (state[d] == PENDING || state[d] == RUNNING) {
                ending[d] = true;
                if (state[d] == RUNNING) {
                    outcomes[d] = null;
                }
                state[d] = FAILED;
                error[d] = TIMEOUT;
                endedAt[d] = at;
            }
        }
        failed += timedOut;
        pending = 0;
        running = 0;
        next = count;
        statusMessage = timedOut + " device(s) did not finish within maxExecutionTimeInSeconds ("
                + request.maxExecutionTimeInSeconds() + ")";
        announceEnded(ending);
        complete(at);
    }

    void cancel(long at) {
        boolean[] ending = new boolean[count];
        if (status == JobStatus.RUNNING) {
            for (int d = 0; d < count; d++) {
                if (state[d] == PENDING || state[d] == RUNNING) {
                    ending[d] = true;
                    if (state[d] == RUNNING && outcomes != null) {
                        outcomes[d] = null;
                    }
                    state[d] = CANCELED;
                    error[d] = NO_ERROR;
                    endedAt[d] = at;
                }
            }
            failed += pending + running;
            pending = 0;
            running = 0;
            next = count;
            inFlight.clear();
        }
        status = JobStatus.CANCELLED;
        ended = at;
        announceEnded(ending);
        announce();
    }

    DeviceJobStatistics statistics() {
        return new DeviceJobStatistics(count, failed, succeeded, running, pending);
    }

    JobResponse response() {
        long shownStart = requestedStart != NEVER ? requestedStart : started;
        CloudToDeviceMethod method = request.cloudToDeviceMethod();
        ObjectNode patchEcho = request.updateTwin();
        return new JobResponse(
                request.jobId(),
                type.wireName(),
                status.wireName(),
                request.queryCondition(),
                Times.formatOnce(created),
                shownStart == NEVER ? null : Times.formatOnce(shownStart),
                ended == NEVER ? null : Times.formatOnce(ended),
                request.maxExecutionTimeInSeconds(),
                type == JobType.SCHEDULE_DEVICE_METHOD ? method : null,
                type == JobType.SCHEDULE_UPDATE_TWIN ? patchEcho == null ? null : patchEcho.deepCopy() : null,
                failureReason,
                statusMessage,
                statistics());
    }

    DeviceJob row(int d) {
        if (restoredRows != null && restoredRows[d] != null) {
            return restoredRows[d];
        }
        TwinObject twin = hub.twinAt(targets[d]);
        String createdAt = Times.formatOnce(started);
        String startedAt = begun[d] ? Times.formatOnce(startedMillis[d]) : null;
        byte s = state[d];
        boolean terminal = s == COMPLETED || s == FAILED || s == CANCELED;
        String endedAtText = terminal ? Times.formatOnce(endedAt[d]) : null;
        String updated = endedAtText != null ? endedAtText : startedAt != null ? startedAt : createdAt;
        DeviceJobStatus status = switch (s) {
            case PENDING -> DeviceJobStatus.PENDING;
            case RUNNING -> DeviceJobStatus.RUNNING;
            case COMPLETED -> DeviceJobStatus.COMPLETED;
            case FAILED -> DeviceJobStatus.FAILED;
            default -> DeviceJobStatus.CANCELED;
        };
        DeviceJob.Outcome outcome = s == COMPLETED && outcomes != null ? outcomes[d] : null;
        DeviceJob.Error err = s == FAILED ? errorOf(error[d]) : null;
        return new DeviceJob(
                Fleet.deviceId(twin),
                Fleet.moduleId(twin),
                request.jobId(),
                type.wireName(),
                status.wireName(),
                createdAt,
                startedAt,
                endedAtText,
                updated,
                outcome,
                err);
    }

    DeviceJob.Error errorOf(byte why) {
        CloudToDeviceMethod method = request.cloudToDeviceMethod();
        switch (why) {
            case TIMEOUT:
                return new DeviceJob.Error(
                        "JobRunTimeout", "The job did not reach this device within maxExecutionTimeInSeconds");
            case NOT_ONLINE:
                return new DeviceJob.Error("DeviceNotOnline", "Timed out waiting for device to connect");
            case NOT_FOUND:
                return new DeviceJob.Error(
                        "DeviceNotFound", "The device was removed from the hub before the job reached it");
            case GATEWAY_TIMEOUT:
                return new DeviceJob.Error(
                        "GatewayTimeout",
                        "Timed out waiting for the response from device " + "after " + method.effectiveResponseTimeout()
                                + " seconds");
            default:
                return null;
        }
    }
}
