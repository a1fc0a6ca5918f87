package dev.hubjobs.exec;

import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.config.ValidatorConfig;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.eval.DeviceJobSource;
import dev.hubjobs.eval.QueryEngine;
import dev.hubjobs.eval.QueryResult;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.job.JobRequest;
import dev.hubjobs.job.JobType;
import dev.hubjobs.query.Query;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.Interner;
import dev.hubjobs.twin.TwinEdits;
import dev.hubjobs.twin.TwinJson;
import dev.hubjobs.twin.TwinObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

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

    static final long NEVER = Long.MAX_VALUE;
    /** Marks a module's index among the targets of a job: modules and devices are two lists. */
    static final int MODULE_BIT = 1 << 31;

    final VirtualClock clock;
    final Throttle throttle;
    /** The throttle's slots, shared by the running jobs. */
    final DeviceSlots slots;

    final DeviceBehaviour behaviour;
    final JobListener listener;
    private final JobValidator validator;
    final List<TwinObject> devices;
    final List<TwinObject> modules;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, JobRun> jobs = new LinkedHashMap<>();
    private final List<JobRun> order = new ArrayList<>();
    final TwinEdits edits = new TwinEdits(new Interner());
    final Times times = new Times();
    /** Targets (device index, or module index with {@link #MODULE_BIT}) of twins removed from the hub. */
    final java.util.Set<Integer> removed = new java.util.HashSet<>();

    private Fleet snapshot;

    private JobExecutor(Builder b) {
        this.clock = b.clock;
        this.throttle = b.throttle;
        this.slots = new DeviceSlots(b.throttle);
        this.behaviour = b.behaviour;
        this.listener = b.listener;
        this.validator = JobValidator.builder()
                .clock(b.clock)
                .config(ValidatorConfig.DEFAULT)
                .build();
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
     * What the service would make of a request, from one validation: {@code refusal} is the error
     * {@link #schedule} would refuse it with (a job id in use, then the service's own checks and the
     * validator's errors); {@code warnings} are the validator's findings the service accepts
     * (warnings and notes), for a log. A caller that enforces limits of its own (such as the number
     * of active jobs) asks this first, so that a malformed request gets its 400.
     */
    public record Review(Optional<ServiceError> refusal, List<Diagnostic> warnings) {}

    public Review review(JobRequest request) {
        if (request.jobId() != null && jobs.containsKey(request.jobId())) {
            return new Review(Optional.of(ServiceError.jobAlreadyExists(request.jobId())), List.of());
        }
        Optional<ServiceError> refused = RequestCheck.check(request);
        if (refused.isPresent()) {
            return new Review(refused, List.of());
        }
        ValidationResult validated = validator.validate(request);
        return new Review(
                RequestCheck.fromValidation(validated),
                validated.diagnostics().stream().filter(d -> !d.isError()).toList());
    }

    /**
     * Creates a job ({@code PUT /jobs/v2/{jobId}}): validated first, at the executor's clock.
     *
     * @throws JobServiceException with the service's error for a job it would refuse
     */
    public JobResponse schedule(JobRequest request) {
        Optional<ServiceError> refused = review(request).refusal();
        if (refused.isPresent()) {
            throw new JobServiceException(refused.get());
        }
        JobRun run = new JobRun(this, request, clock.millis());
        jobs.put(request.jobId(), run);
        order.add(run);
        run.announce();
        return run.response();
    }

    /**
     * Puts back a job recorded earlier (see {@link RestoredJob}), without validating it again. A
     * running job continues at the clock's current instant with the devices whose rows are not
     * recorded, at the throttle's rate from now; devices no longer in the hub fail with
     * {@code DeviceNotFound}.
     *
     * @throws IllegalArgumentException for a job id already present or an unknown status
     */
    public JobResponse restore(RestoredJob job) {
        String id = job.request().jobId();
        if (id == null || jobs.containsKey(id)) {
            throw new IllegalArgumentException("cannot restore job '" + id + "'");
        }
        JobRun run = new JobRun(this, job.request(), job.createdMillis());
        run.restore(job, clock.millis());
        jobs.put(id, run);
        order.add(run);
        return run.response();
    }

    /** Jobs queued, scheduled or running: what the service's limit on concurrent jobs counts. */
    public int activeJobCount() {
        int n = 0;
        for (JobRun run : order) {
            if (!run.status.isTerminal()) {
                n++;
            }
        }
        return n;
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
        JobRun run = find(jobId);
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
        int from = continuationToken == null ? 0 : PageToken.decode(continuationToken, filter, order.size());
        List<JobResponse> items = new ArrayList<>();
        int i = from;
        for (; i < order.size() && items.size() < size; i++) {
            JobRun run = order.get(i);
            if (run.matches(jobType, jobStatus)) {
                items.add(run.response());
            }
        }
        // A token only when another match exists: the SDKs page until the token is missing.
        boolean more = false;
        for (int j = i; j < order.size() && !more; j++) {
            more = order.get(j).matches(jobType, jobStatus);
        }
        return new JobPage(items, more ? Optional.of(PageToken.encode(i, filter)) : Optional.empty());
    }

    /** The device jobs of one job, in device order (the fleet order of the matched twins). */
    public List<DeviceJob> deviceJobs(String jobId) {
        JobRun run = find(jobId);
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
            for (int i = 0; i < devices.size(); i++) {
                if (removed.isEmpty() || !removed.contains(i)) {
                    all.add(devices.get(i));
                }
            }
            for (int i = 0; i < modules.size(); i++) {
                if (removed.isEmpty() || !removed.contains(i | MODULE_BIT)) {
                    all.add(modules.get(i));
                }
            }
            snapshot = Fleet.of(all);
        }
        return snapshot;
    }

    /** The current twin of a device ({@code deviceId}) or module ({@code deviceId/moduleId}). */
    public Optional<TwinObject> twin(String id) {
        Integer i = indexOfId(id);
        return i == null || removed.contains(i) ? Optional.empty() : Optional.of(twinAt(i));
    }

    /**
     * Adds a twin or replaces the twin with the same id (a twin changed through the registry, not
     * by a job). Jobs already running keep their targets; a replaced twin is what they see next.
     */
    public void putTwin(TwinObject twin) {
        String id = Fleet.id(twin);
        if (id == null) {
            throw new IllegalArgumentException("a twin needs a deviceId");
        }
        Integer i = indexOfId(id);
        if (i == null) {
            addTwin(twin);
            return;
        }
        removed.remove(i);
        replaceTwin(i, twin);
    }

    /**
     * Removes a twin from the hub: later queries and jobs do not see it, and a running job that
     * reaches it fails that device with {@code DeviceNotFound}. False if there was no such twin.
     */
    public boolean removeTwin(String id) {
        Integer i = indexOfId(id);
        if (i == null || !removed.add(i)) {
            return false;
        }
        snapshot = null;
        return true;
    }

    /** Adds a twin to the hub (a device or module created now); running jobs do not pick it up. */
    public void addTwin(TwinObject twin) {
        String id = Fleet.id(twin);
        if (id == null) {
            throw new IllegalArgumentException("a twin needs a deviceId");
        }
        Integer existing = indexOfId(id);
        if (existing != null && removed.contains(existing)) {
            removed.remove(existing);
            replaceTwin(existing, twin);
            return;
        }
        if (existing != null) {
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

    private JobRun find(String jobId) {
        JobRun run = jobId == null ? null : jobs.get(jobId);
        if (run == null) {
            throw new JobServiceException(ServiceError.jobNotFound(jobId));
        }
        return run;
    }

    Integer indexOfId(String id) {
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

    TwinObject twinAt(int target) {
        return (target & MODULE_BIT) == 0 ? devices.get(target) : modules.get(target & ~MODULE_BIT);
    }

    void replaceTwin(int target, TwinObject twin) {
        if ((target & MODULE_BIT) == 0) {
            devices.set(target, twin);
        } else {
            modules.set(target & ~MODULE_BIT, twin);
        }
        snapshot = null;
    }

    /** Configures an executor. */
    public static final class Builder {
        private final Fleet fleet;
        final VirtualClock clock;
        private Throttle throttle = Throttle.UNTHROTTLED;
        private DeviceBehaviour behaviour = DeviceBehaviour.ALWAYS_OK;
        private JobListener listener = JobListener.NONE;

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

        /** Who hears of job changes and ended device jobs; default nobody. */
        public Builder listener(JobListener listener) {
            this.listener = listener;
            return this;
        }

        public JobExecutor build() {
            return new JobExecutor(this);
        }
    }
}
