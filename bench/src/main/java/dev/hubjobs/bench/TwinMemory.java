package dev.hubjobs.bench;

import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.ProgressListener;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Retained heap of a loaded fleet: {@code TwinMemory [N]}. Writes N generated twins to a temporary
 * NDJSON file, loads it, and prints the heap in use after full collections before and after.
 * Run it with a small {@code -Xmx} to show the fleet fits.
 */
public final class TwinMemory {

    private TwinMemory() {}

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = Files.createTempFile("hubjobs-fleet", ".ndjson");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                dev.hubjobs.twin.FleetGenerator.write(size, Workload.SEED, true, out);
            }
            long before = usedAfterGc();
            long t0 = System.nanoTime();
            Fleet fleet = FleetLoader.load(file, ProgressListener.NONE).fleet();
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            long after = usedAfterGc();
            long retained = after - before;
            // fleet is used below, after the measurement, so it is reachable while the heap is measured
            System.out.printf(
                    "twins: %d (%d bytes NDJSON, %.0f bytes per twin)%n",
                    fleet.size(), Files.size(file), Files.size(file) / (double) fleet.size());
            System.out.printf("load: %d ms%n", loadMs);
            System.out.printf(
                    "retained heap: %.1f MB (%.0f bytes per twin), max heap %d MB%n",
                    retained / 1e6,
                    retained / (double) fleet.size(),
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
