package dev.hubjobs.emulator;

import dev.hubjobs.emulator.Sas.Permission;
import dev.hubjobs.emulator.handlers.CancelJob;
import dev.hubjobs.emulator.handlers.CreateJob;
import dev.hubjobs.emulator.handlers.DeleteDevice;
import dev.hubjobs.emulator.handlers.GetDevice;
import dev.hubjobs.emulator.handlers.GetJob;
import dev.hubjobs.emulator.handlers.GetTwin;
import dev.hubjobs.emulator.handlers.InvokeMethod;
import dev.hubjobs.emulator.handlers.ListDevices;
import dev.hubjobs.emulator.handlers.PutDevice;
import dev.hubjobs.emulator.handlers.QueryDevices;
import dev.hubjobs.emulator.handlers.QueryJobs;
import dev.hubjobs.emulator.handlers.UpdateTwin;
import dev.hubjobs.emulator.http.FrontEnd;
import dev.hubjobs.emulator.http.HttpsFrontEnd;
import dev.hubjobs.emulator.http.Router;
import dev.hubjobs.emulator.store.JdbcStore;
import dev.hubjobs.emulator.store.Store;
import dev.hubjobs.exec.DeclaredBehaviours;
import dev.hubjobs.exec.DeviceBehaviour;
import dev.hubjobs.exec.Throttle;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetLoad;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.ProgressListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** A running emulator: the hub, its store and the HTTPS front end. {@link #close()} stops it cleanly. */
public final class Emulator implements AutoCloseable {

    private final Hub hub;
    private final FrontEnd http;
    private final Certificates certificates;
    private final String hostName;
    private final Map<String, String> keys;
    private final List<String> notes;

    private Emulator(
            Hub hub,
            FrontEnd http,
            Certificates certificates,
            String hostName,
            Map<String, String> keys,
            List<String> notes) {
        this.hub = hub;
        this.http = http;
        this.certificates = certificates;
        this.hostName = hostName;
        this.keys = keys;
        this.notes = notes;
    }

    /** Opens the store, makes or reuses the certificates, starts serving. */
    public static Emulator start(EmulatorOptions o, Consumer<String> log) throws IOException {
        return start(o, log, HttpsFrontEnd::new);
    }

    /** As {@link #start(EmulatorOptions, Consumer)}, behind another HTTPS server (the benchmarks compare). */
    static Emulator start(EmulatorOptions o, Consumer<String> log, FrontEnd.Factory frontEnd) throws IOException {
        List<String> notes = new ArrayList<>();
        Fleet fleet = null;
        DeviceBehaviour behaviour = DeviceBehaviour.ALWAYS_OK;
        if (o.fleet() != null) {
            FleetLoad load = FleetLoader.load(o.fleet(), ProgressListener.NONE);
            if (load.problemCount() > 0) {
                throw new IllegalArgumentException(o.fleet() + ": " + load.problemCount() + " problem(s), first: "
                        + load.problems().get(0));
            }
            DeclaredBehaviours.Extracted extracted = DeclaredBehaviours.extract(load.fleet());
            fleet = extracted.fleet();
            behaviour = extracted.behaviour();
            notes.addAll(extracted.problems());
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (String h : o.hostNames()) {
            hosts.add(h.toLowerCase(Locale.ROOT));
        }
        hosts.add("localhost");
        hosts.add("127.0.0.1");
        Certificates certs = Certificates.ensure(o.location().resolve("certs"), List.copyOf(hosts));
        Store store = o.inMemory()
                ? JdbcStore.inMemory()
                : o.dbUrl() != null
                        ? JdbcStore.url(o.dbUrl(), o.dbUser(), o.dbPassword())
                        : JdbcStore.sqliteFile(o.location());
        Hub hub;
        try {
            hub = new Hub(
                    store, fleet, behaviour, Throttle.of(o.tier(), o.units()), o.maxActiveJobs(), o.clockSpeed(), log);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        Map<String, String> keys = new HashMap<>();
        hub.meta().forEach((k, v) -> {
            if (k.startsWith("key.")) {
                keys.put(k.substring(4), v);
            }
        });
        Sas sas = new Sas(keys, hosts);
        Router router = routes(hub, sas, log);
        FrontEnd http;
        try {
            http = frontEnd.open(new InetSocketAddress(o.bind(), o.port()), certs.serverContext(), router, o.threads());
        } catch (IOException | RuntimeException e) {
            hub.close();
            throw e;
        }
        http.start();
        String primary = o.hostNames().isEmpty() ? "localhost" : o.hostNames().get(0);
        return new Emulator(hub, http, certs, primary, keys, notes);
    }

    static Router routes(Hub hub, Sas sas, Consumer<String> log) {
        Set<Permission> read = EnumSet.of(Permission.REGISTRY_READ, Permission.SERVICE_CONNECT);
        Set<Permission> registryRead = EnumSet.of(Permission.REGISTRY_READ);
        Set<Permission> registryWrite = EnumSet.of(Permission.REGISTRY_WRITE);
        Set<Permission> service = EnumSet.of(Permission.SERVICE_CONNECT);
        return new Router(sas, log)
                .add("GET", "/devices", registryRead, new ListDevices(hub))
                .add("PUT", "/devices/{id}", registryWrite, new PutDevice(hub))
                .add("GET", "/devices/{id}", registryRead, new GetDevice(hub))
                .add("DELETE", "/devices/{id}", registryWrite, new DeleteDevice(hub))
                .add("POST", "/devices/query", read, new QueryDevices(hub))
                .add("GET", "/twins/{id}", read, new GetTwin(hub))
                .add("PATCH", "/twins/{id}", service, new UpdateTwin(hub, false))
                .add("PUT", "/twins/{id}", service, new UpdateTwin(hub, true))
                .add("POST", "/twins/{id}/methods", service, new InvokeMethod(hub))
                .add("GET", "/jobs/v2/query", read, new QueryJobs(hub))
                .add("PUT", "/jobs/v2/{id}", service, new CreateJob(hub))
                .add("GET", "/jobs/v2/{id}", read, new GetJob(hub))
                .add("POST", "/jobs/v2/{id}/cancel", service, new CancelJob(hub));
    }

    public int port() {
        return http.port();
    }

    public String hostName() {
        return hostName;
    }

    /** The connection string of a policy ({@code iothubowner}, {@code service}, {@code registryRead}, ...). */
    public String connectionString(String policy) {
        return "HostName=" + hostName + ";SharedAccessKeyName=" + policy + ";SharedAccessKey=" + keys.get(policy);
    }

    public String key(String policy) {
        return keys.get(policy);
    }

    public Certificates certificates() {
        return certificates;
    }

    public String storeDescription() {
        return hub.storeDescription();
    }

    public int deviceCount() {
        return hub.deviceCount();
    }

    /** Things worth telling the user at start (e.g. malformed behaviours in the fleet file). */
    public List<String> notes() {
        return notes;
    }

    @Override
    public void close() {
        http.close();
        hub.close();
    }
}
