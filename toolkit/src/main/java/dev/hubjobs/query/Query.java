package dev.hubjobs.query;

import dev.hubjobs.text.Span;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A full query: {@code SELECT [TOP n] (* | projections) FROM source [WHERE cond] [GROUP BY paths]}.
 *
 * @param projections empty for {@code SELECT *}
 */
public record Query(
        OptionalLong top,
        List<Projection> projections,
        Source source,
        Span sourceSpan,
        Optional<Expr> where,
        List<Expr.Path> groupBy,
        Span span) {

    public Query {
        projections = List.copyOf(projections);
        groupBy = List.copyOf(groupBy);
    }

    public boolean selectsAll() {
        return projections.isEmpty();
    }
}
