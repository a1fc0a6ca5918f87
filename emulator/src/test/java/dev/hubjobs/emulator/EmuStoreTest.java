package dev.hubjobs.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.emulator.store.GroupCommit;
import dev.hubjobs.emulator.store.JdbcStore;
import dev.hubjobs.emulator.store.Store;
import dev.hubjobs.emulator.store.StoreException;
import dev.hubjobs.exec.DeviceBehaviour;
import dev.hubjobs.exec.JobResponse;
import dev.hubjobs.exec.Throttle;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.testing.Prerequisites;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same store and hub tests on a SQLite file and on a real PostgreSQL server started for the
 * test (skipped, saying why, where no PostgreSQL binaries are installed: run .ci/emulator-deps.sh).
 */
class EmuStoreTest {

    @TempDir
    static Path dir;

    static LocalPostgres postgres;
    static String postgresProblem;
    static int databases;

    @BeforeAll
    static void startPostgres() {
        Optional<Path> bin = LocalPostgres.binaries();
        if (bin.isEmpty()) {
            postgresProblem = "no PostgreSQL binaries under /usr/lib/postgresql (run .ci/emulator-deps.sh)";
            return;
        }
        try {
            postgres = LocalPostgres.start(bin.get());
        } catch (Exception e) {
            postgresProblem = "PostgreSQL could not be started: " + e.getMessage();
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A fresh, empty database of the kind, opened again by each call of the supplier. */
    static Supplier<Store> fresh(String kind) throws Exception {
        int n = ++databases;
        if (kind.equals("sqlite")) {
            Path d = dir.resolve("db" + n);
            return () -> JdbcStore.sqliteFile(d);
        }
        Prerequisites.require(postgres != null, postgresProblem + "; .ci/emulator-deps.sh installs PostgreSQL");
        try (var c = java.sql.DriverManager.getConnection(postgres.url(), "hubjobs", "")) {
            c.createStatement().execute("CREATE DATABASE t" + n);
        }
        String url = postgres.url().replace("/postgres", "/t" + n);
        return () -> JdbcStore.url(url, "hubjobs", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void writesAreKeptAcrossReopeningAndAFailedTransactionKeepsNothing(String kind) throws Exception {
        Supplier<Store> open = fresh(kind);
        try (Store s = open.get()) {
            s.write(tx -> {
                tx.putMeta("k", "v1");
                tx.putDevice("d1", "{\"deviceId\":\"d1\"}", "{\"deviceId\":\"d1\",\"version\":1}");
                tx.putDevice("d2", "{\"deviceId\":\"d2\"}", "{\"deviceId\":\"d2\",\"version\":1}");
                tx.putJob(new Store.JobRecord("j1", "{}", "running", 1, 2, -1, null, null));
                tx.putTargets("j1", List.of("d1", "d2"));
            });
            s.write(tx -> {
                tx.putMeta("k", "v2");
                tx.putTwin("d1", "{\"deviceId\":\"d1\",\"version\":2}");
                tx.putRow("j1", 0, "{\"status\":\"completed\"}");
            });
            assertThatThrownBy(() -> s.write(tx -> {
                        tx.putTwin("d2", "{\"deviceId\":\"d2\",\"version\":99}");
                        tx.putTargets("j1", List.of("d1")); // the same (job, index) again: the transaction fails
                    }))
                    .isInstanceOf(StoreException.class);
        }
        try (Store s = open.get()) {
            assertThat(s.meta()).containsEntry("k", "v2");
            assertThat(s.devices())
                    .extracting(Store.DeviceRecord::twin)
                    .containsExactly("{\"deviceId\":\"d1\",\"version\":2}", "{\"deviceId\":\"d2\",\"version\":1}");
            assertThat(s.jobs()).extracting(Store.JobRecord::status).containsExactly("running");
            assertThat(s.targets("j1"))
                    .extracting(Store.TargetRecord::row)
                    .containsExactly("{\"status\":\"completed\"}", null);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void hubKeepsDevicesTwinsAndJobsAcrossRestart(String kind) throws Exception {
        Supplier<Store> open = fresh(kind);
        try (Hub hub = new Hub(open.get(), null, DeviceBehaviour.ALWAYS_OK, Throttle.UNTHROTTLED, 5, 1, line -> {})) {
            for (int i = 0; i < 3; i++) {
                hub.putDevice("d" + i, (ObjectNode) JobJson.MAPPER.readTree("{}"), null);
            }
            hub.updateTwin("d1", (ObjectNode) JobJson.MAPPER.readTree("{\"tags\":{\"b\":\"43\"}}"), null, false);
            hub.createJob(
                    "j1",
                    JobJson.MAPPER.readTree(
                            "{\"type\":\"scheduleUpdateTwin\",\"queryCondition\":"
                                    + "\"tags.b = '43'\",\"updateTwin\":{\"etag\":\"*\",\"properties\":{\"desired\":{\"fw\":\"2\"}}}}"));
            long until = System.currentTimeMillis() + 20_000;
            while (!hub.getJob("j1").status().equals("completed") && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
        }
        try (Hub hub = new Hub(open.get(), null, DeviceBehaviour.ALWAYS_OK, Throttle.UNTHROTTLED, 5, 1, line -> {})) {
            assertThat(hub.deviceCount()).isEqualTo(3);
            assertThat(hub.getTwin("d1")
                            .path("properties")
                            .path("desired")
                            .path("fw")
                            .asText())
                    .isEqualTo("2");
            assertThat(hub.getTwin("d0").path("properties").path("desired").has("fw"))
                    .isFalse();
            JobResponse job = hub.getJob("j1");
            assertThat(job.status()).isEqualTo("completed");
            assertThat(job.deviceJobStatistics().succeededCount()).isEqualTo(1);
            assertThat(hub.query("SELECT * FROM devices.jobs", null, null).items())
                    .hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void groupedWritesAreCommittedInTheOrderTheyWereQueued(String kind) throws Exception {
        Supplier<Store> open = fresh(kind);
        try (Store s = open.get()) {
            GroupCommit commits = new GroupCommit(s);
            // Queued faster than they commit: most go in together, and the last one queued wins.
            List<GroupCommit.Pending> pending = new java.util.ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                String value = Integer.toString(i);
                pending.add(commits.submit(tx -> tx.putMeta("n", value)));
            }
            // And from many threads at once, each waiting for its own.
            List<Thread> threads = new java.util.ArrayList<>();
            for (int t = 0; t < 20; t++) {
                String key = "t" + t;
                Thread thread = new Thread(() -> commits.write(tx -> tx.putMeta(key, "done")));
                thread.start();
                threads.add(thread);
            }
            for (Thread t : threads) {
                t.join();
            }
            pending.forEach(commits::await);
            commits.close();
        }
        try (Store s = open.get()) {
            assertThat(s.meta()).containsEntry("n", "1999");
            for (int t = 0; t < 20; t++) {
                assertThat(s.meta()).containsEntry("t" + t, "done");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void afterAFailedCommitEveryWriteFails(String kind) throws Exception {
        Supplier<Store> open = fresh(kind);
        try (Store s = open.get()) {
            GroupCommit commits = new GroupCommit(s);
            commits.write(tx -> tx.putMeta("before", "kept"));
            assertThatThrownBy(() -> commits.write(tx -> {
                        tx.putMeta("lost", "x");
                        throw new IllegalStateException("the disk is full");
                    }))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("the disk is full");
            assertThatThrownBy(() -> commits.write(tx -> tx.putMeta("after", "x")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("restart the emulator");
            commits.close();
        }
        try (Store s = open.get()) {
            assertThat(s.meta()).containsEntry("before", "kept").doesNotContainKeys("lost", "after");
        }
    }
}
