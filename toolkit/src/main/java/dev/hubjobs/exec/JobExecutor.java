package dev.hubjobs.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.JobValidator;
import dev.hubjobs.config.ValidatorConfig;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.eval.CompileException;
import dev.hubjobs.eval.CompiledCondition;
import dev.hubjobs.eval.DeviceJobSource;
import dev.hubjobs.eval.QueryEngine;
import dev.hubjobs.eval.QueryResult;
import dev.hubjobs.job.CloudToDeviceMethod;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.job.JobRequest;
import dev.hubjobs.job.JobType;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.Query;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.query.Source;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.Interner;
import dev.hubjobs.twin.TwinEdits;
import dev.hubjobs.twin.TwinJson;
import dev.hubjobs.twin.TwinObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A reference implementation of IoT Hub jobs over an in-memory fleet, in virtual time.
 *
 * <p>Nothing happens by itself: state changes only in {@link #tick()}, {@link #step()},
 * {@link #runUntil(Instant)} and {@link #runToCompletion()}, which move the {@link VirtualClock}
 * from one event to the next. {@link #schedule}, {@link #get}, {@link #cancel}, {@link #list}
 * and {@link #deviceJobs} act at the clock's current instant without processing anything that is
 * due, so a test observes every state, and every run of the same calls gives the same result.
 *
 * <p>Lifecycle: {@code queued} on create; at the next processing, {@code scheduled} when
 * {@code startTime} is in the future, else {@code running}; at {@code running} the condition is
 * evaluated once (devices added later are not part of the job) and each matched device gets a
 * {@code pending} device job; devices are started at the {@link Throttle}'s rate; the job ends
 * {@code completed} when every device job has ended (even if some failed), {@code failed} for a
 * job-level error (the condition does not parse), or {@code cancelled}. When
 * {@code maxExecutionTimeInSeconds} elapses, devices still pending or running fail with
 * {@code JobRunTimeout} and the job completes; events at exactly the deadline are too late.
 * A job without {@code maxExecutionTimeInSeconds} has no deadline.
 *
 * <p>Twin jobs replace the executor's twins with patched copies ({@link #fleet()} and queries
 * see them; the {@link Fleet} given to the constructor is never changed). Not thread-safe.
 */
public final class JobExecutor {

    /** Largest page of {@link #list}; larger requests get this many. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final long NEVER = Long.MAX_VALUE;
    private static final int MODULE_BIT = 1 << 31;

    private final VirtualClock clock;
    private final Throttle throttle;
    private final DeviceBehaviour behaviour;
    private final JobValidator validator;
    private final List<TwinObject> devices;
    private final List<TwinObject> modules;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Run> jobs = new LinkedHashMap<>();
    private final List<Run> order = new ArrayList<>();
    private final TwinEdits edits = new TwinEdits(new Interner());
    private final Times times = new Times();
    private Fleet snapshot;

    private JobExecutor(Builder b) {
        this.clock = b.clock;
        this.throttle = b.throttle;
        this.behaviour = b.behaviour;
        this.validator = JobValidator.builder().clock(b.clock).config(ValidatorConfig.DEFAULT).build();
        this.devices = new ArrayList<>(b.fleet.devices());
        this.modules = new ArrayList<>(b.fleet.modules());
        this.snapshot = b.fleet;
    }

    public static Builder builder(Fleet fleet, VirtualClock clock) {
        return new Builder(fleet, clock);
    }

    public VirtualClock clock() {
        return clock;
    }

    public Throttle throttle() {
        return throttle;
    }

    // ---------------------------------------------------------------- the service's operations

    /**
     * Creates a job ({@code PUT /jobs/v2/{jobId}}): validated first, at the executor's clock.
     *
     * @throws JobServiceException with the service's error for a job it would refuse
     */
    public JobResponse schedule(JobRequest request) {
        if (request.jobId() != null && jobs.containsKey(request.jobId())) {
            throw new JobServiceException(ServiceError.jobAlreadyExists(request.jobId()));
        }
        Optional<ServiceError> refused = RequestCheck.check(request)
                .or(() -> RequestCheck.fromValidation(validator.validate(request)));
        if (refused.isPresent()) {
            throw new JobServiceException(refused.get());
        }
        Run run = new Run(request, clock.millis());
        jobs.put(request.jobId(), run);
        order.add(run);
        return run.response();
    }

    /** {@code GET /jobs/v2/{jobId}}. */
    public JobResponse get(String jobId) {
        return find(jobId).response();
    }

    /**
     * {@code POST /jobs/v2/{jobId}/cancel}: a queued, scheduled or running job becomes
     * {@code cancelled}; its unfinished device jobs become {@code canceled} (counted as failed).
     *
     * @throws JobServiceException {@code JobRunPreconditionFailed} for a job that has ended,
     *     {@code JobNotFound} for an unknown id
     */
    public JobResponse cancel(String jobId) {
        Run run = find(jobId);
        if (run.status.isTerminal()) {
            throw new JobServiceException(ServiceError.jobRunPreconditionFailed(
                    "Job '" + jobId + "' is " + run.status.wireName() + " and cannot be cancelled."));
        }
        run.cancel(clock.millis());
        return run.response();
    }

    /**
     * {@code GET /jobs/v2/query}: jobs in creation order, filtered by type and status (either may
     * be null), at most {@code pageSize} (null for the default of 100; more than 100 gives 100).
     *
     * @param continuationToken null for the first page, else the token of the previous page
     * @throws JobServiceException {@code ArgumentInvalid} for an unknown filter value, a page
     *     size below 1 or a token that is not one of this query's
     */
    public JobPage list(String jobType, String jobStatus, Integer pageSize, String continuationToken) {
        if (jobType != null && JobType.fromWire(jobType).isEmpty()) {
            throw new JobServiceException(ServiceError.argumentInvalid("unknown jobType '" + jobType + "'"));
        }
        if (jobStatus != null && JobStatus.fromWire(jobStatus) == null) {
            throw new JobServiceException(ServiceError.argumentInvalid("unknown jobStatus '" + jobStatus + "'"));
        }
        if (pageSize != null && pageSize < 1) {
            throw new JobServiceException(ServiceError.argumentInvalid("page size must be at least 1"));
        }
        int size = pageSize == null ? MAX_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
        String filter = (jobType == null ? "" : jobType) + "|" + (jobStatus == null ? "" : jobStatus);
        int from = continuationToken == null ? 0 : decodeToken(continuationToken, filter);
        List<JobResponse> items = new ArrayList<>();
        int i = from;
        for (; i < order.size() && items.size() < size; i++) {
            Run run = order.get(i);
            if (run.matches(jobType, jobStatus)) {
                items.add(run.response());
            }
        }
        // A token only when another match exists: the SDKs page until the token is missing.
        boolean more = false;
        for (int j = i; j < order.size() && !more; j++) {
            more = order.get(j).matches(jobType, jobStatus);
        }
        return new JobPage(items, more ? Optional.of(encodeToken(i, filter)) : Optional.empty());
    }

    /** The device jobs of one job, in device order (the fleet order of the matched twins). */
    public List<DeviceJob> deviceJobs(String jobId) {
        Run run = find(jobId);
        List<DeviceJob> rows = new ArrayList<>(run.count);
        for (int i = 0; i < run.count; i++) {
            rows.add(run.row(i));
        }
        return rows;
    }

    /** The rows of {@code FROM devices.jobs}: every device job of every job, jobs in creation order. */
    public DeviceJobSource deviceJobSource() {
        return () -> () -> new Iterator<>() {
            private final Interner interner = new Interner();
            private int job;
            private int device;

            @Override
            public boolean hasNext() {
                while (job < order.size() && device >= order.get(job).count) {
                    job++;
                    device = 0;
                }
                return job < order.size();
            }

            @Override
            public TwinObject next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                DeviceJob row = order.get(job).row(device++);
                return (TwinObject) TwinJson.fromJackson(JobJson.MAPPER.valueToTree(row), interner);
            }
        };
    }

    /** Runs a query ({@code FROM devices}, {@code devices.modules} or {@code devices.jobs}) on the current state. */
    public QueryResult query(Query query) {
        return new QueryEngine(fleet(), deviceJobSource()).run(query);
    }

    /** The twins as they are now, with every twin job's changes so far. */
    public Fleet fleet() {
        if (snapshot == null) {
            List<TwinObject> all = new ArrayList<>(devices.size() + modules.size());
            all.addAll(devices);
            all.addAll(modules);
            snapshot = Fleet.of(all);
        }
        return snapshot;
    }

    /** The current twin of a device ({@code deviceId}) or module ({@code deviceId/moduleId}). */
    public Optional<TwinObject> twin(String id) {
        Integer i = indexOfId(id);
        return i == null ? Optional.empty() : Optional.of(twinAt(i));
    }

    /** Adds a twin to the hub (a device or module created now); running jobs do not pick it up. */
    public void addTwin(TwinObject twin) {
        String id = Fleet.id(twin);
        if (id == null) {
            throw new IllegalArgumentException("a twin needs a deviceId");
        }
        if (indexOfId(id) != null) {
            throw new IllegalArgumentException("'" + id + "' already exists");
        }
        if (Fleet.moduleId(twin) == null) {
            devices.add(twin);
            index.put(id, devices.size() - 1);
        } else {
            modules.add(twin);
            index.put(id, (modules.size() - 1) | MODULE_BIT);
        }
        snapshot = null;
    }

    // ---------------------------------------------------------------- driving virtual time

    /** Processes everything due at the clock's current instant. */
    public void tick() {
        long now = clock.millis();
        for (int i = 0; i < order.size(); i++) {
            order.get(i).advance(now);
        }
    }

    /** The instant of the next event, if any job has one. */
    public Optional<Instant> nextEvent() {
        long next = nextEventMillis();
        return next == NEVER ? Optional.empty() : Optional.of(Instant.ofEpochMilli(next));
    }

    /**
     * Moves the clock to the next event (or stays, if something is due now) and processes
     * everything due then. False when no job has anything left to do.
     */
    public boolean step() {
        long next = nextEventMillis();
        if (next == NEVER) {
            return false;
        }
        if (next > clock.millis()) {
            clock.advanceTo(Instant.ofEpochMilli(next));
        }
        tick();
        return true;
    }

    /** Processes every event up to and including {@code until}, then leaves the clock there. */
    public void runUntil(Instant until) {
        long limit = until.toEpochMilli();
        while (nextEventMillis() <= limit) {
            step();
        }
        if (until.isAfter(clock.now())) {
            clock.advanceTo(until);
        }
    }

    /** Steps until every job has ended (scheduled jobs included: the clock jumps to their start). */
    public void runToCompletion() {
        while (step()) {
            // each step processes one instant
        }
    }

    private long nextEventMillis() {
        long next = NEVER;
        for (int i = 0; i < order.size(); i++) {
            next = Math.min(next, order.get(i).nextEvent());
        }
        return next;
    }

    // ---------------------------------------------------------------- internals

    private Run find(String jobId) {
        Run run = jobId == null ? null : jobs.get(jobId);
        if (run == null) {
            throw new JobServiceException(ServiceError.jobNotFound(jobId));
        }
        return run;
    }

    private Integer indexOfId(String id) {
        if (index.isEmpty()) {
            for (int i = 0; i < devices.size(); i++) {
                index.put(Fleet.id(devices.get(i)), i);
            }
            for (int i = 0; i < modules.size(); i++) {
                index.put(Fleet.id(modules.get(i)), i | MODULE_BIT);
            }
        }
        return index.get(id);
    }

    private TwinObject twinAt(int target) {
        return (target & MODULE_BIT) == 0 ? devices.get(target) : modules.get(target & ~MODULE_BIT);
    }

    private void replaceTwin(int target, TwinObject twin) {
        if ((target & MODULE_BIT) == 0) {
            devices.set(target, twin);
        } else {
            modules.set(target & ~MODULE_BIT, twin);
        }
        snapshot = null;
    }

    private static String encodeToken(int position, String filter) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1:" + position + ":" + filter).getBytes(StandardCharsets.UTF_8));
    }

    private int decodeToken(String token, String filter) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = text.split(":", 3);
            if (parts.length == 3 && parts[0].equals("v1") && parts[2].equals(filter)) {
                int position = Integer.parseInt(parts[1]);
                if (position >= 0 && position <= order.size()) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through: not a token of ours
        }
        throw new JobServiceException(ServiceError.argumentInvalid(
                "the continuation token is not valid for this query"));
    }

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

    /** A method call in flight: it ends at {@code end}. */
    private record InFlight(long end, int device) implements Comparable<InFlight> {
        @Override
        public int compareTo(InFlight o) {
            int c = Long.compare(end, o.end);
            return c != 0 ? c : Integer.compare(device, o.device);
        }
    }

    /** One job: its request, its state, and one compact slot per matched device. */
    private final class Run {
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
        int next;
        int pending;
        int running;
        int succeeded;
        int failed;
        long lastEvent;
        final PriorityQueue<InFlight> inFlight = new PriorityQueue<>();
        MergePatch patch;

        Run(JobRequest request, long created) {
            this.request = request;
            this.type = request.jobType().orElseThrow();
            this.created = created;
            this.requestedStart = request.startTime() == null ? NEVER
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
                        e = Math.min(e, slot(next));
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

        long slot(int device) {
            return started + throttle.startOffsetMillis(device);
        }

        /** Processes this job's events up to and including {@code now}. */
        void advance(long now) {
            if (status == JobStatus.QUEUED && created <= now) {
                if (requestedStart != NEVER && requestedStart > created) {
                    status = JobStatus.SCHEDULED;
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
            lastEvent = at;
            Optional<String> problem = selectTargets();
            if (problem.isPresent()) {
                status = JobStatus.FAILED;
                failureReason = problem.get();
                ended = at;
                return;
            }
            status = JobStatus.RUNNING;
            Long max = request.maxExecutionTimeInSeconds();
            if (max != null) {
                deadline = max > (NEVER - at) / 1000 ? NEVER : at + max * 1000;
            }
            state = new byte[count];
            error = new byte[count];
            begun = new boolean[count];
            endedAt = new long[count];
            pending = count;
            if (type == JobType.SCHEDULE_UPDATE_TWIN) {
                patch = MergePatch.compile(request.updateTwin(), edits);
            } else {
                outcomes = new DeviceJob.Outcome[count];
            }
            if (count == 0) {
                complete(at);
            }
        }

        /** Sets {@link #targets}; an error text when the condition cannot run (the job fails). */
        Optional<String> selectTargets() {
            String text = request.queryCondition();
            ParseResult<Condition> parsed = QueryParser.parseCondition(text);
            Optional<Diagnostic> firstError = parsed.diagnostics().stream().filter(Diagnostic::isError).findFirst();
            if (firstError.isPresent() || parsed.value().isEmpty()) {
                return Optional.of(parseFailure(firstError.map(d -> d.span().start()).orElse(0),
                        firstError.map(Diagnostic::message).orElse("the condition could not be read")));
            }
            Condition condition = parsed.get();
            if (condition.misplacedPrefix().isPresent()) {
                return Optional.of(parseFailure(condition.misplacedPrefix().get().start(),
                        "Unexpected character at input '" + text.substring(condition.misplacedPrefix().get().start(),
                                condition.misplacedPrefix().get().end()).split("\\s+")[0] + "'"));
            }
            if (condition.source() == Source.JOBS || !condition.groupBy().isEmpty()) {
                return Optional.of("The query condition must select devices or modules, without GROUP BY");
            }
            CompiledCondition where;
            try {
                where = condition.allDevices() || condition.expression().isEmpty()
                        ? CompiledCondition.all() : CompiledCondition.compile(condition.expression().get());
            } catch (CompileException e) {
                return Optional.of("SQL query could not be evaluated: " + e.getMessage());
            }
            boolean onModules = condition.source() == Source.MODULES;
            List<TwinObject> rows = onModules ? modules : devices;
            int[] matched = new int[Math.min(rows.size(), 1024)];
            int n = 0;
            for (int i = 0; i < rows.size(); i++) {
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
                long nextSlot = next < count ? slot(next) : NEVER;
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
            lastEvent = at;
            begun[device] = true;
            int target = targets[device];
            TwinObject twin = twinAt(target);
            pending--;
            if (type == JobType.SCHEDULE_UPDATE_TWIN) {
                TwinObject updated = patch.apply(twin, times.format(at));
                if (updated != twin) {
                    replaceTwin(target, updated);
                }
                end(device, COMPLETED, NO_ERROR, at);
                return;
            }
            CloudToDeviceMethod method = request.cloudToDeviceMethod();
            DeviceBehaviour.MethodResult result = behaviour.invoke(twin, method);
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
            if (succeeded + failed == count) {
                complete(at);
            }
        }

        void complete(long at) {
            status = JobStatus.COMPLETED;
            ended = at;
        }

        /** The deadline passed: whatever has not ended fails with JobRunTimeout; the job completes. */
        void timeOut() {
            long at = deadline;
            int timedOut = pending + running;
            inFlight.clear();
            for (int d = 0; d < count; d++) {
                if (state[d] == PENDING || state[d] == RUNNING) {
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
            complete(at);
        }

        void cancel(long at) {
            if (status == JobStatus.RUNNING) {
                for (int d = 0; d < count; d++) {
                    if (state[d] == PENDING || state[d] == RUNNING) {
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
        }

        DeviceJobStatistics statistics() {
            return new DeviceJobStatistics(count, failed, succeeded, running, pending);
        }

        JobResponse response() {
            long shownStart = requestedStart != NEVER ? requestedStart : started;
            CloudToDeviceMethod method = request.cloudToDeviceMethod();
            ObjectNode patchEcho = request.updateTwin();
            return new JobResponse(request.jobId(), type.wireName(), status.wireName(), request.queryCondition(),
                    Times.formatOnce(created), shownStart == NEVER ? null : Times.formatOnce(shownStart),
                    ended == NEVER ? null : Times.formatOnce(ended), request.maxExecutionTimeInSeconds(),
                    type == JobType.SCHEDULE_DEVICE_METHOD ? method : null,
                    type == JobType.SCHEDULE_UPDATE_TWIN ? patchEcho == null ? null : patchEcho.deepCopy() : null,
                    failureReason, statusMessage, statistics());
        }

        DeviceJob row(int d) {
            TwinObject twin = twinAt(targets[d]);
            String createdAt = Times.formatOnce(started);
            String startedAt = begun[d] ? Times.formatOnce(slot(d)) : null;
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
            return new DeviceJob(Fleet.deviceId(twin), Fleet.moduleId(twin), request.jobId(), type.wireName(),
                    status.wireName(), createdAt, startedAt, endedAtText, updated, outcome, err);
        }

        DeviceJob.Error errorOf(byte why) {
            CloudToDeviceMethod method = request.cloudToDeviceMethod();
            switch (why) {
                case TIMEOUT:
                    return new DeviceJob.Error("JobRunTimeout",
                            "The job did not reach this device within maxExecutionTimeInSeconds");
                case NOT_ONLINE:
                    return new DeviceJob.Error("DeviceNotOnline", "Timed out waiting for device to connect");
                case GATEWAY_TIMEOUT:
                    return new DeviceJob.Error("GatewayTimeout", "Timed out waiting for the response from device "
                            + "after " + method.effectiveResponseTimeout() + " seconds");
                default:
                    return null;
            }
        }
    }

    /** Configures an executor. */
    public static final class Builder {
        private final Fleet fleet;
        private final VirtualClock clock;
        private Throttle throttle = Throttle.UNTHROTTLED;
        private DeviceBehaviour behaviour = DeviceBehaviour.ALWAYS_OK;

        private Builder(Fleet fleet, VirtualClock clock) {
            this.fleet = fleet;
            this.clock = clock;
        }

        /** How fast devices are processed; default unthrottled. */
        public Builder throttle(Throttle throttle) {
            this.throttle = throttle;
            return this;
        }

        /** How devices answer direct methods; default every device answers 200 at once. */
        public Builder behaviour(DeviceBehaviour behaviour) {
            this.behaviour = behaviour;
            return this;
        }

        public JobExecutor build() {
            return new JobExecutor(this);
        }
    }
}
