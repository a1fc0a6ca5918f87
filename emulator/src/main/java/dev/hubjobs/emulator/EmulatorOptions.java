package dev.hubjobs.emulator;

import dev.hubjobs.exec.Tier;
import java.nio.file.Path;
import java.util.List;

/**
 * How to run the emulator.
 *
 * @param fleet twins to import on first start (and device behaviours), or null
 * @param port the HTTPS port (0 for any free one)
 * @param bind the address to listen on (loopback by default)
 * @param hostNames extra host names for the certificate and tokens (localhost and 127.0.0.1 always)
 * @param location the data directory (store, certificates)
 * @param inMemory keep devices and jobs in memory only (certificates still go to {@code location})
 * @param dbUrl a JDBC URL (PostgreSQL) instead of the SQLite file, or null
 * @param clockSpeed how much faster than wall-clock time jobs run (1 = real time)
 */
public record EmulatorOptions(
        Path fleet,
        Tier tier,
        int units,
        int port,
        String bind,
        List<String> hostNames,
        Path location,
        boolean inMemory,
        String dbUrl,
        String dbUser,
        String dbPassword,
        double clockSpeed,
        int threads) {

    public EmulatorOptions {
        hostNames = List.copyOf(hostNames);
        if (units < 1) {
            throw new IllegalArgumentException("--units must be at least 1");
        }
        if (!(clockSpeed > 0) || clockSpeed > 1_000_000) {
            throw new IllegalArgumentException("--clock-speed must be above 0 and at most 1000000");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0 to 65535");
        }
        if (inMemory && dbUrl != null) {
            throw new IllegalArgumentException("--in-memory and --db exclude each other");
        }
    }

    /** The limit on concurrently active (queued, scheduled, running) jobs: Free 1, S1 5, S2 and S3 10. */
    public int maxActiveJobs() {
        return switch (tier) {
            case F1 -> 1;
            case S1 -> 5;
            default -> 10;
        };
    }

    public static EmulatorOptions defaults(Path location) {
        return new EmulatorOptions(
                null, Tier.S1, 1, 0, "127.0.0.1", List.of(), location, false, null, null, null, 1.0, 32);
    }
}
