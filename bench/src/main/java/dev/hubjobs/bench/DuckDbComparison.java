package dev.hubjobs.bench;

import dev.hubjobs.eval.CompiledCondition;
import dev.hubjobs.eval.QueryEngine;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.twin.FleetLoad;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.ProgressListener;
import dev.hubjobs.twin.TwinObject;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * Loads one NDJSON fleet into the evaluator and into DuckDB (in-memory, JDBC) and times the
 * benchmark condition on both: {@code DuckDbComparison [N] [RUNS]}. Prints load and query times
 * (best of RUNS) and the match counts, which differ only where the evaluator's case-insensitive
 * names find a {@code Building} tag that DuckDB's struct column does not.
 */
public final class DuckDbComparison {

    /**
     * The twin schema, given rather than detected: DuckDB's detection stops at keys that differ
     * only in case ({@code building}/{@code Building}), which a real fleet has.
     */
    static final String COLUMNS = "{deviceId: 'VARCHAR', etag: 'VARCHAR', version: 'BIGINT', status: 'VARCHAR', "
            + "connectionState: 'VARCHAR', lastActivityTime: 'VARCHAR', "
            + "tags: 'STRUCT(building VARCHAR, floor VARCHAR, ring VARCHAR)', "
            + "properties: 'STRUCT(desired STRUCT(firmware STRUCT(version VARCHAR), \"$version\" BIGINT), "
            + "reported STRUCT(firmware STRUCT(version VARCHAR), battery DOUBLE, connectivity VARCHAR, "
            + "\"$version\" BIGINT))'}";

    private DuckDbComparison() {}

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path file = Files.createTempFile("hubjobs-fleet", ".ndjson");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                dev.hubjobs.twin.FleetGenerator.write(size, Workload.SEED, true, out);
            }
            System.out.printf("fleet: %d twins, %d bytes NDJSON%n", size, Files.size(file));

            long t0 = System.nanoTime();
            FleetLoad load = FleetLoader.load(file, ProgressListener.NONE);
            double ourLoad = (System.nanoTime() - t0) / 1e6;
            List<TwinObject> twins = load.fleet().devices();
            CompiledCondition condition = Workload.compiled();
            int ourCount = 0;
            int handCount = 0;
            double ourQuery = Double.MAX_VALUE;
            double handQuery = Double.MAX_VALUE;
            // Interleaved and best-of, so that noise from other processes hits both alike.
            for (int r = 0; r < runs; r++) {
                long s = System.nanoTime();
                int n = 0;
                for (TwinObject t : twins) {
                    if (condition.test(t)) {
                        n++;
                    }
                }
                ourQuery = Math.min(ourQuery, (System.nanoTime() - s) / 1e6);
                ourCount = n;
                s = System.nanoTime();
                n = 0;
                for (TwinObject t : twins) {
                    if (Workload.handWritten(t)) {
                        n++;
                    }
                }
                handQuery = Math.min(handQuery, (System.nanoTime() - s) / 1e6);
                handCount = n;
            }
            System.out.printf(
                    "hubjobs: load %.0f ms, query %.1f ms (best of %d, 1 thread), %d matches%n",
                    ourLoad, ourQuery, runs, ourCount);
            System.out.printf(
                    "hand-written Java: query %.1f ms (best of %d), %d matches%n", handQuery, runs, handCount);
            System.out.printf("ratio row-at-a-time hubjobs/hand-written: %.2f%n", ourQuery / handQuery);

            // The engine's column-at-a-time scan: the first run resolves the paths into columns.
            QueryEngine engine = new QueryEngine(load.fleet());
            Condition parsed = QueryParser.parseCondition(Workload.CONDITION).get();
            long f0 = System.nanoTime();
            int engineCount = engine.match(parsed).size();
            double engineFirst = (System.nanoTime() - f0) / 1e6;
            double engineQuery = Double.MAX_VALUE;
            for (int r = 0; r < runs; r++) {
                long s = System.nanoTime();
                engineCount = engine.match(parsed).size();
                engineQuery = Math.min(engineQuery, (System.nanoTime() - s) / 1e6);
            }
            System.out.printf(
                    "hubjobs engine (columns): first query %.1f ms, then %.1f ms (best of %d), %d matches%n",
                    engineFirst, engineQuery, runs, engineCount);

            Class.forName("org.duckdb.DuckDBDriver");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement st = c.createStatement()) {
                long l0 = System.nanoTime();
                st.execute("CREATE TABLE twins AS SELECT * FROM read_json('"
                        + file.toString().replace("'", "''") + "', format = 'newline_delimited', columns = " + COLUMNS
                        + ")");
                double duckLoad = (System.nanoTime() - l0) / 1e6;
                for (String threads : new String[] {"1", "2"}) {
                    st.execute("SET threads = " + threads);
                    double duckQuery = Double.MAX_VALUE;
                    long duckCount = -1;
                    for (int r = 0; r < runs; r++) {
                        long s = System.nanoTime();
                        try (ResultSet rs =
                                st.executeQuery("SELECT count(*) FROM twins WHERE " + Workload.DUCKDB_WHERE)) {
                            rs.next();
                            duckCount = rs.getLong(1);
                        }
                        duckQuery = Math.min(duckQuery, (System.nanoTime() - s) / 1e6);
                    }
                    System.out.printf(
                            "duckdb:  load %.0f ms, query %.1f ms (best of %d, %s thread%s), %d matches%n",
                            duckLoad, duckQuery, runs, threads, "1".equals(threads) ? "" : "s", duckCount);
                    System.out.printf(
                            "ratio query hubjobs engine/duckdb (%s thread%s): %.2f%n",
                            threads, "1".equals(threads) ? "" : "s", engineQuery / duckQuery);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
