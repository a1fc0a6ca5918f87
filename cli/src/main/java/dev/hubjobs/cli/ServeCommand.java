package dev.hubjobs.cli;

import dev.hubjobs.emulator.Emulator;
import dev.hubjobs.emulator.EmulatorOptions;
import dev.hubjobs.emulator.store.StoreException;
import dev.hubjobs.exec.Tier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the local IoT Hub endpoint until Ctrl-C. */
@Command(
        name = "serve",
        description = {
            "Run a local IoT Hub endpoint (HTTPS) for device identities, twins, queries, jobs and direct",
            "methods, that the official service SDKs use unmodified. Jobs run for real, in wall-clock time",
            "times --clock-speed, at the tier's throttle and concurrent-job limit. Data survives restarts.",
            "Prints the connection string, the CA certificate files to trust, and where the data lives."
        },
        footer = {
            "",
            "Examples:",
            "  hubjobs serve --fleet fleet.ndjson --port 8443",
            "  hubjobs serve --in-memory --tier S3 --units 10 --clock-speed 60",
            "  hubjobs serve --db jdbc:postgresql://db.example/hubjobs --db-user hub --db-password-env PGPASSWORD",
        })
final class ServeCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--fleet",
            paramLabel = "FILE",
            description =
                    "Twins to import on first start (JSON array or NDJSON); its $behaviour declarations apply on every start.")
    Path fleet;

    @Option(
            names = "--tier",
            paramLabel = "TIER",
            defaultValue = "S1",
            description = "F1 (Free), S1, S2 or S3 (default S1).")
    String tier;

    @Option(names = "--units", paramLabel = "N", defaultValue = "1", description = "Units of the tier (default 1).")
    int units;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8443",
            description = "HTTPS port (default 8443; 0 for any free port).")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default 127.0.0.1, loopback only).")
    String bind;

    @Option(
            names = "--host-name",
            paramLabel = "NAME",
            description =
                    "Host name of the hub for the certificate, tokens and connection string (repeatable; default localhost).")
    List<String> hostNames = new ArrayList<>();

    @Option(names = "--location", paramLabel = "DIR", description = "Data directory (default: the working directory).")
    Path location;

    @Option(
            names = "--in-memory",
            description = "Keep devices and jobs in memory only (certificates still go to the data directory).")
    boolean inMemory;

    @Option(
            names = "--db",
            paramLabel = "JDBC-URL",
            description = "Keep the data in this database instead, e.g. jdbc:postgresql://host/db.")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user for --db.")
    String dbUser;

    @Option(
            names = "--db-password-env",
            paramLabel = "VAR",
            description = "Environment variable holding the --db password.")
    String dbPasswordEnv;

    @Option(
            names = "--clock-speed",
            paramLabel = "X",
            defaultValue = "1",
            description = "Run job time X times faster than wall-clock time (default 1; 60 runs an hour in a minute).")
    double clockSpeed;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "32",
            hidden = true,
            description = "HTTP worker threads.")
    int threads;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Tier t = Tier.parse(tier).orElseThrow(() -> new UsageException("unknown tier '" + tier + "' (F1, S1, S2, S3)"));
        Path dir = (location == null ? Path.of("") : location).toAbsolutePath();
        if (fleet != null && !Files.isRegularFile(fleet)) {
            throw new UsageException("no such fleet file: " + fleet);
        }
        String password = null;
        if (dbPasswordEnv != null) {
            password = System.getenv(dbPasswordEnv);
            if (password == null) {
                throw new UsageException("environment variable " + dbPasswordEnv + " is not set");
            }
        }
        EmulatorOptions options;
        try {
            options = new EmulatorOptions(
                    fleet,
                    t,
                    units,
                    port,
                    bind,
                    hostNames,
                    dir,
                    inMemory,
                    db,
                    dbUser,
                    password,
                    clockSpeed,
                    Math.max(2, threads));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Emulator emulator;
        try {
            emulator = Emulator.start(options, line -> {
                err.println("hubjobs serve: " + Printable.escape(line));
                err.flush();
            });
        } catch (StoreException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (java.net.BindException e) {
            throw new UsageException("cannot listen on " + bind + ":" + port + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.close();
                            err.println("hubjobs serve: stopped");
                            err.flush();
                            stopped.countDown();
                        },
                        "hubjobs-stop"));
        out.println("hubjobs serve: listening on https://" + bind + ":" + emulator.port()
                + " (" + t + (units > 1 ? " x" + units : "") + ", " + options.maxActiveJobs() + " concurrent jobs"
                + (clockSpeed != 1 ? ", clock x" + clockSpeed : "") + ")");
        out.println("  connection string: " + emulator.connectionString("iothubowner"));
        out.println("  port:              " + emulator.port()
                + (emulator.port() == 443
                        ? ""
                        : " (Java: new RegistryClient(\"" + emulator.hostName() + ":" + emulator.port()
                                + "\", new AzureSasCredential(token)); Node: the 443 preload, see docs/emulator.md)"));
        out.println("  CA certificate:    " + emulator.certificates().caPem() + " (PEM: Node, curl, Python)");
        out.println("  Java trust store:  " + emulator.certificates().caTrustStore() + " (PKCS#12, password changeit)");
        out.println(
                "  data:              " + emulator.storeDescription() + ", " + emulator.deviceCount() + " device(s)");
        for (String note : emulator.notes()) {
            out.println("  note: " + Printable.escape(note));
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return Main.OK;
    }
}
