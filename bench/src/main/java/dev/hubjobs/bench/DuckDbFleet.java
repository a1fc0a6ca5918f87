package dev.hubjobs.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The peer of {@code hubjobs match} and {@code hubjobs query} for {@code bench/run-fleet.sh}:
 * DuckDB (JDBC, in memory, all threads) reading the NDJSON fleet straight from the file with
 * {@code read_ndjson} and the columns the query needs, printing what the hubjobs command prints
 * (one deviceId per line, or one row per group).
 *
 * <pre>DuckDbFleet match|group FLEET.ndjson</pre>
 */
public final class DuckDbFleet {

    /** Only the columns the condition reads: DuckDB's fastest reading of the file. */
    static final String COLUMNS = "{deviceId: 'VARCHAR', tags: 'STRUCT(building VARCHAR)', "
            + "properties: 'STRUCT(reported STRUCT(firmware STRUCT(version VARCHAR), battery DOUBLE))'}";

    private DuckDbFleet() {}

    public static void main(String[] args) throws SQLException {
        if (args.length != 2) {
            System.err.println("usage: DuckDbFleet match|group FLEET.ndjson");
            System.exit(2);
        }
        String source = "read_ndjson('" + args[1].replace("'", "''") + "', columns = " + COLUMNS + ")";
        String sql = args[0].equals("group")
                ? "SELECT tags.building AS building, count(*) AS n FROM " + source
                        + " WHERE tags.building IS NOT NULL GROUP BY tags.building ORDER BY building"
                : "SELECT deviceId FROM " + source + " WHERE " + Workload.DUCKDB_WHERE;
        StringBuilder out = new StringBuilder();
        long rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    out.append(i > 1 ? "\t" : "").append(rs.getString(i));
                }
                out.append('\n');
                rows++;
            }
        }
        System.out.print(out);
        System.out.println(rows + " rows");
    }
}
