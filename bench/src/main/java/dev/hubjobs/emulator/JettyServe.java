package dev.hubjobs.emulator;

import dev.hubjobs.bench.JettyFrontEnd;
import dev.hubjobs.exec.Tier;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code hubjobs serve} with the same hub and routes behind Jetty 12 instead of the JDK's HTTPS
 * server, for {@code bench/run-emulator.sh}. It takes the options the script passes
 * ({@code --port --location --fleet --tier --units --clock-speed --in-memory --threads}) and prints
 * the lines the script reads ({@code listening on https://host:port}, the connection string,
 * {@code Press Ctrl-C to stop.}). In this package because the seam that swaps the server
 * ({@link Emulator#start(EmulatorOptions, java.util.function.Consumer, dev.hubjobs.emulator.http.FrontEnd.Factory)})
 * is not public.
 */
public final class JettyServe {

    private JettyServe() {}

    public static void main(String[] args) throws Exception {
        Path fleet = null;
        Tier tier = Tier.S1;
        int units = 1;
        int port = 8443;
        Path location = Path.of("").toAbsolutePath();
        boolean inMemory = false;
        double clock = 1;
        int threads = 32;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--fleet" -> fleet = Path.of(args[++i]);
                case "--tier" -> tier = Tier.parse(args[++i]).orElseThrow();
                case "--units" -> units = Integer.parseInt(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--location" -> location = Path.of(args[++i]).toAbsolutePath();
                case "--clock-speed" -> clock = Double.parseDouble(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--in-memory" -> inMemory = true;
                default -> throw new IllegalArgumentException("JettyServe: unknown option " + args[i] + " " + v);
            }
        }
        EmulatorOptions o = new EmulatorOptions(
                fleet, tier, units, port, "127.0.0.1", List.of(), location, inMemory, null, null, null, clock, threads);
        Emulator emulator =
                Emulator.start(o, line -> System.err.println("hubjobs serve: " + line), JettyFrontEnd::open);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        System.out.println("hubjobs serve (Jetty): listening on https://127.0.0.1:" + emulator.port());
        System.out.println("  connection string: " + emulator.connectionString("iothubowner"));
        System.out.println(
                "  data:              " + emulator.storeDescription() + ", " + emulator.deviceCount() + " device(s)");
        System.out.println("Press Ctrl-C to stop.");
        System.out.flush();
        stopped.await();
    }
}
