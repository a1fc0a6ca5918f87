package dev.hubjobs.eval;

import dev.hubjobs.twin.TwinObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rows evaluated together, column by column: a path's values for every row are resolved once
 * into an array and kept, so a condition over a million twins reads a few dense arrays instead of
 * walking a million small objects per path. Columns are kept between queries on the same rows.
 */
final class Batch {

    static final byte FALSE = 0;
    static final byte TRUE = 1;
    static final byte UNDEFINED = 2;

    /** Each cached column costs 4 to 8 bytes per row. */
    private static final int MAX_COLUMNS = 64;

    final List<TwinObject> rows;
    private final Map<String, Object[]> columns;

    Batch(List<TwinObject> rows, Map<String, Object[]> columns) {
        this.rows = rows;
        this.columns = columns;
    }

    static Map<String, Object[]> newColumnCache() {
        return new ConcurrentHashMap<>();
    }

    /** Every row's value of the path ({@code null} where undefined). */
    Object[] column(Node.PathRef path) {
        String key = String.join("\u0000", path.exact);
        Object[] column = columns.get(key);
        if (column == null) {
            column = new Object[rows.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = path.eval(rows.get(i));
            }
            if (columns.size() < MAX_COLUMNS) {
                columns.put(key, column);
            }
        }
        return column;
    }

    static byte code(Object truth) {
        return truth == Boolean.TRUE ? TRUE : truth == Boolean.FALSE ? FALSE : UNDEFINED;
    }

    static byte code(Boolean truth) {
        return truth == null ? UNDEFINED : truth ? TRUE : FALSE;
    }
}
