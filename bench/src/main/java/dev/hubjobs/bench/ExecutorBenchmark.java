package dev.hubjobs.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.exec.DeviceJobStatistics;
import dev.hubjobs.exec.JobExecutor;
import dev.hubjobs.exec.Throttle;
import dev.hubjobs.exec.Tier;
import dev.hubjobs.exec.VirtualClock;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.job.JobRequest;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference executor over a generated fleet of 1,000,000 device twins, in virtual time.
 *
 * <ul>
 *   <li>{@code twinUpdate}: a twin job over every device, unthrottled: each device gets a merge
 *       patch of {@code properties.desired} (new {@code $version}, {@code $metadata}, twin
 *       {@code version} and {@code etag}). Reported per device operation (ops/s).
 *   <li>{@code twinUpdateOneHourAtS3}: the same job at S3 x 300 units (15,000/s) with a one-hour
 *       window: every device starts at its own virtual instant, so this measures the event loop
 *       too. Per device operation.
 *   <li>{@code oneHourWindowAtS1}: the whole run of a 1M-device job at S1 (10/s) with
 *       {@code maxExecutionTimeInSeconds} 3600: 36,000 devices updated, the rest time out. Time
 *       for the whole job.
 *   <li>{@code methodCall}: a method job over every device, every device answering at once.
 * </ul>
 *
 * Every invocation builds a fresh executor over the same fleet (the executor copies the twin
 * list; the fleet itself is never changed), so each run does the same work.
 */
// A twin job keeps a new copy of every twin it updates until the executor is dropped, so with a
// small young generation each run's million new twins are copied by the collector, and the
// collector, not the executor, sets the pace. A young generation larger than one run's
// allocation lets each run's garbage die young; see docs/performance/executor.md for both.
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-Xmn6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ExecutorBenchmark {

    static final int DEVICES = 1_000_000;
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @State(Scope.Benchmark)
    public static class Hub {
        Fleet fleet;
        ObjectNode patch;

        @Setup(Level.Trial)
        public void setUp() {
            fleet = FleetGenerator.fleet(DEVICES, 42);
            try {
                patch = (ObjectNode) JobJson.MAPPER.readTree("{\"etag\":\"*\",\"tags\":{\"ring\":\"broad\"},"
                        + "\"properties\":{\"desired\":{\"firmware\":{\"version\":\"2.3\",\"url\":\"fw-2.3.bin\"}}}}");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static DeviceJobStatistics run(Hub hub, Throttle throttle, JobRequest request) {
        JobExecutor ex = JobExecutor.builder(hub.fleet, new VirtualClock(T0))
                .throttle(throttle)
                .build();
        ex.schedule(request);
        ex.runToCompletion();
        DeviceJobStatistics s = ex.get(request.jobId()).deviceJobStatistics();
        if (s.deviceCount() != DEVICES || !s.consistent()) {
            throw new IllegalStateException("unexpected result " + s);
        }
        return s;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(DEVICES)
    public DeviceJobStatistics twinUpdate(Hub hub) {
        return run(hub, Throttle.UNTHROTTLED, JobRequest.twinUpdate("fw", "*", hub.patch));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(DEVICES)
    public DeviceJobStatistics twinUpdateOneHourAtS3(Hub hub) {
        return run(
                hub,
                Throttle.of(Tier.S3, 300),
                JobRequest.twinUpdate("fw", "*", hub.patch).withMaxExecutionTimeInSeconds(3600L));
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public DeviceJobStatistics oneHourWindowAtS1(Hub hub) {
        return run(
                hub,
                Throttle.of(Tier.S1, 1),
                JobRequest.twinUpdate("fw", "*", hub.patch).withMaxExecutionTimeInSeconds(3600L));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(DEVICES)
    public DeviceJobStatistics methodCall(Hub hub) {
        return run(hub, Throttle.UNTHROTTLED, JobRequest.deviceMethod("reboot", "*", "reboot", null));
    }
}
