package dev.hubjobs.examples;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a generated fleet file: {@code GenerateFleet N SEED OUT.ndjson|OUT.json [MODULE_EVERY]}.
 * The same N and SEED always write the same file; {@code .json} writes a JSON array, anything else
 * one twin per line. With MODULE_EVERY, every n-th twin is a module twin.
 */
public final class GenerateFleet {

    private GenerateFleet() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: GenerateFleet N SEED OUT.ndjson|OUT.json [MODULE_EVERY]");
            System.exit(2);
        }
        int count;
        long seed;
        int moduleEvery;
        try {
            count = Integer.parseInt(args[0]);
            seed = Long.parseLong(args[1]);
            moduleEvery = args.length == 4 ? Integer.parseInt(args[3]) : 0;
        } catch (NumberFormatException e) {
            System.err.println("GenerateFleet: N, SEED and MODULE_EVERY must be whole numbers");
            System.exit(2);
            return;
        }
        Path out = Path.of(args[2]);
        boolean ndjson = !out.getFileName().toString().endsWith(".json");
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            dev.hubjobs.twin.FleetGenerator.write(count, seed, moduleEvery, ndjson, stream);
        }
        System.err.println("wrote " + count + " twins to " + out + " (" + Files.size(out) + " bytes)");
    }
}
