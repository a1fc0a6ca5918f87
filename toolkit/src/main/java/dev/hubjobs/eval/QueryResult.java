package dev.hubjobs.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.twin.TwinJson;
import dev.hubjobs.twin.TwinObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a query, shaped as the service returns them: the twin document for {@code SELECT *},
 * an object keyed by alias or last path segment for projections, one object per group for
 * aggregates. Properties whose value is undefined are left out, as the service does.
 */
public record QueryResult(List<TwinObject> rows) {

    public QueryResult {
        rows = List.copyOf(rows);
    }

    public int size() {
        return rows.size();
    }

    /** The rows as Jackson trees (copies; convenient for small results and tests). */
    public List<ObjectNode> toJackson() {
        List<ObjectNode> nodes = new ArrayList<>(rows.size());
        for (TwinObject row : rows) {
            nodes.add((ObjectNode) TwinJson.toJackson(row));
        }
        return nodes;
    }
}
