package dev.hubjobs.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Full validation of the 2 KB benchmark job by two builds of the toolkit in one JVM, alternating:
 * {@code java -cp bench/target/benchmarks.jar dev.hubjobs.bench.CompareBuilds before.jar after.jar}.
 *
 * <p>For telling a change of a few percent on a shared machine, whose speed moves by more than that
 * from one minute to the next: each build gets its own class loader, and 30 pairs of windows, in
 * alternating order, give 30 ratios. Prints the mean times and the median ratio with its quartiles.
 */
public final class CompareBuilds {

    /** Runs in each build's class loader: that build's validator on the benchmark job. */
    public static final class Validation implements Supplier<Object> {
        private final dev.hubjobs.JobValidator validator = dev.hubjobs.JobValidator.builder()
                .clock(java.time.Clock.fixed(java.time.Instant.parse("2026-11-23T00:00:00Z"), java.time.ZoneOffset.UTC))
                .config(dev.hubjobs.config.ValidatorConfig.DEFAULT)
                .build();
        private final String job;

        public Validation() throws IOException {
            try (InputStream in = Validation.class.getResourceAsStream("/twin-update.job.json")) {
                job = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        @Override
        public Object get() {
            return validator.validate(job);
        }
    }

    private CompareBuilds() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: CompareBuilds <before: benchmarks.jar> <after: benchmarks.jar>");
            System.exit(2);
        }
        Supplier<Object> before = load(args[0]);
        Supplier<Object> after = load(args[1]);
        for (int i = 0; i < 15; i++) {
            window(before, 200_000_000L);
            window(after, 200_000_000L);
        }
        int rounds = 30;
        List<Double> ratios = new ArrayList<>();
        long sumBefore = 0;
        long sumAfter = 0;
        for (int r = 0; r < rounds; r++) {
            boolean beforeFirst = r % 2 == 0;
            long first = window(beforeFirst ? before : after, 150_000_000L);
            long second = window(beforeFirst ? after : before, 150_000_000L);
            long b = beforeFirst ? first : second;
            long a = beforeFirst ? second : first;
            ratios.add((double) a / b);
            sumBefore += b;
            sumAfter += a;
        }
        Collections.sort(ratios);
        System.out.printf(
                "before %d ns, after %d ns: after / before = %.3f (quartiles %.3f to %.3f)%n",
                sumBefore / rounds,
                sumAfter / rounds,
                ratios.get(rounds / 2),
                ratios.get(rounds / 4),
                ratios.get(3 * rounds / 4));
    }

    /**
     * The build in {@code jar}, its own toolkit first; this class comes from the running jar when
     * the other is older than it.
     */
    @SuppressWarnings("unchecked")
    private static Supplier<Object> load(String jar) throws Exception {
        URL self = CompareBuilds.class.getProtectionDomain().getCodeSource().getLocation();
        URLClassLoader loader = new URLClassLoader(
                new URL[] {Path.of(jar).toUri().toURL(), self}, ClassLoader.getPlatformClassLoader());
        return (Supplier<Object>)
                loader.loadClass(Validation.class.getName()).getConstructor().newInstance();
    }

    /** Nanoseconds per call over a window of about {@code nanos}. */
    private static long window(Supplier<Object> task, long nanos) {
        long calls = 0;
        long start = System.nanoTime();
        long end = start + nanos;
        long now;
        do {
            for (int i = 0; i < 100; i++) {
                task.get();
            }
            calls += 100;
        } while ((now = System.nanoTime()) < end);
        return (now - start) / calls;
    }
}
