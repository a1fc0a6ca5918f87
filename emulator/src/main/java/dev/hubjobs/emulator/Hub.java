package dev.hubjobs.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.QueryValidator;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.emulator.store.GroupCommit;
import dev.hubjobs.emulator.store.Store;
import dev.hubjobs.eval.CompileException;
import dev.hubjobs.exec.DeviceBehaviour;
import dev.hubjobs.exec.DeviceJob;
import dev.hubjobs.exec.JobExecutor;
import dev.hubjobs.exec.JobListener;
import dev.hubjobs.exec.JobPage;
import dev.hubjobs.exec.JobResponse;
import dev.hubjobs.exec.JobServiceException;
import dev.hubjobs.exec.MergePatch;
import dev.hubjobs.exec.RestoredJob;
import dev.hubjobs.exec.Throttle;
import dev.hubjobs.exec.VirtualClock;
import dev.hubjobs.job.CloudToDeviceMethod;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.job.JobRequest;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.Query;
import dev.hubjobs.query.Source;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.Interner;
import dev.hubjobs.twin.TwinEdits;
import dev.hubjobs.twin.TwinJson;
import dev.hubjobs.twin.TwinObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The emulated hub: device identities, twins (held by the {@link JobExecutor}, which runs the
 * jobs), and the store every change is committed to before it is acknowledged. One lock guards
 * it all; a ticker thread moves the executor's clock along with wall-clock time (times
 * {@code clockSpeed}) and commits each tick's device results in one transaction.
 */
public final class Hub implements JobListener, AutoCloseable {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_PAGE = 100;
    private static final int TAGS_LIMIT = 8 * 1024;
    private static final int DESIRED_LIMIT = 32 * 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final Store store;
    /** Every write to the store, in the order of the changes in memory. */
    private final GroupCommit commits;

    private final Map<String, String> meta;
    private final VirtualClock clock;
    private final double speed;
    private final long wallOrigin;
    private final long virtualOrigin;
    private final JobExecutor executor;
    private final DeviceBehaviour behaviour;
    private final int maxActiveJobs;
    /**
     * Device identities by id, as their JSON text: a tenth of the memory of Jackson trees (a
     * 100,000-device hub kept some 200 MB of them), read into a tree when a request needs one.
     */
    private final Map<String, String> identities = new HashMap<>();

    private final List<Store.Work> pending = new ArrayList<>();
    private final TwinEdits edits = new TwinEdits(new Interner());
    private final SecureRandom random = new SecureRandom();
    private final Consumer<String> log;
    private long stateVersion;
    private String cachedQuery;
    private long cachedVersion = -1;
    private List<ObjectNode> cachedRows;
    private final Thread ticker;
    private volatile boolean stopped;

    /**
     * Opens the hub over {@code store}: on first use imports {@code initialFleet} (may be null);
     * afterwards loads devices and jobs from the store, and running jobs continue.
     */
    public Hub(
            Store store,
            Fleet initialFleet,
            DeviceBehaviour behaviour,
            Throttle throttle,
            int maxActiveJobs,
            double clockSpeed,
            Consumer<String> log) {
        this.store = store;
        this.commits = new GroupCommit(store);
        this.behaviour = behaviour;
        this.maxActiveJobs = maxActiveJobs;
        this.speed = clockSpeed;
        this.log = log;
        Map<String, String> meta = store.meta();
        if (!meta.containsKey("initialized")) {
            initialize(initialFleet);
            meta = store.meta();
        } else if (initialFleet != null) {
            log.accept("the data directory already holds a hub: the fleet's twins are not imported again"
                    + " (its device behaviours apply)");
        }
        this.meta = Map.copyOf(meta);
        long lastClock = Long.parseLong(meta.getOrDefault("clock", "0"));
        this.virtualOrigin = Math.max(System.currentTimeMillis(), lastClock);
        this.wallOrigin = System.nanoTime();
        this.clock = new VirtualClock(Instant.ofEpochMilli(virtualOrigin));
        List<TwinObject> twins = new ArrayList<>();
        for (Store.DeviceRecord d : store.devices()) {
            twins.add((TwinObject) TwinJson.parse(d.twin()));
            identities.put(d.id(), d.identity());
        }
        this.executor = JobExecutor.builder(Fleet.of(twins), clock)
                .throttle(throttle)
                .behaviour(behaviour)
                .listener(this)
                .build();
        for (Store.JobRecord j : store.jobs()) {
            restore(j);
        }
        flush();
        this.ticker = new Thread(this::tickLoop, "hubjobs-jobs");
        this.ticker.setDaemon(true);
        this.ticker.start();
    }

    /** The store's settings as the hub opened it (the policies' keys among them). */
    public Map<String, String> meta() {
        return meta;
    }

    public String storeDescription() {
        return store.describe();
    }

    public int deviceCount() {
        lock.lock();
        try {
            return identities.size();
        } finally {
            lock.unlock();
        }
    }

    private void initialize(Fleet fleet) {
        commits.write(tx -> {
            for (String policy : Sas.POLICIES.keySet()) {
                tx.putMeta("key." + policy, newKey());
            }
            if (fleet != null) {
                long now = System.currentTimeMillis();
                for (List<TwinObject> part : List.of(fleet.devices(), fleet.modules())) {
                    for (TwinObject t : part) {
                        if (Fleet.moduleId(t) != null) {
                            continue; // module identities are not emulated; module twins of the fleet are not kept
                        }
                        ObjectNode twin = (ObjectNode) TwinJson.toJackson(t);
                        String id = Fleet.deviceId(t);
                        ObjectNode identity = newIdentity(id, null, now);
                        completeTwin(twin, identity, now);
                        tx.putDevice(id, identity.toString(), twin.toString());
                    }
                }
            }
            tx.putMeta("initialized", Long.toString(System.currentTimeMillis()));
        });
    }

    // ------------------------------------------------------------------ time and the ticker

    private long virtualNow() {
        double elapsed = (System.nanoTime() - wallOrigin) / 1e6 * speed;
        return virtualOrigin + (long) elapsed;
    }

    private void sync() {
        long v = virtualNow();
        if (v > clock.millis()) {
            clock.advanceTo(Instant.ofEpochMilli(v));
        }
    }

    private void tickLoop() {
        while (!stopped) {
            long sleepMillis = 20;
            lock.lock();
            try {
                sync();
                executor.tick();
                flush();
                Optional<Instant> next = executor.nextEvent();
                if (next.isPresent()) {
                    long virtualWait = next.get().toEpochMilli() - clock.millis();
                    sleepMillis = Math.max(1, Math.min(20, (long) (virtualWait / speed)));
                }
            } catch (RuntimeException e) {
                log.accept("job processing: " + e);
                sleepMillis = 200;
            } finally {
                lock.unlock();
            }
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Commits what the executor reported; kept for the next try if the store refuses. */
    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Store.Work> work = new ArrayList<>(pending);
        long at = clock.millis();
        commits.write(tx -> {
            for (Store.Work w : work) {
                w.run(tx);
            }
            tx.putMeta("clock", Long.toString(at));
        });
        pending.clear();
        stateVersion++;
    }

    // ------------------------------------------------------------------ JobListener: record everything

    @Override
    public void jobChanged(JobResponse job, long createdMillis, long startedMillis) {
        long ended = job.endTime() == null ? -1 : Instant.parse(job.endTime()).toEpochMilli();
        String request = jobRequestJson(job.jobId());
        Store.JobRecord record = new Store.JobRecord(
                job.jobId(),
                request,
                job.status(),
                createdMillis,
                startedMillis,
                ended,
                job.failureReason(),
                job.statusMessage());
        pending.add(tx -> tx.putJob(record));
    }

    @Override
    public void targetsSelected(String jobId, List<String> targetIds) {
        List<String> ids = List.copyOf(targetIds);
        pending.add(tx -> tx.putTargets(jobId, ids));
    }

    @Override
    public void deviceJobEnded(String jobId, int index, DeviceJob row, TwinObject twin) {
        String rowJson = write(row);
        String twinJson = twin == null ? null : TwinJson.toJson(twin);
        String id = twin == null ? null : Fleet.id(twin);
        pending.add(tx -> {
            tx.putRow(jobId, index, rowJson);
            if (twinJson != null) {
                tx.putTwin(id, twinJson);
            }
        });
    }

    private final Map<String, String> requests = new HashMap<>();

    private String jobRequestJson(String jobId) {
        return requests.get(jobId);
    }

    private void restore(Store.JobRecord j) {
        JobRequest request;
        try {
            request = JobJson.fromWire(j.request());
        } catch (JsonProcessingException e) {
            log.accept("job " + j.id() + " cannot be read back and is skipped: " + e.getOriginalMessage());
            return;
        }
        List<String> ids = new ArrayList<>();
        List<DeviceJob> rows = new ArrayList<>();
        for (Store.TargetRecord t : store.targets(j.id())) {
            ids.add(t.deviceId());
            rows.add(t.row() == null ? null : read(t.row(), DeviceJob.class));
        }
        requests.put(j.id(), j.request());
        executor.restore(new RestoredJob(
                request,
                j.status(),
                j.created(),
                j.started(),
                j.ended(),
                j.failureReason(),
                j.statusMessage(),
                ids,
                rows));
    }

    // ------------------------------------------------------------------ devices

    /** {@code PUT /devices/{id}}: create (no If-Match) or update (If-Match: "*" or the etag). */
    public ObjectNode putDevice(String id, ObjectNode body, String ifMatch) {
        JsonNode bodyId = body.get("deviceId");
        if (bodyId != null && !bodyId.isNull() && !id.equals(bodyId.asText())) {
            throw HubErrors.badRequest(
                    "deviceId in the body ('" + bodyId.asText() + "') differs from the path ('" + id + "')");
        }
        checkDeviceId(id);
        lock.lock();
        try {
            sync();
            ObjectNode existing = identity(id);
            long now = clock.millis();
            if (existing == null) {
                if (ifMatch != null && !ifMatch.equals("*")) {
                    throw HubErrors.deviceNotFound(id);
                }
                ObjectNode identity = newIdentity(id, body, now);
                ObjectNode twin = JSON.objectNode();
                twin.put("deviceId", id);
                completeTwin(twin, identity, now);
                TwinObject twinObject = (TwinObject) TwinJson.fromJackson(twin, edits.interner());
                String identityText = identity.toString();
                commits.write(tx -> tx.putDevice(id, identityText, twin.toString()));
                identities.put(id, identityText);
                executor.putTwin(twinObject);
                stateVersion++;
                return identity;
            }
            if (ifMatch == null) {
                throw HubErrors.deviceAlreadyExists(id);
            }
            if (!etagMatches(ifMatch, existing.path("etag").asText())) {
                throw HubErrors.preconditionFailed();
            }
            // A tree read afresh from the stored text: it is changed in place and answered.
            String status = statusOf(body, existing.path("status").asText("enabled"));
            if (!status.equals(existing.path("status").asText())) {
                existing.put("statusUpdatedTime", WireTime.format(now));
            }
            existing.put("status", status);
            if (body.hasNonNull("statusReason")) {
                existing.put("statusReason", body.get("statusReason").asText());
            }
            if (body.has("authentication") && body.get("authentication").isObject()) {
                existing.set("authentication", authentication(body.get("authentication")));
            }
            existing.put("etag", newEtag());
            TwinObject twin = executor.twin(id).orElseThrow();
            ObjectNode twinJson = (ObjectNode) TwinJson.toJackson(twin);
            twinJson.put("status", status);
            String twinText = twinJson.toString();
            String identityText = existing.toString();
            commits.write(tx -> tx.putDevice(id, identityText, twinText));
            identities.put(id, identityText);
            executor.putTwin((TwinObject) TwinJson.fromJackson(twinJson, edits.interner()));
            stateVersion++;
            return existing;
        } finally {
            lock.unlock();
        }
    }

    public ObjectNode getDevice(String id) {
        lock.lock();
        try {
            ObjectNode identity = identity(id);
            if (identity == null) {
                throw HubErrors.deviceNotFound(id);
            }
            return identity;
        } finally {
            lock.unlock();
        }
    }

    /** A device's identity, read afresh (the caller may change it), or null. */
    private ObjectNode identity(String id) {
        String text = identities.get(id);
        return text == null ? null : (ObjectNode) readJson(text);
    }

    /** The first {@code count} device identities, by device id. */
    public List<ObjectNode> listDevices(int count) {
        lock.lock();
        try {
            return identities.keySet().stream()
                    .sorted()
                    .limit(count)
                    .map(this::identity)
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    public void deleteDevice(String id, String ifMatch) {
        lock.lock();
        try {
            ObjectNode identity = identity(id);
            if (identity == null) {
                throw HubErrors.deviceNotFound(id);
            }
            if (ifMatch != null && !etagMatches(ifMatch, identity.path("etag").asText())) {
                throw HubErrors.preconditionFailed();
            }
            commits.write(tx -> tx.deleteDevice(id));
            identities.remove(id);
            executor.removeTwin(id);
            stateVersion++;
        } finally {
            lock.unlock();
        }
    }

    private ObjectNode newIdentity(String id, ObjectNode body, long now) {
        ObjectNode d = JSON.objectNode();
        d.put("deviceId", id);
        d.put("generationId", "6" + String.format("%017d", Math.floorMod(random.nextLong(), 100_000_000_000_000_000L)));
        d.put("etag", newEtag());
        d.put("connectionState", "Disconnected");
        d.put("status", body == null ? "enabled" : statusOf(body, "enabled"));
        if (body != null && body.hasNonNull("statusReason")) {
            d.put("statusReason", body.get("statusReason").asText());
        }
        d.put("connectionStateUpdatedTime", WireTime.NEVER);
        d.put("statusUpdatedTime", WireTime.NEVER);
        d.put("lastActivityTime", WireTime.NEVER);
        d.put("cloudToDeviceMessageCount", 0);
        d.set("authentication", authentication(body == null ? null : body.get("authentication")));
        ObjectNode capabilities = d.putObject("capabilities");
        capabilities.put(
                "iotEdge",
                body != null && body.path("capabilities").path("iotEdge").asBoolean(false));
        return d;
    }

    private ObjectNode authentication(JsonNode given) {
        ObjectNode a = JSON.objectNode();
        String type = given == null ? "sas" : given.path("type").asText("sas");
        if (!type.equals("sas")
                && !type.equals("selfSigned")
                && !type.equals("certificateAuthority")
                && !type.equals("none")) {
            throw HubErrors.badRequest("authentication.type must be sas, selfSigned, certificateAuthority or none");
        }
        ObjectNode keys = a.putObject("symmetricKey");
        ObjectNode thumbprints = a.putObject("x509Thumbprint");
        if (type.equals("sas")) {
            keys.put(
                    "primaryKey",
                    keyOr(given == null ? null : given.path("symmetricKey").path("primaryKey")));
            keys.put(
                    "secondaryKey",
                    keyOr(given == null ? null : given.path("symmetricKey").path("secondaryKey")));
        } else if (given != null && given.path("x509Thumbprint").isObject()) {
            thumbprints.setAll((ObjectNode) given.get("x509Thumbprint").deepCopy());
        }
        a.put("type", type);
        return a;
    }

    private String keyOr(JsonNode given) {
        if (given != null && given.isTextual() && !given.asText().isEmpty()) {
            try {
                byte[] k = Base64.getDecoder().decode(given.asText());
                if (k.length < 16 || k.length > 64) {
                    throw HubErrors.badRequest("a symmetric key must be 16 to 64 bytes, base64-encoded");
                }
            } catch (IllegalArgumentException e) {
                throw HubErrors.badRequest("a symmetric key must be base64");
            }
            return given.asText();
        }
        return newKey();
    }

    private static String statusOf(ObjectNode body, String otherwise) {
        JsonNode s = body.get("status");
        if (s == null || s.isNull()) {
            return otherwise;
        }
        String v = s.asText().toLowerCase(Locale.ROOT);
        if (!v.equals("enabled") && !v.equals("disabled")) {
            throw HubErrors.badRequest("status must be enabled or disabled");
        }
        return v;
    }

    private void completeTwin(ObjectNode twin, ObjectNode identity, long now) {
        String at = WireTime.format(now);
        if (!twin.hasNonNull("etag")) {
            twin.put("etag", "AAAAAAAAAAE=");
        }
        twin.put("deviceEtag", identity.path("etag").asText());
        twin.put("status", identity.path("status").asText("enabled"));
        if (!twin.has("statusUpdateTime")) {
            twin.put("statusUpdateTime", WireTime.NEVER);
        }
        if (!twin.has("connectionState")) {
            twin.put("connectionState", "Disconnected");
        }
        if (!twin.has("lastActivityTime")) {
            twin.put("lastActivityTime", WireTime.NEVER);
        }
        if (!twin.has("cloudToDeviceMessageCount")) {
            twin.put("cloudToDeviceMessageCount", 0);
        }
        twin.put(
                "authenticationType",
                identity.path("authentication").path("type").asText("sas"));
        if (!twin.has("version")) {
            twin.put("version", 1);
        }
        ObjectNode properties = twin.has("properties") && twin.get("properties").isObject()
                ? (ObjectNode) twin.get("properties")
                : twin.putObject("properties");
        for (String section : List.of("desired", "reported")) {
            ObjectNode s = properties.has(section) && properties.get(section).isObject()
                    ? (ObjectNode) properties.get(section)
                    : properties.putObject(section);
            if (!s.has("$metadata")) {
                s.putObject("$metadata").put("$lastUpdated", at);
            }
            if (!s.has("$version")) {
                s.put("$version", 1);
            }
        }
        if (!twin.has("capabilities")) {
            twin.putObject("capabilities").put("iotEdge", false);
        }
    }

    // ------------------------------------------------------------------ twins

    public ObjectNode getTwin(String id) {
        TwinObject twin;
        lock.lock();
        try {
            twin = twinOf(id);
        } finally {
            lock.unlock();
        }
        return (ObjectNode) TwinJson.toJackson(twin);
    }

    private TwinObject twinOf(String id) {
        if (!identities.containsKey(id)) {
            throw HubErrors.deviceNotFound(id);
        }
        return executor.twin(id).orElseThrow(() -> HubErrors.deviceNotFound(id));
    }

    /** {@code PATCH /twins/{id}}: merge tags and desired properties; {@code replace} replaces them instead. */
    public ObjectNode updateTwin(String id, ObjectNode body, String ifMatch, boolean replace) {
        JsonNode properties = body.get("properties");
        if (properties != null && !properties.isNull()) {
            if (!properties.isObject()) {
                throw HubErrors.badRequest("properties must be an object");
            }
            JsonNode reported = properties.get("reported");
            if (reported != null && !reported.isNull() && !(reported.isObject() && reported.isEmpty())) {
                throw HubErrors.badRequest("reported properties can only be changed by the device");
            }
            JsonNode desired = properties.get("desired");
            if (desired != null && !desired.isNull() && !desired.isObject()) {
                throw HubErrors.badRequest("properties.desired must be an object");
            }
        }
        JsonNode tags = body.get("tags");
        if (tags != null && !tags.isNull() && !tags.isObject()) {
            throw HubErrors.badRequest("tags must be an object");
        }
        GroupCommit.Pending committed = null;
        ObjectNode answer;
        lock.lock();
        try {
            sync();
            TwinObject twin = twinOf(id);
            if (ifMatch != null && !etagMatches(ifMatch, twin.getString("etag"))) {
                throw HubErrors.preconditionFailed();
            }
            TwinObject updated;
            String at = WireTime.format(clock.millis());
            if (replace) {
                ObjectNode t = (ObjectNode) TwinJson.toJackson(twin);
                ObjectNode cleared = JSON.objectNode();
                if (t.has("tags")) {
                    ObjectNode nullTags = cleared.putObject("tags");
                    t.get("tags").fieldNames().forEachRemaining(k -> nullTags.putNull(k));
                }
                JsonNode oldDesired = t.path("properties").path("desired");
                if (oldDesired.isObject()) {
                    ObjectNode nullDesired = cleared.putObject("properties").putObject("desired");
                    oldDesired.fieldNames().forEachRemaining(k -> {
                        if (!k.startsWith("$")) {
                            nullDesired.putNull(k);
                        }
                    });
                }
                ObjectNode patch = cleared.deepCopy();
                if (tags != null && tags.isObject()) {
                    ObjectNode pt = patch.has("tags") ? (ObjectNode) patch.get("tags") : patch.putObject("tags");
                    pt.setAll((ObjectNode) tags);
                }
                JsonNode desired = body.path("properties").path("desired");
                if (desired.isObject()) {
                    ObjectNode pp = patch.has("properties")
                            ? (ObjectNode) patch.get("properties")
                            : patch.putObject("properties");
                    ObjectNode pd = pp.has("desired") ? (ObjectNode) pp.get("desired") : pp.putObject("desired");
                    pd.setAll((ObjectNode) desired);
                }
                updated = MergePatch.compile(patch, edits).apply(twin, at);
            } else {
                updated = MergePatch.compile(body, edits).apply(twin, at);
            }
            checkLimits(updated);
            if (updated != twin) {
                // Queued in the order of the change, committed with the other patches of the
                // moment after the lock is let go (written out there too: a twin is immutable).
                TwinObject result = updated;
                committed = commits.submit(tx -> tx.putTwin(id, TwinJson.toJson(result)));
                executor.putTwin(updated);
                stateVersion++;
            }
            answer = (ObjectNode) TwinJson.toJackson(updated);
        } finally {
            lock.unlock();
        }
        if (committed != null) {
            commits.await(committed); // answered only once it is on disk
        }
        return answer;
    }

    private static void checkLimits(TwinObject twin) {
        Object tags = twin.get("tags");
        if (tags != null && TwinJson.toJson(tags).getBytes(StandardCharsets.UTF_8).length > TAGS_LIMIT) {
            throw HubErrors.badRequest("tags exceed the 8 KB limit");
        }
        if (twin.get("properties") instanceof TwinObject p
                && p.get("desired") != null
                && TwinJson.toJson(p.get("desired")).getBytes(StandardCharsets.UTF_8).length > DESIRED_LIMIT) {
            throw HubErrors.badRequest("desired properties exceed the 32 KB limit");
        }
    }

    // ------------------------------------------------------------------ queries

    /** One page of {@code POST /devices/query}. */
    public record Page(List<ObjectNode> items, String continuation) {}

    public Page query(String sql, Integer pageSize, String token) {
        if (sql == null || sql.isBlank()) {
            throw HubErrors.badRequest("the query is empty");
        }
        ParseResult<Query> parsed = QueryValidator.standard().validateQuery(sql);
        Optional<Diagnostic> error =
                parsed.diagnostics().stream().filter(Diagnostic::isError).findFirst();
        if (error.isPresent() || parsed.value().isEmpty()) {
            throw HubErrors.badFormat(
                    "The query is invalid: " + error.map(Diagnostic::message).orElse("cannot read it"));
        }
        int size = pageSize == null ? MAX_PAGE : pageSize;
        if (size < 1) {
            throw HubErrors.badRequest("x-ms-max-item-count must be at least 1");
        }
        size = Math.min(size, MAX_PAGE);
        List<ObjectNode> rows;
        lock.lock();
        try {
            if (sql.equals(cachedQuery) && cachedVersion == stateVersion) {
                rows = cachedRows;
            } else {
                Query q = parsed.get();
                try {
                    rows = executor.query(q).toJackson();
                } catch (CompileException e) {
                    throw HubErrors.badFormat("The query is invalid: " + e.getMessage());
                }
                if (q.source() == Source.JOBS) {
                    rows.forEach(Hub::answerForJavaSdk);
                }
                cachedQuery = sql;
                cachedVersion = stateVersion;
                cachedRows = rows;
            }
        } finally {
            lock.unlock();
        }
        int from = token == null ? 0 : Tokens.decode(token, sql, rows.size());
        int to = Math.min(rows.size(), from + size);
        List<ObjectNode> page = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            page.add(rows.get(i).deepCopy());
        }
        return new Page(page, to < rows.size() ? Tokens.encode(to, sql) : null);
    }

    /**
     * A method job's row that has the device's answer under {@code outcome.deviceMethodResponse}
     * (the service's field) carries it a second time as {@code cloudToDeviceMethod}: the Java SDK
     * (2.1.9) builds {@code ScheduledJob.getOutcomeResult()} from that key's {@code status} and
     * {@code payload}, and without the key throws a NullPointerException on any row with an outcome.
     */
    static void answerForJavaSdk(ObjectNode row) {
        JsonNode answer = row.path("outcome").path("deviceMethodResponse");
        if ("scheduleDeviceMethod".equals(row.path("jobType").asText()) && answer.isObject()) {
            row.set("cloudToDeviceMethod", answer.deepCopy());
        }
    }

    // ------------------------------------------------------------------ jobs

    public JobResponse createJob(String jobId, JsonNode body) {
        if (!(body instanceof ObjectNode o)) {
            throw HubErrors.badFormat("the job must be a JSON object");
        }
        JobRequest request;
        try {
            request = JobJson.fromWire(o.toString());
        } catch (JsonProcessingException e) {
            throw HubErrors.badFormat("the job cannot be read: " + e.getOriginalMessage());
        }
        if (request.jobId() != null && !request.jobId().equals(jobId)) {
            throw HubErrors.badRequest(
                    "jobId in the body ('" + request.jobId() + "') differs from the path ('" + jobId + "')");
        }
        request = request.withJobId(jobId);
        lock.lock();
        try {
            sync();
            if (requests.containsKey(jobId)) {
                throw new JobServiceException(dev.hubjobs.exec.ServiceError.jobAlreadyExists(jobId));
            }
            // a request the service refuses gets its 400 whether or not the hub is at its job limit
            JobExecutor.Review review = executor.review(request);
            if (review.refusal().isPresent()) {
                throw new JobServiceException(review.refusal().get());
            }
            if (executor.activeJobCount() >= maxActiveJobs) {
                throw HubErrors.tooManyActiveJobs(maxActiveJobs);
            }
            String stored = JobJson.toWire(request);
            requests.put(jobId, stored);
            JobResponse created;
            try {
                created = executor.schedule(request);
            } catch (RuntimeException e) {
                requests.remove(jobId);
                throw e;
            }
            flush();
            // the service accepts what the validator only warns about; the log says it
            for (Diagnostic d : review.warnings()) {
                log.accept("job " + jobId + ": " + d.severity().label() + " [" + d.code() + "] " + d.message());
            }
            return created;
        } finally {
            lock.unlock();
        }
    }

    public JobResponse getJob(String jobId) {
        lock.lock();
        try {
            return executor.get(jobId);
        } finally {
            lock.unlock();
        }
    }

    public JobResponse cancelJob(String jobId) {
        lock.lock();
        try {
            sync();
            JobResponse r = executor.cancel(jobId);
            flush();
            return r;
        } finally {
            lock.unlock();
        }
    }

    public JobPage listJobs(String type, String status, Integer pageSize, String token) {
        lock.lock();
        try {
            return executor.list(type, status, pageSize, token);
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ direct methods

    /** The device's answer and how long (wall-clock) it takes to give it. */
    public record MethodAnswer(int status, JsonNode payload, long delayMillis) {}

    public MethodAnswer invokeMethod(String id, JsonNode body) {
        if (!(body instanceof ObjectNode o)) {
            throw HubErrors.badFormat("the method call must be a JSON object");
        }
        String name = o.path("methodName").asText("");
        if (name.isEmpty()) {
            throw HubErrors.badRequest("methodName is required");
        }
        Integer response = o.path("responseTimeoutInSeconds").isNumber()
                ? o.get("responseTimeoutInSeconds").asInt()
                : null;
        Integer connect = o.path("connectTimeoutInSeconds").isNumber()
                ? o.get("connectTimeoutInSeconds").asInt()
                : null;
        if (response != null && (response < 5 || response > 300)) {
            throw HubErrors.badRequest("responseTimeoutInSeconds must be between 5 and 300");
        }
        if (connect != null && (connect < 0 || connect > 300)) {
            throw HubErrors.badRequest("connectTimeoutInSeconds must be between 0 and 300");
        }
        CloudToDeviceMethod method = new CloudToDeviceMethod(name, o.get("payload"), response, connect);
        TwinObject twin;
        lock.lock();
        try {
            twin = twinOf(id);
        } finally {
            lock.unlock();
        }
        DeviceBehaviour.MethodResult result = behaviour.invoke(twin, method);
        if (result instanceof DeviceBehaviour.Response r) {
            long latency = r.latency().toMillis();
            if (latency > method.effectiveResponseTimeout() * 1000L) {
                throw HubErrors.gatewayTimeout(id, method.effectiveResponseTimeout());
            }
            return new MethodAnswer(r.status(), r.payload(), (long) (latency / speed));
        }
        throw HubErrors.deviceNotOnline(id);
    }

    // ------------------------------------------------------------------ helpers

    static void checkDeviceId(String id) {
        if (id.isEmpty() || id.length() > 128) {
            throw HubErrors.badRequest("a device id is 1 to 128 characters");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || "-.%_*?!(),:=@$'+".indexOf(c) >= 0;
            if (!ok) {
                throw HubErrors.badRequest(
                        "a device id may contain letters, digits and - . % _ * ? ! ( ) , : = @ $ ' +");
            }
        }
    }

    private static boolean etagMatches(String ifMatch, String etag) {
        String v = ifMatch.trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        return v.equals("*") || v.equals(etag);
    }

    private String newKey() {
        byte[] k = new byte[32];
        random.nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    private String newEtag() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    static JsonNode readJson(String text) {
        try {
            return JobJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read: " + e.getOriginalMessage());
        }
    }

    private static <T> T read(String text, Class<T> type) {
        try {
            return JobJson.MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read: " + e.getOriginalMessage());
        }
    }

    private static String write(Object value) {
        try {
            return JobJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Continuation tokens of {@code POST /devices/query}: a position bound to the query text. */
    static final class Tokens {
        private Tokens() {}

        static String encode(int position, String sql) {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(("q1:" + position + ":" + digest(sql)).getBytes(StandardCharsets.UTF_8));
        }

        static int decode(String token, String sql, int size) {
            try {
                String[] p =
                        new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8).split(":", 3);
                if (p.length == 3 && p[0].equals("q1") && p[2].equals(digest(sql))) {
                    int position = Integer.parseInt(p[1]);
                    if (position >= 0) {
                        return Math.min(position, size);
                    }
                }
            } catch (IllegalArgumentException e) {
                // not one of ours
            }
            throw HubErrors.badRequest("the continuation token is not valid for this query");
        }

        private static String digest(String sql) {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        ticker.interrupt();
        try {
            ticker.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            try {
                flush();
            } catch (RuntimeException e) {
                log.accept("could not record the last job progress: " + e.getMessage());
            }
            commits.close();
            store.close();
        } finally {
            lock.unlock();
        }
    }

    static ArrayNode array(List<? extends JsonNode> items) {
        ArrayNode a = JSON.arrayNode();
        a.addAll(items);
        return a;
    }
}
