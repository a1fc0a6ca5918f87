package dev.hubjobs.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubjobs.job.JobRequest;
import dev.hubjobs.job.JobType;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.TwinJson;
import dev.hubjobs.twin.TwinObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job simulated on a copy of a fleet in virtual time: which devices it matches, what it
 * changes on each (or what each answers), the final statistics, and how long it takes at a tier
 * compared with {@code maxExecutionTimeInSeconds}. The fleet given is never changed.
 */
public final class DryRun {

    private DryRun() {}

    /** One changed leaf of a twin: {@code before} or {@code after} is null when absent. */
    public record PathChange(String path, JsonNode before, JsonNode after) {}

    /** What a twin job changes on one device (or module: {@code id} is then {@code deviceId/moduleId}). */
    public record DeviceChange(String id, List<PathChange> changes) {
        public DeviceChange {
            changes = List.copyOf(changes);
        }
    }

    /**
     * The start-rate estimate: {@code seconds} to start every matched device at the throttle
     * (0 when unthrottled), how many start within {@code maxExecutionTimeInSeconds} (all when
     * there is none), and how many would fail with {@code JobRunTimeout}.
     */
    public record Estimate(
            Throttle throttle, double seconds, Long maxExecutionTimeInSeconds, long devicesInTime, long timedOut) {
        public boolean withinLimit() {
            return timedOut == 0;
        }
    }

    /**
     * @param refused the service's answer when it would refuse the job (nothing else is set then)
     * @param matchedIds the first {@code limit} matched ids, in fleet order
     * @param changes twin jobs: the first {@code limit} devices' changes
     * @param deviceJobs the first {@code limit} device-job rows (method outcomes and errors)
     * @param simulated from the job's start to its end in virtual time
     */
    public record Result(
            JobRequest request,
            Optional<ServiceError> refused,
            int fleetSize,
            int matchedCount,
            List<String> matchedIds,
            List<DeviceChange> changes,
            List<DeviceJob> deviceJobs,
            JobResponse job,
            Estimate estimate,
            Duration simulated) {}

    /** The id a job without {@code jobId} runs under, standing in for the request path's. */
    public static final String DRY_RUN_JOB_ID = "dry-run";

    public static Result run(
            JobRequest request, Fleet fleet, DeviceBehaviour behaviour, Throttle throttle, Instant now, int limit) {
        if (request.jobId() == null) {
            // The service takes the id from the request path; a body may leave it out.
            request = request.withJobId(DRY_RUN_JOB_ID);
        }
        VirtualClock clock = new VirtualClock(now);
        JobExecutor executor = JobExecutor.builder(fleet, clock)
                .throttle(throttle)
                .behaviour(behaviour)
                .build();
        try {
            executor.schedule(request);
        } catch (JobServiceException e) {
            return new Result(
                    request,
                    Optional.of(e.error()),
                    fleet.devices().size(),
                    0,
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    null,
                    Duration.ZERO);
        }
        executor.runToCompletion();
        JobResponse job = executor.get(request.jobId());
        List<DeviceJob> rows = executor.deviceJobs(request.jobId());
        boolean modules = rows.stream().anyMatch(r -> r.moduleId() != null);
        List<String> ids = new ArrayList<>();
        List<DeviceChange> changes = new ArrayList<>();
        Map<String, TwinObject> before = limit > 0 && request.jobType().orElse(null) == JobType.SCHEDULE_UPDATE_TWIN
                ? byId(fleet, rows, limit)
                : Map.of();
        for (int i = 0; i < rows.size() && i < limit; i++) {
            DeviceJob row = rows.get(i);
            String id = row.moduleId() == null ? row.deviceId() : row.deviceId() + "/" + row.moduleId();
            ids.add(id);
            TwinObject old = before.get(id);
            if (old != null) {
                changes.add(new DeviceChange(id, diff(old, executor.twin(id).orElse(old))));
            }
        }
        long count = rows.size();
        Long max = request.maxExecutionTimeInSeconds();
        long inTime = max == null ? count : Math.min(count, throttle.devicesStartedWithin(max * 1000));
        Estimate estimate = new Estimate(throttle, throttle.estimatedSeconds(count), max, inTime, count - inTime);
        Duration simulated = job.startTime() == null || job.endTime() == null
                ? Duration.ZERO
                : Duration.between(Instant.parse(job.startTime()), Instant.parse(job.endTime()));
        return new Result(
                request,
                Optional.empty(),
                modules ? fleet.modules().size() : fleet.devices().size(),
                rows.size(),
                ids,
                changes,
                rows.subList(0, Math.min(limit, rows.size())),
                job,
                estimate,
                simulated.isNegative() ? Duration.ZERO : simulated);
    }

    private static Map<String, TwinObject> byId(Fleet fleet, List<DeviceJob> rows, int limit) {
        Map<String, TwinObject> wanted = new LinkedHashMap<>();
        for (int i = 0; i < rows.size() && i < limit; i++) {
            DeviceJob r = rows.get(i);
            wanted.put(r.moduleId() == null ? r.deviceId() : r.deviceId() + "/" + r.moduleId(), null);
        }
        for (List<TwinObject> part : List.of(fleet.devices(), fleet.modules())) {
            for (TwinObject t : part) {
                String id = Fleet.id(t);
                if (wanted.containsKey(id)) {
                    wanted.put(id, t);
                }
            }
        }
        return wanted;
    }

    /**
     * The changed leaves under {@code tags} and {@code properties.desired}, in the order of the
     * new twin then the removed ones. Bookkeeping ({@code $metadata}, {@code $version}) is left
     * out: it changes whenever anything does.
     */
    static List<PathChange> diff(TwinObject before, TwinObject after) {
        Map<String, Object> old = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        flatten(before.get("tags"), "tags", old);
        flatten(after.get("tags"), "tags", now);
        flatten(section(before), "properties.desired", old);
        flatten(section(after), "properties.desired", now);
        List<PathChange> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : now.entrySet()) {
            Object was = old.get(e.getKey());
            if (!e.getValue().equals(was)) {
                out.add(new PathChange(
                        e.getKey(), was == null ? null : TwinJson.toJackson(was), TwinJson.toJackson(e.getValue())));
            }
        }
        for (Map.Entry<String, Object> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                out.add(new PathChange(e.getKey(), TwinJson.toJackson(e.getValue()), null));
            }
        }
        return out;
    }

    private static Object section(TwinObject twin) {
        return twin.get("properties") instanceof TwinObject p ? p.get("desired") : null;
    }

    private static void flatten(Object value, String path, Map<String, Object> out) {
        if (value instanceof TwinObject o && o.size() > 0) {
            for (int i = 0; i < o.size(); i++) {
                if (!o.key(i).startsWith("$")) {
                    flatten(o.value(i), path + "." + o.key(i), out);
                }
            }
        } else if (value != null) {
            out.put(path, value); // a leaf; an empty object is a value of its own
        }
    }
}
