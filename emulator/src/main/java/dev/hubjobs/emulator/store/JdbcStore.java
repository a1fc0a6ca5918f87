package dev.hubjobs.emulator.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The store over JDBC, one SQL text for SQLite (a file in WAL mode with {@code synchronous=FULL},
 * so that a committed write survives {@code kill -9} and power loss; or {@code :memory:}) and for
 * PostgreSQL. Both speak {@code INSERT ... ON CONFLICT ... DO UPDATE}.
 */
public final class JdbcStore implements Store {

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS meta (k VARCHAR(200) PRIMARY KEY, v TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS devices (id VARCHAR(200) PRIMARY KEY, seq BIGINT NOT NULL, identity TEXT NOT NULL,"
                + " twin TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS jobs (id VARCHAR(200) PRIMARY KEY, seq BIGINT NOT NULL, request TEXT NOT NULL,"
                + " status VARCHAR(20) NOT NULL, created BIGINT NOT NULL, started BIGINT NOT NULL, ended BIGINT NOT NULL,"
                + " failure TEXT, message TEXT)",
        "CREATE TABLE IF NOT EXISTS device_jobs (job_id VARCHAR(200) NOT NULL, idx INTEGER NOT NULL,"
                + " device_id VARCHAR(400) NOT NULL, row_json TEXT, PRIMARY KEY (job_id, idx))",
    };

    private final Connection c;
    private final String description;
    private long deviceSeq;
    private long jobSeq;

    private JdbcStore(Connection c, String description) throws SQLException {
        this.c = c;
        this.description = description;
        try (Statement s = c.createStatement()) {
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
        }
        c.setAutoCommit(false);
        c.commit();
        deviceSeq = max("devices");
        jobSeq = max("jobs");
    }

    /** A SQLite file {@code hubjobs.db} in {@code dir} (created if missing). */
    public static JdbcStore sqliteFile(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("hubjobs.db").toAbsolutePath();
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
            }
            return new JdbcStore(c, file + " (SQLite, WAL)");
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("cannot open the database in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A throw-away SQLite database in memory. */
    public static JdbcStore inMemory() {
        try {
            return new JdbcStore(DriverManager.getConnection("jdbc:sqlite::memory:"), "in memory (lost on exit)");
        } catch (SQLException e) {
            throw new StoreException("cannot open an in-memory database: " + e.getMessage(), e);
        }
    }

    /** Any JDBC URL whose driver is on the class path; PostgreSQL ({@code jdbc:postgresql://...}) is. */
    public static JdbcStore url(String url, String user, String password) {
        try {
            Properties p = new Properties();
            if (user != null) {
                p.setProperty("user", user);
            }
            if (password != null) {
                p.setProperty("password", password);
            }
            Connection c = DriverManager.getConnection(url, p);
            String shown = url.replaceAll("password=[^&;]*", "password=***");
            return new JdbcStore(c, shown);
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot connect to " + url.replaceAll("password=[^&;]*", "password=***") + ": " + e.getMessage(),
                    e);
        }
    }

    private long max(String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT MAX(seq) FROM " + table)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void write(Work work) {
        long deviceSeqBefore = deviceSeq;
        long jobSeqBefore = jobSeq;
        try (TxImpl tx = new TxImpl()) {
            work.run(tx);
            tx.flush();
            c.commit();
        } catch (Exception e) {
            deviceSeq = deviceSeqBefore;
            jobSeq = jobSeqBefore;
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the next write reports it
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("the database refused a write: " + e.getMessage(), e);
        }
    }

    /** Statements prepared once per transaction, batched where a job writes many rows. */
    private final class TxImpl implements Tx, AutoCloseable {
        private PreparedStatement twin;
        private PreparedStatement row;
        private int rows;

        @Override
        public void putMeta(String key, String value) {
            update("INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v", key, value);
        }

        @Override
        public void putDevice(String id, String identity, String twinJson) {
            update(
                    "INSERT INTO devices (id, seq, identity, twin) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
                            + " SET identity = excluded.identity, twin = excluded.twin",
                    id,
                    ++deviceSeq,
                    identity,
                    twinJson);
        }

        @Override
        public void putTwin(String id, String twinJson) {
            try {
                if (twin == null) {
                    twin = c.prepareStatement("UPDATE devices SET twin = ? WHERE id = ?");
                }
                twin.setString(1, twinJson);
                twin.setString(2, id);
                twin.addBatch();
            } catch (SQLException e) {
                throw new StoreException(e.getMessage(), e);
            }
        }

        @Override
        public void deleteDevice(String id) {
            update("DELETE FROM devices WHERE id = ?", id);
        }

        @Override
        public void putJob(JobRecord j) {
            update(
                    "INSERT INTO jobs (id, seq, request, status, created, started, ended, failure, message)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status,"
                            + " started = excluded.started, ended = excluded.ended, failure = excluded.failure,"
                            + " message = excluded.message",
                    j.id(),
                    ++jobSeq,
                    j.request(),
                    j.status(),
                    j.created(),
                    j.started(),
                    j.ended(),
                    j.failureReason(),
                    j.statusMessage());
        }

        @Override
        public void putTargets(String jobId, List<String> deviceIds) {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO device_jobs (job_id, idx, device_id, row_json) VALUES (?, ?, ?, NULL)")) {
                for (int i = 0; i < deviceIds.size(); i++) {
                    p.setString(1, jobId);
                    p.setInt(2, i);
                    p.setString(3, deviceIds.get(i));
                    p.addBatch();
                    if (i % 5000 == 4999) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            } catch (SQLException e) {
                throw new StoreException(e.getMessage(), e);
            }
        }

        @Override
        public void putRow(String jobId, int index, String rowJson) {
            try {
                if (row == null) {
                    row = c.prepareStatement("UPDATE device_jobs SET row_json = ? WHERE job_id = ? AND idx = ?");
                }
                row.setString(1, rowJson);
                row.setString(2, jobId);
                row.setInt(3, index);
                row.addBatch();
                if (++rows % 5000 == 0) {
                    row.executeBatch();
                }
            } catch (SQLException e) {
                throw new StoreException(e.getMessage(), e);
            }
        }

        void flush() throws SQLException {
            if (twin != null) {
                twin.executeBatch();
            }
            if (row != null) {
                row.executeBatch();
            }
        }

        private void update(String sql, Object... args) {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    p.setObject(i + 1, args[i]);
                }
                p.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException(e.getMessage(), e);
            }
        }

        @Override
        public void close() throws SQLException {
            if (twin != null) {
                twin.close();
            }
            if (row != null) {
                row.close();
            }
        }
    }

    @Override
    public Map<String, String> meta() {
        Map<String, String> m = new LinkedHashMap<>();
        read("SELECT k, v FROM meta", r -> m.put(r.getString(1), r.getString(2)));
        return m;
    }

    @Override
    public List<DeviceRecord> devices() {
        List<DeviceRecord> out = new ArrayList<>();
        read(
                "SELECT id, identity, twin FROM devices ORDER BY seq",
                r -> out.add(new DeviceRecord(r.getString(1), r.getString(2), r.getString(3))));
        return out;
    }

    @Override
    public List<JobRecord> jobs() {
        List<JobRecord> out = new ArrayList<>();
        read(
                "SELECT id, request, status, created, started, ended, failure, message FROM jobs ORDER BY seq",
                r -> out.add(new JobRecord(
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        r.getLong(4),
                        r.getLong(5),
                        r.getLong(6),
                        r.getString(7),
                        r.getString(8))));
        return out;
    }

    @Override
    public List<TargetRecord> targets(String jobId) {
        List<TargetRecord> out = new ArrayList<>();
        read(
                "SELECT idx, device_id, row_json FROM device_jobs WHERE job_id = ? ORDER BY idx",
                r -> out.add(new TargetRecord(r.getInt(1), r.getString(2), r.getString(3))),
                jobId);
        return out;
    }

    private interface RowReader {
        void accept(ResultSet r) throws SQLException;
    }

    private void read(String sql, RowReader reader, Object... args) {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    reader.accept(r);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("cannot read the database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            c.close();
        } catch (SQLException e) {
            // closing at exit: nothing left to do about it
        }
    }
}
